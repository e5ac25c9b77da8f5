package web

import (
	"net/http"

	"github.com/medchron/medchron/access"
)

// matterChronology answers the matter's chronology.json.
func (s *Server) matterChronology(w http.ResponseWriter, r *http.Request) {
	id, ok := matterID(w, r)
	if !ok {
		return
	}
	c, err := s.reviewedChronology(r.Context(), id)
	if err != nil {
		if isNotFound(err) {
			writeError(w, http.StatusNotFound, "no chronology for this matter (yet)")
			return
		}
		s.internalError(w, r, err)
		return
	}
	if err := s.audit(r, access.AuditMatterView, id, "chronology.json", "api"); err != nil {
		s.internalError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, c)
}
