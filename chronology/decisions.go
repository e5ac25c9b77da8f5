package chronology

import (
	"context"
	"fmt"
)

// Decisions are the reviewers' stored decisions on a matter's chronology:
// its provider overrides and its entry reviews (a store implements them).
type Decisions interface {
	ProviderOverrides(ctx context.Context, matterID string) ([]ProviderOverride, error)
	EntryReviews(ctx context.Context, matterID string) ([]EntryReview, error)
}

// ApplyDecisions applies the matter's provider overrides (renames, merges,
// reassignments), then its entry reviews (states, corrections with the
// originals kept) to c: the chronology as the reviewers left it. The web
// pages, their exports and "medchron process" all read a chronology
// through it, so that a rerun of process on a reviewed matter writes the
// reviewed chronology, not the extractor's.
func ApplyDecisions(ctx context.Context, d Decisions, matterID string, c *Chronology) error {
	os, err := d.ProviderOverrides(ctx, matterID)
	if err != nil {
		return fmt.Errorf("provider overrides of matter %s: %w", matterID, err)
	}
	ApplyProviderOverrides(c, os)
	rs, err := d.EntryReviews(ctx, matterID)
	if err != nil {
		return fmt.Errorf("entry reviews of matter %s: %w", matterID, err)
	}
	ApplyReviews(c, rs)
	return nil
}
