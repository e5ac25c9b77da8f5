package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"github.com/jackc/pgx/v5"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// PutChronology implements store.Queries: the chronology document and
// its entries (undated ones included) and bills as rows, replaced together.
func (s *Store) PutChronology(ctx context.Context, matterID string, version int64, c chronology.Chronology) error {
	data, err := jsonb(c)
	if err != nil {
		return fmt.Errorf("put chronology of %s: %w", matterID, err)
	}
	var b pgx.Batch
	b.Queue(`
INSERT INTO chronologies (matter_id, version, data) VALUES ($1, $2, $3)
ON CONFLICT (matter_id) DO UPDATE SET version = excluded.version, data = excluded.data, built_at = now()`,
		matterID, version, string(data))
	b.Queue(`DELETE FROM entries WHERE matter_id = $1`, matterID)
	b.Queue(`DELETE FROM bills WHERE matter_id = $1`, matterID)
	for _, e := range c.AllEntries() {
		row, err := jsonb(e)
		if err != nil {
			return fmt.Errorf("put chronology of %s: entry %s: %w", matterID, e.ID, err)
		}
		b.Queue(`
INSERT INTO entries (matter_id, id, date, provider_id, data) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (matter_id, id) DO UPDATE SET date = excluded.date, provider_id = excluded.provider_id, data = excluded.data`,
			matterID, e.ID, sqlDate(e.Date), e.ProviderID, string(row))
	}
	for _, bl := range c.Bills {
		row, err := jsonb(bl)
		if err != nil {
			return fmt.Errorf("put chronology of %s: bill %s: %w", matterID, bl.ID, err)
		}
		b.Queue(`
INSERT INTO bills (matter_id, id, date, provider_id, charge_cents, data) VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (matter_id, id) DO UPDATE SET date = excluded.date, provider_id = excluded.provider_id,
    charge_cents = excluded.charge_cents, data = excluded.data`,
			matterID, bl.ID, sqlDate(bl.Date), bl.ProviderID, int64(math.Round(bl.Charge*100)), string(row))
	}
	err = rows.Wrap(s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		t := tx.(*Store)
		// One writer per matter at a time; a newer chronology stays.
		if _, err := t.tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('chronology:' || $1))`, matterID); err != nil {
			return err
		}
		var stored int64
		switch err := t.tx.QueryRow(ctx, `SELECT version FROM chronologies WHERE matter_id = $1`, matterID).Scan(&stored); {
		case err == nil && stored > version:
			return nil
		case err != nil && !errors.Is(err, pgx.ErrNoRows):
			return err
		}
		return t.tx.SendBatch(ctx, &b).Close()
	}), "send batch")
	if err != nil {
		return fmt.Errorf("put chronology of %s: %w", matterID, err)
	}
	return nil
}

// Chronology implements store.Queries.
func (s *Store) Chronology(ctx context.Context, matterID string) (chronology.Chronology, int64, error) {
	var c chronology.Chronology
	var data []byte
	var version int64
	err := s.q.QueryRow(ctx, `SELECT version, data FROM chronologies WHERE matter_id = $1`, matterID).Scan(&version, &data)
	if err != nil {
		return c, 0, notFound(err, "chronology of "+matterID)
	}
	if err := json.Unmarshal(data, &c); err != nil {
		return c, 0, fmt.Errorf("chronology of %s: %w", matterID, err)
	}
	return c, version, nil
}

// ChronologyVersion implements store.Queries.
func (s *Store) ChronologyVersion(ctx context.Context, matterID string) (int64, error) {
	var version int64
	err := s.q.QueryRow(ctx, `SELECT version FROM chronologies WHERE matter_id = $1`, matterID).Scan(&version)
	return version, notFound(err, "chronology of "+matterID)
}
