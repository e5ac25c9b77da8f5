package ui

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/web/internal/core"
)

// DemandSectionSave stores the edited text as the section's next version.
// The form names the version it started from: when someone saved since,
// the text is not stored and the editor shows it again with a notice.
func (s *Handler) DemandSectionSave(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	ctx := r.Context()
	key := r.PathValue("section")
	base, err := strconv.Atoi(r.PostFormValue("base"))
	if err != nil {
		s.Error(w, r, http.StatusBadRequest, "The form is missing the version it was loaded from. Reload the page.")
		return
	}
	body := strings.ReplaceAll(r.PostFormValue("body"), "\r\n", "\n")
	rec, _, ok := s.demandSectionOr404(w, r, m.ID)
	if !ok {
		return
	}
	back := "/matters/" + url.PathEscape(m.ID) + "/demand/" + url.PathEscape(key)
	v, err := rec.Edit(key, base, body, rc.User.ID, rc.User.Username, s.Now())
	if err == nil {
		err = s.Store.AddDemandVersion(ctx, m.ID, v)
	}
	switch {
	case errors.Is(err, demand.ErrUnchanged):
		http.Redirect(w, r, back+"?notice=unchanged", http.StatusSeeOther)
		return
	case errors.Is(err, demand.ErrConflict):
		s.showSection(w, r, m, http.StatusConflict, body, noticeText("conflict"))
		return
	case err != nil:
		s.ServerError(w, r, fmt.Errorf("save demand section %s: %w", key, err))
		return
	}
	if err := s.Audit(r, access.AuditDemandEdit, m.ID, "demand "+key, fmt.Sprintf("v%d sha256 %s", v.N, v.SHA256)); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, back+"?notice=saved", http.StatusSeeOther)
}
