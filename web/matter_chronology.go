package web

import (
	"net/http"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/web/internal/respond"
)

// matterChronology answers the matter's chronology.json.
func (s *Server) matterChronology(w http.ResponseWriter, r *http.Request) {
	id, ok := s.matterID(w, r)
	if !ok {
		return
	}
	c, err := s.reviewedChronology(r.Context(), id)
	if err != nil {
		if isNotFound(err) {
			s.errs.Error(w, r, http.StatusNotFound, "no chronology for this matter (yet)")
			return
		}
		s.errs.ServerError(w, r, err)
		return
	}
	if err := s.audit(r, access.AuditMatterView, id, "chronology.json", "api"); err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	respond.JSON(w, http.StatusOK, c)
}
