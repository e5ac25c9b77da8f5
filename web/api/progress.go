package api

import (
	"net/http"

	"github.com/medchron/medchron/web/internal/respond"
)

// MatterProgress reports pages and documents done and left, in total and
// per file.
func (s *Handler) MatterProgress(w http.ResponseWriter, r *http.Request) {
	id, ok := s.MatterID(w, r)
	if !ok {
		return
	}
	if _, err := s.Store.Matter(r.Context(), id); err != nil {
		s.Fail(w, r, err, http.StatusNotFound, "no such matter")
		return
	}
	p, err := s.Progress(r.Context(), id)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	respond.JSON(w, http.StatusOK, p)
}
