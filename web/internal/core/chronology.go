package core

import (
	"context"

	"github.com/medchron/medchron/chronology"
)

// ReviewedChronology returns the matter's stored chronology with the
// reviewers' decisions applied: the matter's provider overrides first
// (renames, merges, reassignments), then the entry reviews (states,
// corrections with originals kept). Every page and export reads the
// chronology through it, so that they all show the same providers.
func (s *Core) ReviewedChronology(ctx context.Context, matterID string) (chronology.Chronology, error) {
	c, _, err := s.Store.Chronology(ctx, matterID)
	if err != nil {
		return chronology.Chronology{}, err
	}
	if err := chronology.ApplyDecisions(ctx, s.Store, matterID, &c); err != nil {
		return chronology.Chronology{}, err
	}
	return c, nil
}
