package sqlite

import (
	"context"
	"fmt"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/store/internal/rows"
)

// PutMatter inserts the matter or updates its name, client, date of
// incident, gap threshold and Bates prefix (fields left empty keep their
// stored value; KeepSenderBates is only ever turned on here). A change
// bumps the matter's version so its chronology is rebuilt.
func (s *Store) PutMatter(ctx context.Context, m chronology.Matter) error {
	t := now()
	_, err := s.q.ExecContext(ctx, `
INSERT INTO matters (id, name, client, incident_date, gap_days, bates_prefix, keep_sender_bates, version, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    name          = CASE WHEN excluded.name <> '' THEN excluded.name ELSE matters.name END,
    client        = CASE WHEN excluded.client <> '' THEN excluded.client ELSE matters.client END,
    incident_date = CASE WHEN excluded.incident_date <> '' THEN excluded.incident_date ELSE matters.incident_date END,
    gap_days      = CASE WHEN excluded.gap_days > 0 THEN excluded.gap_days ELSE matters.gap_days END,
    bates_prefix  = CASE WHEN excluded.bates_prefix <> '' THEN excluded.bates_prefix ELSE matters.bates_prefix END,
    keep_sender_bates = matters.keep_sender_bates OR excluded.keep_sender_bates,
    version       = matters.version + CASE WHEN
        (excluded.name <> '' AND excluded.name <> matters.name) OR
        (excluded.client <> '' AND excluded.client <> matters.client) OR
        (excluded.incident_date <> '' AND excluded.incident_date <> matters.incident_date) OR
        (excluded.gap_days > 0 AND excluded.gap_days <> matters.gap_days) OR
        (excluded.bates_prefix <> '' AND excluded.bates_prefix <> matters.bates_prefix) OR
        (excluded.keep_sender_bates AND NOT matters.keep_sender_bates) THEN 1 ELSE 0 END,
    updated_at    = excluded.updated_at`,
		m.ID, m.Name, m.Client, m.DateOfIncident.String(), m.GapDays, m.BatesPrefix, m.KeepSenderBates, t, t)
	return rows.Wrap(err, "put matter")
}

// Matter returns the matter with the given id.
func (s *Store) Matter(ctx context.Context, id string) (chronology.Matter, error) {
	var m chronology.Matter
	var incident string
	err := s.q.QueryRowContext(ctx, `SELECT id, name, client, incident_date, gap_days, bates_prefix, keep_sender_bates FROM matters WHERE id = ?`, id).
		Scan(&m.ID, &m.Name, &m.Client, &incident, &m.GapDays, &m.BatesPrefix, &m.KeepSenderBates)
	if err != nil {
		return m, notFound(err, "matter "+id)
	}
	if incident != "" {
		if m.DateOfIncident, err = dates.ParseISO(incident); err != nil {
			return m, fmt.Errorf("matter: %w", err)
		}
	}
	return m, nil
}

// Matters implements store.Queries.
func (s *Store) Matters(ctx context.Context) ([]chronology.Matter, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT id FROM matters ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("matters: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("matters: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("matters: %w", err)
	}
	out := make([]chronology.Matter, 0, len(ids))
	for _, id := range ids {
		m, err := s.Matter(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("matters: %w", err)
		}
		out = append(out, m)
	}
	return out, nil
}

// MatterVersion returns the matter's input version.
func (s *Store) MatterVersion(ctx context.Context, id string) (int64, error) {
	var v int64
	err := s.q.QueryRowContext(ctx, `SELECT version FROM matters WHERE id = ?`, id).Scan(&v)
	return v, notFound(err, "matter "+id)
}
