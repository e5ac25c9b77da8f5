package web

import "net/http"

// matterProgress reports pages and documents done and left, in total and
// per file.
func (s *Server) matterProgress(w http.ResponseWriter, r *http.Request) {
	id, ok := matterID(w, r)
	if !ok {
		return
	}
	if _, err := s.cfg.Store.Matter(r.Context(), id); err != nil {
		if isNotFound(err) {
			writeError(w, http.StatusNotFound, "no such matter")
			return
		}
		s.internalError(w, r, err)
		return
	}
	p, err := s.progress(r.Context(), id)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}
