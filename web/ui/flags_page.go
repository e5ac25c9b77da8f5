package ui

import (
	"net/http"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/core"
)

// FlagsPage is the flags workspace: every flag of the matter grouped by
// kind (?kind= shows one), with its explanation, proof pages and entries,
// each dismissable with a reason, restorable, or turned into a task; the
// duplicate pages side by side; and the matter's tasks.
func (s *Handler) FlagsPage(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	kind := r.URL.Query().Get("kind")
	if kind != "" && !validKind.MatchString(kind) {
		kind = ""
	}
	c, ok := s.chronologyOr404(w, r, m.ID)
	if !ok {
		return
	}
	states, err := s.flagStates(r, m.ID, c.Flags)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	tasks, err := s.Store.Tasks(r.Context(), m.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	if err := s.Audit(r, access.AuditMatterView, m.ID, "flags", ""); err != nil {
		s.ServerError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "flags", view{Title: "Flags", Matter: &m, Nav: "flags",
		Data: buildFlagsPage(m.ID, &c, kind, states, tasks)})
}

// flagStates returns the newest decision of each of the matter's flags.
func (s *Handler) flagStates(r *http.Request, matterID string, flags []chronology.Flag) (map[string]chronology.FlagDecision, error) {
	ds, err := s.Store.FlagDecisions(r.Context(), matterID)
	if err != nil {
		return nil, err
	}
	return chronology.FlagStates(ds, flags), nil
}
