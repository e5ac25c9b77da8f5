package web

import (
	"context"
	"net/http"

	"github.com/medchron/medchron/chronology"
)

// reviewedChronology returns the matter's stored chronology with the
// reviewers' decisions applied (states, corrections with originals kept).
// Every page and export reads the chronology through it.
func (s *Server) reviewedChronology(ctx context.Context, matterID string) (chronology.Chronology, error) {
	c, _, err := s.cfg.Store.Chronology(ctx, matterID)
	if err != nil {
		return chronology.Chronology{}, err
	}
	rs, err := s.cfg.Store.EntryReviews(ctx, matterID)
	if err != nil {
		return chronology.Chronology{}, err
	}
	chronology.ApplyReviews(&c, rs)
	return c, nil
}

// chronologyOr404 is reviewedChronology for a handler: a matter without a
// chronology yet answers 404, any other error 500. ok is false when the
// answer was written.
func (s *Server) chronologyOr404(w http.ResponseWriter, r *http.Request, matterID string) (c chronology.Chronology, ok bool) {
	c, err := s.reviewedChronology(r.Context(), matterID)
	if err != nil {
		if isNotFound(err) {
			s.errs.NotFound(w, r)
		} else {
			s.errs.ServerError(w, r, err)
		}
		return c, false
	}
	return c, true
}

// entryOr404 loads the reviewed chronology and the entry the path names
// ({entry}), answering 404 when either is missing.
func (s *Server) entryOr404(w http.ResponseWriter, r *http.Request, matterID string) (*chronology.Chronology, *chronology.Entry, bool) {
	c, ok := s.chronologyOr404(w, r, matterID)
	if !ok {
		return nil, nil, false
	}
	e := findEntry(&c, r.PathValue("entry"))
	if e == nil {
		s.errs.NotFound(w, r)
		return nil, nil, false
	}
	return &c, e, true
}
