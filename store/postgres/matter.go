package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/store/internal/rows"
)

// PutMatter implements store.Queries: it inserts the matter or updates
// its name, client, date of incident, gap threshold and Bates prefix
// (fields left empty keep their stored value; KeepSenderBates is only
// ever turned on here). A change bumps the matter's version so its
// chronology is rebuilt.
func (s *Store) PutMatter(ctx context.Context, m chronology.Matter) error {
	_, err := s.q.Exec(ctx, `
INSERT INTO matters AS cur (id, name, client, incident_date, gap_days, bates_prefix, keep_sender_bates, version)
VALUES ($1, $2, $3, $4, $5, $6, $7, 1)
ON CONFLICT (id) DO UPDATE SET
    name          = CASE WHEN excluded.name <> '' THEN excluded.name ELSE cur.name END,
    client        = CASE WHEN excluded.client <> '' THEN excluded.client ELSE cur.client END,
    incident_date = COALESCE(excluded.incident_date, cur.incident_date),
    gap_days      = CASE WHEN excluded.gap_days > 0 THEN excluded.gap_days ELSE cur.gap_days END,
    bates_prefix  = CASE WHEN excluded.bates_prefix <> '' THEN excluded.bates_prefix ELSE cur.bates_prefix END,
    keep_sender_bates = cur.keep_sender_bates OR excluded.keep_sender_bates,
    version       = cur.version + CASE WHEN
        (excluded.name <> '' AND excluded.name <> cur.name) OR
        (excluded.client <> '' AND excluded.client <> cur.client) OR
        (excluded.incident_date IS NOT NULL AND excluded.incident_date IS DISTINCT FROM cur.incident_date) OR
        (excluded.gap_days > 0 AND excluded.gap_days <> cur.gap_days) OR
        (excluded.bates_prefix <> '' AND excluded.bates_prefix <> cur.bates_prefix) OR
        (excluded.keep_sender_bates AND NOT cur.keep_sender_bates) THEN 1 ELSE 0 END,
    updated_at    = now()`,
		m.ID, clean(m.Name), clean(m.Client), sqlDate(m.DateOfIncident), m.GapDays, m.BatesPrefix, m.KeepSenderBates)
	if err != nil {
		return fmt.Errorf("put matter %s: %w", m.ID, err)
	}
	return nil
}

// matterColumns are the columns a chronology.Matter is read from, in the
// order of its fields.
const matterColumns = `id, name, client, incident_date, gap_days, bates_prefix, keep_sender_bates`

// Matter implements store.Queries.
func (s *Store) Matter(ctx context.Context, id string) (chronology.Matter, error) {
	var m chronology.Matter
	var incident pgtype.Date
	err := s.q.QueryRow(ctx, `SELECT `+matterColumns+` FROM matters WHERE id = $1`, id).
		Scan(&m.ID, &m.Name, &m.Client, &incident, &m.GapDays, &m.BatesPrefix, &m.KeepSenderBates)
	m.DateOfIncident = fromSQLDate(incident)
	return m, notFound(err, "matter "+id)
}

// Matters implements store.Queries: every matter, ordered by id.
func (s *Store) Matters(ctx context.Context) ([]chronology.Matter, error) {
	rows, err := s.q.Query(ctx, `SELECT `+matterColumns+` FROM matters ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("matters: %w", err)
	}
	defer rows.Close()
	out := []chronology.Matter{}
	for rows.Next() {
		var m chronology.Matter
		var incident pgtype.Date
		if err := rows.Scan(&m.ID, &m.Name, &m.Client, &incident, &m.GapDays, &m.BatesPrefix, &m.KeepSenderBates); err != nil {
			return nil, fmt.Errorf("matters: %w", err)
		}
		m.DateOfIncident = fromSQLDate(incident)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("matters: %w", err)
	}
	return out, nil
}

// MatterVersion implements store.Queries.
func (s *Store) MatterVersion(ctx context.Context, id string) (int64, error) {
	var v int64
	err := s.q.QueryRow(ctx, `SELECT version FROM matters WHERE id = $1`, id).Scan(&v)
	return v, notFound(err, "matter "+id)
}

// bumpMatters increases the version of the matters matching where.
func (s *Store) bumpMatters(ctx context.Context, where string, args ...any) error {
	_, err := s.q.Exec(ctx, `UPDATE matters SET version = version + 1, updated_at = now() WHERE `+where, args...)
	return rows.Wrap(err, "bump matters")
}

// sqlDate is d as a date parameter, NULL for the zero (unknown) date.
func sqlDate(d dates.Date) pgtype.Date {
	if d.IsZero() {
		return pgtype.Date{}
	}
	return pgtype.Date{Time: d.Time(), Valid: true}
}

// fromSQLDate is the inverse of sqlDate.
func fromSQLDate(d pgtype.Date) dates.Date {
	if !d.Valid {
		return dates.Date{}
	}
	return dates.Of(d.Time.In(time.UTC))
}
