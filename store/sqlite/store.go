package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	sqlite "modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
	"github.com/medchron/medchron/store/seal"
)

//go:embed migrations/*.sql
var migrations embed.FS

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// Store is the SQLite implementation of store.Store and web.Store.
type Store struct {
	db   *sql.DB
	q    querier
	tx   *sql.Tx    // set on the copy bound to a transaction
	keys *seal.Ring // seals originals; nil: no originals read or written
}

var _ store.Store = (*Store)(nil)

// Open opens (creating if needed) the database file at path and applies
// medchron's migrations. River's tables are migrated by the caller. The
// file, its WAL and shared-memory files are owner-only (0600) and a folder
// it creates is 0700. With WithKeys, originals stored in plain by an older
// version are sealed, and a key file that lacks a key the originals are
// sealed with is refused.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("database folder: %w", err)
		}
	}
	if err := secureFiles(path); err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	db.SetConnMaxIdleTime(0)
	db.SetConnMaxLifetime(0)
	s := &Store{db: db, q: db}
	for _, o := range opts {
		o(s)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	if err := s.afterMigrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// DB returns the underlying pool, for River's driver.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

func (s *Store) migrate(ctx context.Context) error {
	var have int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	for i, name := range names {
		v := i + 1
		if v <= have {
			continue
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("%s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate: %w", err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	return nil
}

// afterMigrate brings rows written by older versions up to date: the
// audit chain and, with keys, sealed originals.
func (s *Store) afterMigrate(ctx context.Context) error {
	if err := s.chainLegacyAudit(ctx); err != nil {
		return fmt.Errorf("open: %w", err)
	}
	if s.keys == nil {
		return nil
	}
	if err := s.checkKeys(ctx); err != nil {
		return fmt.Errorf("open: %w", err)
	}
	return s.sealLegacyBlobs(ctx)
}

// WithTx implements store.Store.
func (s *Store) WithTx(ctx context.Context, fn func(ctx context.Context, tx store.Tx) error) error {
	if s.tx != nil {
		return fn(ctx, s) // already in a transaction
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: begin: %w", err)
	}
	if err := fn(ctx, &Store{db: s.db, q: tx, tx: tx, keys: s.keys}); err != nil {
		tx.Rollback()
		return err // fn's own error, as fn wrapped it
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: commit: %w", err)
	}
	return nil
}

// Raw implements store.Tx: the *sql.Tx, for River's InsertTx.
func (s *Store) Raw() any { return s.tx }

// execEach runs query once for each of n rows, with the arguments args
// gives for row i. The query is prepared once: SQLite parses the text of
// every ExecContext otherwise, which costs more than the insert of a row.
func (s *Store) execEach(ctx context.Context, query string, n int, args func(i int) ([]any, error)) error {
	if n == 0 {
		return nil
	}
	stmt, err := s.q.PrepareContext(ctx, query)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i := range n {
		a, err := args(i)
		if err != nil {
			return err
		}
		if _, err := stmt.ExecContext(ctx, a...); err != nil {
			return err
		}
	}
	return nil
}

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// notFound wraps err with what: store.ErrNotFound for a missing row.
func notFound(err error, what string) error { return rows.NotFound(err, sql.ErrNoRows, what) }

// placeholders returns "?, ?, ?" for n values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// timeLayout is RFC 3339 in UTC with a fixed nine-digit fraction, so that
// stored times sort as text in time order. Times are kept to the
// microsecond, as PostgreSQL keeps them.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// ts formats t for a time column.
func ts(t time.Time) string { return t.UTC().Truncate(time.Microsecond).Format(timeLayout) }

// parseTS is the inverse of ts; it also reads the RFC3339Nano text of now.
func parseTS(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// isUnique reports whether err is a UNIQUE or PRIMARY KEY violation.
func isUnique(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	return e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}

// scan scans rows with their times stored as text.
var scan = rows.Scan{At: func(t *time.Time) any { return textTime{t} }}

// query runs a query for rows.List.
func (s *Store) query(ctx context.Context, query string, args ...any) (rows.Rows, func(), error) {
	rs, err := s.q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, nil, err // rows.List wraps it
	}
	return rs, func() { rs.Close() }, nil
}

// textTime is a sql.Scanner for a time stored as text.
type textTime struct{ t *time.Time }

// Scan implements sql.Scanner with parseTS.
func (x textTime) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("stored time: unexpected %T", src)
	}
	t, err := parseTS(s)
	*x.t = t
	return rows.Wrap(err, "scan")
}
