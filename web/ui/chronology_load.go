package ui

import (
	"net/http"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/respond"
)

// chronologyOr404 is reviewedChronology for a handler: a matter without a
// chronology yet answers 404, any other error 500. ok is false when the
// answer was written.
func (s *Handler) chronologyOr404(w http.ResponseWriter, r *http.Request, matterID string) (c chronology.Chronology, ok bool) {
	c, err := s.ReviewedChronology(r.Context(), matterID)
	if err != nil {
		s.Fail(w, r, err, http.StatusNotFound, respond.NotFoundText)
		return c, false
	}
	return c, true
}

// entryOr404 loads the reviewed chronology and the entry the path names
// ({entry}), answering 404 when either is missing.
func (s *Handler) entryOr404(w http.ResponseWriter, r *http.Request, matterID string) (*chronology.Chronology, *chronology.Entry, bool) {
	c, ok := s.chronologyOr404(w, r, matterID)
	if !ok {
		return nil, nil, false
	}
	e := findEntry(&c, r.PathValue("entry"))
	if e == nil {
		s.NotFound(w, r)
		return nil, nil, false
	}
	return &c, e, true
}
