package web

import (
	"net/http"

	"github.com/medchron/medchron/web/internal/respond"
)

// matterProgress reports pages and documents done and left, in total and
// per file.
func (s *Server) matterProgress(w http.ResponseWriter, r *http.Request) {
	id, ok := s.matterID(w, r)
	if !ok {
		return
	}
	if _, err := s.cfg.Store.Matter(r.Context(), id); err != nil {
		if isNotFound(err) {
			s.errs.Error(w, r, http.StatusNotFound, "no such matter")
			return
		}
		s.errs.ServerError(w, r, err)
		return
	}
	p, err := s.progress(r.Context(), id)
	if err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	respond.JSON(w, http.StatusOK, p)
}
