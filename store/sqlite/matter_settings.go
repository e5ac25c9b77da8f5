package sqlite

import (
	"context"
	"fmt"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// CreateMatter implements store.Queries: it inserts a new matter and
// fails with store.ErrExists when the id is taken, so that two people
// creating the same id at once cannot both succeed.
func (s *Store) CreateMatter(ctx context.Context, m chronology.Matter) error {
	t := now()
	_, err := s.q.ExecContext(ctx, `
INSERT INTO matters (id, name, client, incident_date, gap_days, bates_prefix, keep_sender_bates, version, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`, m.ID, m.Name, m.Client, m.DateOfIncident.String(), m.GapDays, m.BatesPrefix, m.KeepSenderBates, t, t)
	if isUnique(err) {
		return fmt.Errorf("matter %s: %w", m.ID, store.ErrExists)
	}
	return rows.Wrap(err, "create matter")
}

// LockMatter implements store.Queries. A SQLite write transaction
// already excludes every other writer, so it only reads the matter.
func (s *Store) LockMatter(ctx context.Context, id string) (chronology.Matter, error) {
	return s.Matter(ctx, id)
}

// SetMatter implements store.Queries: it stores m's settings exactly
// (an empty field clears it) and bumps the version when one changed.
func (s *Store) SetMatter(ctx context.Context, m chronology.Matter) (bool, error) {
	res, err := s.q.ExecContext(ctx, `
UPDATE matters SET name = ?1, client = ?2, incident_date = ?3, gap_days = ?4, bates_prefix = ?5, keep_sender_bates = ?6,
    version = version + 1, updated_at = ?7
WHERE id = ?8 AND (name <> ?1 OR client <> ?2 OR incident_date <> ?3 OR gap_days <> ?4 OR bates_prefix <> ?5 OR keep_sender_bates <> ?6)`,
		m.Name, m.Client, m.DateOfIncident.String(), m.GapDays, m.BatesPrefix, m.KeepSenderBates, now(), m.ID)
	if err != nil {
		return false, fmt.Errorf("set matter %s: %w", m.ID, err)
	}
	n, _ := res.RowsAffected()
	if n == 0 {
		if _, err := s.Matter(ctx, m.ID); err != nil {
			return false, fmt.Errorf("set matter: %w", err)
		}
	}
	return n > 0, nil
}
