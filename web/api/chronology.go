package api

import (
	"net/http"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/web/internal/respond"
)

// MatterChronology answers the matter's chronology.json.
func (s *Handler) MatterChronology(w http.ResponseWriter, r *http.Request) {
	id, ok := s.MatterID(w, r)
	if !ok {
		return
	}
	c, err := s.ReviewedChronology(r.Context(), id)
	if err != nil {
		s.Fail(w, r, err, http.StatusNotFound, "no chronology for this matter (yet)")
		return
	}
	if err := s.Audit(r, access.AuditMatterView, id, "chronology.json", "api"); err != nil {
		s.ServerError(w, r, err)
		return
	}
	respond.JSON(w, http.StatusOK, c)
}
