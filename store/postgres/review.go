package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/store/internal/rows"
)

// AddEntryReviews appends reviews in one transaction: all of them are
// stored or none. The database numbers them (their ID is ignored).
func (s *Store) AddEntryReviews(ctx context.Context, rs []chronology.EntryReview) error {
	if len(rs) == 0 {
		return nil
	}
	var b pgx.Batch
	for _, r := range rs {
		fields := []byte("{}")
		if len(r.Fields) > 0 {
			var err error
			if fields, err = jsonb(r.Fields); err != nil {
				return fmt.Errorf("review of entry %s: %w", r.EntryID, err)
			}
		}
		b.Queue(`
INSERT INTO entry_reviews (matter_id, entry_id, anchor, state, fields, reason, user_id, username, at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			r.MatterID, r.EntryID, r.Anchor, r.State, string(fields), clean(r.Reason), r.UserID, clean(r.Username), r.At.UTC())
	}
	if err := s.sendBatch(ctx, &b); err != nil {
		return fmt.Errorf("add %d entry reviews: %w", len(rs), err)
	}
	return nil
}

// EntryReviews lists a matter's reviews, oldest first (by time, then by
// the order they were stored).
func (s *Store) EntryReviews(ctx context.Context, matterID string) ([]chronology.EntryReview, error) {
	return rows.List(ctx, s.query, "reviews of matter "+matterID, scan.Review, `SELECT `+rows.ReviewColumns+` FROM entry_reviews WHERE matter_id = $1 ORDER BY at, id`, matterID)
}
