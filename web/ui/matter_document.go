package ui

import (
	"net/http"
	"strconv"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/core"
)

// matterDocument checks that the path's {doc} belongs to the matter,
// answering 404 otherwise.
func (s *Handler) matterDocument(w http.ResponseWriter, r *http.Request, m chronology.Matter) (string, bool) {
	id := r.PathValue("doc")
	ms, err := s.Store.DocumentMatters(r.Context(), id)
	if err != nil && !core.IsNotFound(err) {
		s.ServerError(w, r, err)
		return "", false
	}
	for _, x := range ms {
		if x == m.ID {
			return id, true
		}
	}
	s.NotFound(w, r)
	return "", false
}

// matterDocumentPage is matterDocument plus the path's {page}, a page
// number from 1; anything else answers 404.
func (s *Handler) matterDocumentPage(w http.ResponseWriter, r *http.Request, m chronology.Matter) (string, int, bool) {
	docID, ok := s.matterDocument(w, r, m)
	if !ok {
		return "", 0, false
	}
	n, err := strconv.Atoi(r.PathValue("page"))
	if err != nil || n < 1 {
		s.NotFound(w, r)
		return "", 0, false
	}
	return docID, n, true
}
