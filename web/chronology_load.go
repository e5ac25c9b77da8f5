package web

import (
	"context"

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
