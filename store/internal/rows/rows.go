// Package rows holds the Go the two SQL backends share around their SQL:
// scanning result sets and mapping "no rows" to store.ErrNotFound, with
// the driver's own types (database/sql, pgx) behind two small interfaces.
// It is internal to store/: consumers see only package store.
package rows

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/store"
)

// Scanner is one row: *sql.Row, *sql.Rows, pgx.Row or pgx.Rows.
type Scanner interface {
	Scan(dest ...any) error
}

// Rows is a result set: *sql.Rows or pgx.Rows. Closing it stays with the
// caller (the two drivers' Close differ).
type Rows interface {
	Scanner
	Next() bool
	Err() error
}

// Collect scans every row of rs with scan; its errors name what was read.
func Collect[T any](rs Rows, what string, scan func(Scanner) (T, error)) ([]T, error) {
	var out []T
	for rs.Next() {
		v, err := scan(rs)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, v)
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// Strings collects the single text column of rs.
func Strings(rs Rows, what string) ([]string, error) { return Collect(rs, what, String) }

// NotFound wraps err with what: store.ErrNotFound when err is the driver's
// noRows error (sql.ErrNoRows, pgx.ErrNoRows), nil when err is nil.
func NotFound(err, noRows error, what string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, noRows):
		return fmt.Errorf("%s: %w", what, store.ErrNotFound)
	default:
		return fmt.Errorf("%s: %w", what, err)
	}
}

// Words decodes a page's stored word boxes (JSON; empty, "null" and "[]"
// are none).
func Words(data []byte) ([]extract.Word, error) {
	if len(data) == 0 || string(data) == "null" || string(data) == "[]" {
		return nil, nil
	}
	if w, ok := wordsFast(data); ok {
		return w, nil
	}
	var w []extract.Word
	if err := json.Unmarshal(data, &w); err != nil {
		return nil, fmt.Errorf("word boxes: %w", err)
	}
	return w, nil
}

// Ints collects the single integer column of rs.
func Ints(rs Rows, what string) ([]int, error) { return Collect(rs, what, Int) }

// PageColumns are the columns Page scans, with the word boxes' column
// (or an expression standing for none) as %s.
const PageColumns = "page, source, text, %s, width, height, confidence, error"

// Page returns the scanner of rows of PageColumns of a page of documentID.
func Page(documentID string) func(Scanner) (extract.Page, error) {
	return func(sc Scanner) (extract.Page, error) {
		p := extract.Page{DocumentID: documentID}
		var src string
		var words []byte
		if err := sc.Scan(&p.Number, &src, &p.Text, &words, &p.Width, &p.Height, &p.Confidence, &p.Err); err != nil {
			return p, err
		}
		p.Source = extract.PageSource(src)
		w, err := Words(words)
		if err != nil {
			return p, fmt.Errorf("page %d: %w", p.Number, err)
		}
		p.Words = w
		return p, nil
	}
}

// Time makes a scan destination for a time column: the backends store
// times differently (SQLite as RFC 3339 text, PostgreSQL as timestamptz).
type Time func(t *time.Time) any

// Scan scans the rows of medchron's tables for a backend whose time
// columns scan through At.
type Scan struct{ At Time }

// UserColumns are the columns User scans.
const UserColumns = `id, username, name, role, password_hash, disabled, created_at`

// User scans a row of UserColumns.
func (r Scan) User(sc Scanner) (access.User, error) {
	var u access.User
	var role string
	err := sc.Scan(&u.ID, &u.Username, &u.Name, &role, &u.PasswordHash, &u.Disabled, r.At(&u.CreatedAt))
	u.Role, u.CreatedAt = access.Role(role), u.CreatedAt.UTC()
	return u, err
}

// Query runs a query on a backend's connection or transaction and returns
// its rows and how to close them.
type Query func(ctx context.Context, query string, args ...any) (Rows, func(), error)

// List runs query with q and scans every row with scan; errors name what
// was read.
func List[T any](ctx context.Context, q Query, what string, scan func(Scanner) (T, error), query string, args ...any) ([]T, error) {
	rs, done, err := q(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer done()
	return Collect(rs, what, scan)
}

// String scans a single text column.
func String(sc Scanner) (string, error) {
	var v string
	err := sc.Scan(&v)
	return v, err
}

// Int scans a single integer column.
func Int(sc Scanner) (int, error) {
	var v int
	err := sc.Scan(&v)
	return v, err
}

// Wrap wraps err with what; nil stays nil.
func Wrap(err error, what string) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", what, err)
}

// Exists wraps err with what: store.ErrExists when unique says err is a
// unique violation; nil stays nil.
func Exists(err error, unique bool, what string) error {
	if unique {
		return fmt.Errorf("%s: %w", what, store.ErrExists)
	}
	return Wrap(err, what)
}

// One returns the single row of a list read for what: err wrapped,
// store.ErrNotFound when there is none.
func One[T any](list []T, err error, what string) (T, error) {
	var zero T
	switch {
	case err != nil:
		return zero, fmt.Errorf("%s: %w", what, err)
	case len(list) == 0:
		return zero, fmt.Errorf("%s: %w", what, store.ErrNotFound)
	}
	return list[0], nil
}
