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
// The document is encoded as JSON beside the rows' encoding and inserts.
func (s *Store) PutChronology(ctx context.Context, matterID string, version int64, c chronology.Chronology) error {
	type encoded struct {
		data []byte
		err  error
	}
	doc := make(chan encoded, 1)
	go func() {
		data, err := json.Marshal(c)
		doc <- encoded{data, err}
	}()
	entries := c.AllEntries()
	entryJSON, err := marshalEach(entries)
	if err != nil {
		return fmt.Errorf("put chronology: %w", err)
	}
	billJSON, err := marshalEach(c.Bills)
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
		for _, table := range []string{"entries", "bills"} {
			if _, err := t.q.ExecContext(ctx, `DELETE FROM `+table+` WHERE matter_id = ?`, matterID); err != nil {
				return err
			}
		}
		err := t.execEach(ctx, `INSERT OR REPLACE INTO entries (matter_id, id, date, provider_id, data) VALUES (?, ?, ?, ?, ?)`, len(entries),
			func(i int) ([]any, error) {
				e := entries[i]
				return []any{matterID, e.ID, e.Date.String(), e.ProviderID, entryJSON[i]}, nil
			})
		if err != nil {
			return err
		}
		err = t.execEach(ctx, `INSERT OR REPLACE INTO bills (matter_id, id, date, provider_id, charge_cents, data) VALUES (?, ?, ?, ?, ?, ?)`, len(c.Bills),
			func(i int) ([]any, error) {
				bl := c.Bills[i]
				return []any{matterID, bl.ID, bl.Date.String(), bl.ProviderID, int64(math.Round(bl.Charge * 100)), billJSON[i]}, nil
			})
		if err != nil {
			return err
		}
		d := <-doc
		if d.err != nil {
			return d.err
		}
		_, err = t.q.ExecContext(ctx, `
INSERT INTO chronologies (matter_id, version, data, built_at) VALUES (?, ?, ?, ?)
ON CONFLICT (matter_id) DO UPDATE SET version = excluded.version, data = excluded.data, built_at = excluded.built_at`,
			matterID, version, string(d.data), now())
		return err
	}), "put chronology")
}

// marshalEach encodes each of xs as JSON.
func marshalEach[T any](xs []T) ([]string, error) {
	out := make([]string, len(xs))
	for i, x := range xs {
		b, err := json.Marshal(x)
		if err != nil {
			return nil, err
		}
		out[i] = string(b)
	}
	return out, nil
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
