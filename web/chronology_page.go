package web

import (
	"net/http"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
)

// chronologyPage shows the matter's reviewed chronology: filters, the
// treatment timeline, the entry table with gaps between rows, the provider
// index, the specials and the bill lines.
func (s *Server) chronologyPage(w http.ResponseWriter, r *http.Request, rc *reqCtx, m chronology.Matter) {
	f := parseChronoFilter(r.URL.Query())
	c, err := s.reviewedChronology(r.Context(), m.ID)
	if err != nil && !isNotFound(err) {
		s.errs.ServerError(w, r, err)
		return
	}
	var p chronoPage
	if isNotFound(err) {
		p = chronoPage{Filter: f, FlagFilters: flagFilters, States: reviewStates, Empty: true}
	} else if p, err = buildChronoPage(m.ID, &c, f); err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	if err := s.audit(r, access.AuditMatterView, m.ID, "chronology", ""); err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "chronology", view{Title: "Chronology", Matter: &m, Nav: "chronology", Data: p})
}
