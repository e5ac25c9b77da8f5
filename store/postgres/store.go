package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	pgvectorpgx "github.com/pgvector/pgvector-go/pgx"

	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
	"github.com/medchron/medchron/store/seal"
)

// querier is what *pgxpool.Pool and pgx.Tx have in common.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// Store is the PostgreSQL implementation of store.Store and web.Store.
// The copy bound to a transaction (inside WithTx) is also a store.Tx.
type Store struct {
	pool *pgxpool.Pool
	q    querier
	tx   pgx.Tx     // set on the copy bound to a transaction
	keys *seal.Ring // seals originals; nil: no originals read or written
}

var (
	_ store.Store = (*Store)(nil)
	_ store.Tx    = (*Store)(nil)
)

// Open connects a pool to the database named by dsn (a postgres:// URL or
// key=value string, as pgx accepts) and checks that it answers. It does
// not migrate: call Migrate. The pgvector types are registered on every
// connection of a database where the vector extension exists.
func Open(ctx context.Context, dsn string, opts ...Option) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// pgx's parse errors can echo the DSN, password included.
		return nil, errors.New("postgres: invalid connection string")
	}
	cfg.AfterConnect = registerVector
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: connect to %s on %s: %w", cfg.ConnConfig.Database, cfg.ConnConfig.Host, err)
	}
	s := &Store{pool: pool, q: pool}
	for _, o := range opts {
		o(s)
	}
	return s, nil
}

// registerVector registers pgvector's types on conn when the extension
// exists in the database.
func registerVector(ctx context.Context, conn *pgx.Conn) error {
	var oid *uint32
	if err := conn.QueryRow(ctx, `SELECT to_regtype('vector')::oid`).Scan(&oid); err != nil {
		return fmt.Errorf("postgres: look up vector type: %w", err)
	}
	if oid == nil {
		return nil
	}
	if err := pgvectorpgx.RegisterTypes(ctx, conn); err != nil {
		return fmt.Errorf("postgres: register vector types: %w", err)
	}
	return nil
}

// Pool returns the connection pool, for River's riverpgxv5 driver.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Close closes the pool, waiting for connections in use to be returned.
func (s *Store) Close() { s.pool.Close() }

// WithTx implements store.Store. Called on a store already bound to a
// transaction, it runs fn in that transaction.
func (s *Store) WithTx(ctx context.Context, fn func(ctx context.Context, tx store.Tx) error) error {
	if s.tx != nil {
		return fn(ctx, s)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: begin: %w", err)
	}
	// A no-op after Commit; rolls back when fn fails or panics.
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := fn(ctx, &Store{pool: s.pool, q: tx, tx: tx, keys: s.keys}); err != nil {
		return err // fn's own error, as fn wrapped it
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: commit: %w", err)
	}
	return nil
}

// Raw implements store.Tx: the pgx.Tx, for River's InsertTx. It is nil
// outside a transaction.
func (s *Store) Raw() any {
	if s.tx == nil {
		return nil
	}
	return s.tx
}

// notFound wraps store.ErrNotFound for a missing row, naming what.
func notFound(err error, what string) error { return rows.NotFound(err, pgx.ErrNoRows, what) }

// scan scans rows with their times as timestamptz.
var scan = rows.Scan{At: func(t *time.Time) any { return t }}

// query runs a query for rows.List.
func (s *Store) query(ctx context.Context, query string, args ...any) (rows.Rows, func(), error) {
	rs, err := s.q.Query(ctx, query, args...)
	if err != nil {
		return nil, nil, err // rows.List wraps it
	}
	return rs, rs.Close, nil
}
