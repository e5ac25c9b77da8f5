package sqlite

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// AddEntryReviews appends reviews in one transaction: all of them are
// stored or none. The store numbers them (their ID is ignored).
func (s *Store) AddEntryReviews(ctx context.Context, rs []chronology.EntryReview) error {
	if len(rs) == 0 {
		return nil
	}
	return rows.Wrap(s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		t := tx.(*Store)
		for _, r := range rs {
			fields, err := reviewFields(r.Fields)
			if err != nil {
				return fmt.Errorf("review of entry %s: %w", r.EntryID, err)
			}
			_, err = t.q.ExecContext(ctx, `
INSERT INTO entry_reviews (matter_id, entry_id, anchor, state, fields, reason, user_id, username, at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				r.MatterID, r.EntryID, r.Anchor, r.State, fields, r.Reason, r.UserID, r.Username, ts(r.At))
			if err != nil {
				return fmt.Errorf("review of entry %s: %w", r.EntryID, err)
			}
		}
		return nil
	}), "add entry reviews")
}

// EntryReviews lists a matter's reviews, oldest first (by time, then by
// the order they were stored).
func (s *Store) EntryReviews(ctx context.Context, matterID string) ([]chronology.EntryReview, error) {
	return rows.List(ctx, s.query, "reviews of matter "+matterID, scan.Review, `SELECT `+rows.ReviewColumns+` FROM entry_reviews WHERE matter_id = ? ORDER BY at, id`, matterID)
}

// reviewFields is a review's corrected fields as stored: a JSON object,
// empty when there are none.
func reviewFields(f map[string]string) (string, error) {
	if len(f) == 0 {
		return "{}", nil
	}
	b, err := json.Marshal(f)
	return string(b), rows.Wrap(err, "review fields")
}
