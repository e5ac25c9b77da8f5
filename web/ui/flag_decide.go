package ui

import (
	"fmt"
	"net/http"
	"net/url"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/core"
)

// FlagDecide dismisses a flag with a reason (action=dismiss) or restores
// a dismissed one (action=restore). The decision is kept as history and
// audited; the flags workspace shows the newest.
func (s *Handler) FlagDecide(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	c, ok := s.chronologyOr404(w, r, m.ID)
	if !ok {
		return
	}
	f, ok := flagByKey(&c, r.PathValue("flag"))
	if !ok {
		s.NotFound(w, r)
		return
	}
	d := chronology.FlagDecision{MatterID: m.ID, FlagKey: chronology.FlagKey(f), Anchor: chronology.FlagAnchor(f), Kind: f.Kind,
		UserID: rc.User.ID, Username: rc.User.Username, At: s.Now().UTC()}
	audit, notice := access.AuditFlagDismiss, "dismissed"
	switch r.PostFormValue("action") {
	case "dismiss":
		d.State, d.Reason = chronology.FlagDismissed, formText(r.PostFormValue("reason"))
	case "restore":
		d.State, audit, notice = chronology.FlagOpen, access.AuditFlagRestore, "restored"
	default:
		s.Error(w, r, http.StatusBadRequest, "Unknown flag action.")
		return
	}
	if err := d.Validate(); err != nil {
		s.Error(w, r, http.StatusUnprocessableEntity, sentence(err.Error())+".")
		return
	}
	if err := s.Store.AddFlagDecision(r.Context(), d); err != nil {
		s.ServerError(w, r, fmt.Errorf("store flag decision: %w", err))
		return
	}
	if err := s.Audit(r, audit, m.ID, "flag "+d.FlagKey, f.Kind); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, flagsBack(m.ID, r.PostFormValue("kind"), notice)+"#flag-"+d.FlagKey, http.StatusSeeOther)
}

// flagByKey finds the flag of c whose FlagKey is key.
func flagByKey(c *chronology.Chronology, key string) (chronology.Flag, bool) {
	for _, f := range c.Flags {
		if chronology.FlagKey(f) == key {
			return f, true
		}
	}
	return chronology.Flag{}, false
}

// flagsBack is the flags workspace's address, kind kept, with a notice.
func flagsBack(matterID, kind, notice string) string {
	u := "/matters/" + url.PathEscape(matterID) + "/flags?notice=" + notice
	if kind != "" && validKind.MatchString(kind) {
		u += "&kind=" + url.QueryEscape(kind)
	}
	return u
}
