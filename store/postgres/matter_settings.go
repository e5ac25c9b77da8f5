package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/store"
)

// CreateMatter implements store.Queries: it inserts a new matter and
// fails with store.ErrExists when the id is taken, so that two people
// creating the same id at once cannot both succeed.
func (s *Store) CreateMatter(ctx context.Context, m chronology.Matter) error {
	_, err := s.q.Exec(ctx, `
INSERT INTO matters (id, name, client, incident_date, gap_days, bates_prefix, keep_sender_bates, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, 1)`,
		m.ID, clean(m.Name), clean(m.Client), sqlDate(m.DateOfIncident), m.GapDays, m.BatesPrefix, m.KeepSenderBates)
	if isUnique(err) {
		return fmt.Errorf("matter %s: %w", m.ID, store.ErrExists)
	}
	if err != nil {
		return fmt.Errorf("create matter %s: %w", m.ID, err)
	}
	return nil
}

// LockMatter implements store.Queries: the matter's row is locked
// (FOR UPDATE) until the transaction ends.
func (s *Store) LockMatter(ctx context.Context, id string) (chronology.Matter, error) {
	var m chronology.Matter
	var incident pgtype.Date
	err := s.q.QueryRow(ctx, `SELECT `+matterColumns+` FROM matters WHERE id = $1 FOR UPDATE`, id).
		Scan(&m.ID, &m.Name, &m.Client, &incident, &m.GapDays, &m.BatesPrefix, &m.KeepSenderBates)
	m.DateOfIncident = fromSQLDate(incident)
	return m, notFound(err, "matter "+id)
}

// SetMatter implements store.Queries: it stores m's settings exactly
// (an empty field clears it) and bumps the version when one changed.
func (s *Store) SetMatter(ctx context.Context, m chronology.Matter) (bool, error) {
	tag, err := s.q.Exec(ctx, `
UPDATE matters SET name = $2, client = $3, incident_date = $4, gap_days = $5, bates_prefix = $6, keep_sender_bates = $7,
    version = version + 1, updated_at = now()
WHERE id = $1 AND (name <> $2 OR client <> $3 OR incident_date IS DISTINCT FROM $4 OR gap_days <> $5
    OR bates_prefix <> $6 OR keep_sender_bates <> $7)`,
		m.ID, clean(m.Name), clean(m.Client), sqlDate(m.DateOfIncident), m.GapDays, m.BatesPrefix, m.KeepSenderBates)
	if err != nil {
		return false, fmt.Errorf("set matter %s: %w", m.ID, err)
	}
	if tag.RowsAffected() == 0 {
		if _, err := s.Matter(ctx, m.ID); err != nil {
			return false, fmt.Errorf("set matter: %w", err)
		}
	}
	return tag.RowsAffected() > 0, nil
}
