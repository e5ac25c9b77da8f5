package web

import "net/http"

// matterChronology answers the matter's chronology.json.
func (s *Server) matterChronology(w http.ResponseWriter, r *http.Request) {
	id, ok := matterID(w, r)
	if !ok {
		return
	}
	c, _, err := s.cfg.Store.Chronology(r.Context(), id)
	if err != nil {
		if isNotFound(err) {
			writeError(w, http.StatusNotFound, "no chronology for this matter (yet)")
			return
		}
		s.internalError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, c)
}
