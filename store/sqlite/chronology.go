package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// PutChronology implements store.Queries: the chronology document and
// its entries (undated ones included) and bills as rows, replaced together.
func (s *Store) PutChronology(ctx context.Context, matterID string, version int64, c chronology.Chronology) error {
	data, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("put chronology: %w", err)
	}
	return rows.Wrap(s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		t := tx.(*Store)
		var stored int64
		switch err := t.q.QueryRowContext(ctx, `SELECT version FROM chronologies WHERE matter_id = ?`, matterID).Scan(&stored); {
		case err == nil && stored > version:
			return nil // a newer chronology stays
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return err
		}
		_, err := t.q.ExecContext(ctx, `
INSERT INTO chronologies (matter_id, version, data, built_at) VALUES (?, ?, ?, ?)
ON CONFLICT (matter_id) DO UPDATE SET version = excluded.version, data = excluded.data, built_at = excluded.built_at`,
			matterID, version, string(data), now())
		if err != nil {
			return err
		}
		for _, table := range []string{"entries", "bills"} {
			if _, err := t.q.ExecContext(ctx, `DELETE FROM `+table+` WHERE matter_id = ?`, matterID); err != nil {
				return err
			}
		}
		entries := c.AllEntries()
		err = t.execEach(ctx, `INSERT OR REPLACE INTO entries (matter_id, id, date, provider_id, data) VALUES (?, ?, ?, ?, ?)`, len(entries),
			func(i int) ([]any, error) {
				e := entries[i]
				b, err := json.Marshal(e)
				return []any{matterID, e.ID, e.Date.String(), e.ProviderID, string(b)}, err
			})
		if err != nil {
			return err
		}
		return t.execEach(ctx, `INSERT OR REPLACE INTO bills (matter_id, id, date, provider_id, charge_cents, data) VALUES (?, ?, ?, ?, ?, ?)`, len(c.Bills),
			func(i int) ([]any, error) {
				bl := c.Bills[i]
				b, err := json.Marshal(bl)
				return []any{matterID, bl.ID, bl.Date.String(), bl.ProviderID, int64(math.Round(bl.Charge * 100)), string(b)}, err
			})
	}), "put chronology")
}

// Chronology implements store.Queries.
func (s *Store) Chronology(ctx context.Context, matterID string) (chronology.Chronology, int64, error) {
	var c chronology.Chronology
	var data string
	var version int64
	err := s.q.QueryRowContext(ctx, `SELECT version, data FROM chronologies WHERE matter_id = ?`, matterID).Scan(&version, &data)
	if err != nil {
		return c, 0, notFound(err, "chronology of "+matterID)
	}
	return c, version, json.Unmarshal([]byte(data), &c)
}

// ChronologyVersion implements store.Queries.
func (s *Store) ChronologyVersion(ctx context.Context, matterID string) (int64, error) {
	var version int64
	err := s.q.QueryRowContext(ctx, `SELECT version FROM chronologies WHERE matter_id = ?`, matterID).Scan(&version)
	return version, notFound(err, "chronology of "+matterID)
}

// CacheGet implements store.Queries.
func (s *Store) CacheGet(ctx context.Context, key string) ([]byte, bool, error) {
	var v []byte
	err := s.q.QueryRowContext(ctx, `SELECT value FROM llm_cache WHERE key = ?`, key).Scan(&v)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, false, nil
		}
		return nil, false, fmt.Errorf("llm cache: %w", err)
	}
	return v, true, nil
}

// CachePut implements store.Queries.
func (s *Store) CachePut(ctx context.Context, key string, val []byte) error {
	_, err := s.q.ExecContext(ctx, `INSERT OR REPLACE INTO llm_cache (key, value, created_at) VALUES (?, ?, ?)`, key, val, now())
	return rows.Wrap(err, "cache put")
}
