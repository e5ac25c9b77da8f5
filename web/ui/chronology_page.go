package ui

import (
	"net/http"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/core"
)

// ChronologyPage shows the matter's reviewed chronology: filters, the
// treatment timeline, the entry table with gaps between rows, the provider
// index, the specials and the bill lines.
func (s *Handler) ChronologyPage(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	f := parseChronoFilter(r.URL.Query())
	c, err := s.ReviewedChronology(r.Context(), m.ID)
	if err != nil && !core.IsNotFound(err) {
		s.ServerError(w, r, err)
		return
	}
	var p chronoPage
	if core.IsNotFound(err) {
		p = chronoPage{Filter: f, States: reviewStates, Empty: true}
	} else if p, err = buildChronoPage(m.ID, &c, f); err != nil {
		s.ServerError(w, r, err)
		return
	} else {
		states, err := s.flagStates(r, m.ID, c.Flags)
		if err != nil {
			s.ServerError(w, r, err)
			return
		}
		p.Incident = incidentWarningOf(m.ID, &c, states)
		for _, fl := range c.Flags {
			if !chronology.Dismissed(states, fl) {
				p.OpenFlags++
			}
		}
	}
	if err := s.Audit(r, access.AuditMatterView, m.ID, "chronology", ""); err != nil {
		s.ServerError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "chronology", view{Title: "Chronology", Matter: &m, Nav: "chronology", Data: p})
}
