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
INSERT INTO matters (id, name, client, incident_date, gap_days, version, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, 1, ?, ?)`, m.ID, m.Name, m.Client, m.DateOfIncident.String(), m.GapDays, t, t)
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
UPDATE matters SET name = ?, client = ?, incident_date = ?, gap_days = ?, version = version + 1, updated_at = ?
WHERE id = ? AND (name <> ? OR client <> ? OR incident_date <> ? OR gap_days <> ?)`,
		m.Name, m.Client, m.DateOfIncident.String(), m.GapDays, now(),
		m.ID, m.Name, m.Client, m.DateOfIncident.String(), m.GapDays)
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
