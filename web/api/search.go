package api

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/search"
	"github.com/medchron/medchron/web/internal/respond"
)

// MatterSearch answers ranked pages and entries for ?q=, at most ?limit=.
func (s *Handler) MatterSearch(w http.ResponseWriter, r *http.Request) {
	id, ok := s.MatterID(w, r)
	if !ok {
		return
	}
	if s.Search == nil {
		s.Error(w, r, http.StatusNotImplemented, "search is not configured")
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" || len(q) > 500 {
		s.Error(w, r, http.StatusBadRequest, "q: a query of 1 to 500 characters")
		return
	}
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 20
	}
	hits, err := s.Search.Search(r.Context(), id, q, limit)
	if err != nil {
		s.Fail(w, r, err, http.StatusNotFound, "no such matter")
		return
	}
	if hits == nil {
		hits = []search.Hit{}
	}
	// Only that a search happened: the query itself may be PHI.
	if err := s.Audit(r, access.AuditSearch, id, "search", fmt.Sprintf("%d results, api", len(hits))); err != nil {
		s.ServerError(w, r, err)
		return
	}
	respond.JSON(w, http.StatusOK, map[string]any{"query": q, "results": hits})
}
