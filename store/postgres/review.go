package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/medchron/medchron/chronology"
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
INSERT INTO entry_reviews (matter_id, entry_id, state, fields, reason, user_id, username, at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			r.MatterID, r.EntryID, r.State, string(fields), clean(r.Reason), r.UserID, clean(r.Username), r.At.UTC())
	}
	if err := s.sendBatch(ctx, &b); err != nil {
		return fmt.Errorf("add %d entry reviews: %w", len(rs), err)
	}
	return nil
}

// EntryReviews lists a matter's reviews, oldest first (by time, then by
// the order they were stored).
func (s *Store) EntryReviews(ctx context.Context, matterID string) ([]chronology.EntryReview, error) {
	rows, err := s.q.Query(ctx, `
SELECT id, matter_id, entry_id, state, fields, reason, user_id, username, at
FROM entry_reviews WHERE matter_id = $1 ORDER BY at, id`, matterID)
	if err != nil {
		return nil, fmt.Errorf("reviews of matter %s: %w", matterID, err)
	}
	defer rows.Close()
	var out []chronology.EntryReview
	for rows.Next() {
		var r chronology.EntryReview
		var fields []byte
		if err := rows.Scan(&r.ID, &r.MatterID, &r.EntryID, &r.State, &fields, &r.Reason, &r.UserID, &r.Username, &r.At); err != nil {
			return nil, fmt.Errorf("reviews of matter %s: %w", matterID, err)
		}
		if err := json.Unmarshal(fields, &r.Fields); err != nil {
			return nil, fmt.Errorf("review %d: fields: %w", r.ID, err)
		}
		if len(r.Fields) == 0 {
			r.Fields = nil
		}
		r.At = r.At.UTC()
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reviews of matter %s: %w", matterID, err)
	}
	return out, nil
}
