package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/web/internal/respond"
)

// matterSearch answers ranked pages and entries for ?q=, at most ?limit=.
func (s *Server) matterSearch(w http.ResponseWriter, r *http.Request) {
	id, ok := s.matterID(w, r)
	if !ok {
		return
	}
	if s.cfg.Search == nil {
		s.errs.Error(w, r, http.StatusNotImplemented, "search is not configured")
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" || len(q) > 500 {
		s.errs.Error(w, r, http.StatusBadRequest, "q: a query of 1 to 500 characters")
		return
	}
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 20
	}
	hits, err := s.cfg.Search.Search(r.Context(), id, q, limit)
	if err != nil {
		if isNotFound(err) {
			s.errs.Error(w, r, http.StatusNotFound, "no such matter")
			return
		}
		s.errs.ServerError(w, r, err)
		return
	}
	if hits == nil {
		hits = []SearchHit{}
	}
	// Only that a search happened: the query itself may be PHI.
	if err := s.audit(r, access.AuditSearch, id, "search", fmt.Sprintf("%d results, api", len(hits))); err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	respond.JSON(w, http.StatusOK, map[string]any{"query": q, "results": hits})
}
