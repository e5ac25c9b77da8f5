package ui

import (
	"net/http"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/core"
	"github.com/medchron/medchron/web/internal/respond"
)

// MatterProgressPage answers progress.json, which the matter page polls
// while records are processed.
func (s *Handler) MatterProgressPage(w http.ResponseWriter, r *http.Request, _ *core.SignedIn, m chronology.Matter) {
	p, err := s.Progress(r.Context(), m.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	respond.JSON(w, http.StatusOK, p)
}
