package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// CacheGet implements store.Queries: the cached LLM response for key,
// and whether there was one.
func (s *Store) CacheGet(ctx context.Context, key string) ([]byte, bool, error) {
	var v []byte
	err := s.q.QueryRow(ctx, `SELECT value FROM llm_cache WHERE key = $1`, key).Scan(&v)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return nil, false, nil
	case err != nil:
		return nil, false, fmt.Errorf("llm cache: %w", err)
	}
	if v == nil {
		v = []byte{}
	}
	return v, true, nil
}

// CachePut implements store.Queries: it stores or replaces the value.
func (s *Store) CachePut(ctx context.Context, key string, val []byte) error {
	if val == nil {
		val = []byte{} // the column is NOT NULL; nil means empty here
	}
	_, err := s.q.Exec(ctx, `
INSERT INTO llm_cache (key, value) VALUES ($1, $2)
ON CONFLICT (key) DO UPDATE SET value = excluded.value, created_at = now()`, key, val)
	if err != nil {
		return fmt.Errorf("llm cache: %w", err)
	}
	return nil
}
