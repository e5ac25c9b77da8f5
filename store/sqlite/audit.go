package sqlite

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/store"
)

// defaultAuditLimit is the page size of AuditEvents when the filter sets none.
const defaultAuditLimit = 100

// AppendAudit implements access.Store: the store numbers the event (e.ID
// is ignored); a zero At is the current time. Each row is chained to the
// one before it (access.ChainHash) in the same transaction: SQLite's single
// writer keeps the chain in id order. Rows cannot be changed or removed
// afterwards: triggers refuse it.
func (s *Store) AppendAudit(ctx context.Context, e access.Event) error {
	if e.At.IsZero() {
		e.At = time.Now()
	}
	e.At = e.At.UTC().Truncate(time.Microsecond)
	err := s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		t := tx.(*Store)
		prev, err := t.lastAuditHash(ctx)
		if err != nil {
			return err
		}
		_, err = t.q.ExecContext(ctx, `
INSERT INTO audit_log (at, user_id, username, action, matter_id, object, detail, ip, prev_hash, hash)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			ts(e.At), e.UserID, e.Username, e.Action, e.MatterID, e.Object, e.Detail, e.IP, prev, access.ChainHash(prev, e))
		return err
	})
	if err != nil {
		return fmt.Errorf("append audit %s: %w", e.Action, err)
	}
	return nil
}

// AuditEvents implements access.Store: the events f selects, newest (highest
// id) first.
func (s *Store) AuditEvents(ctx context.Context, f access.AuditFilter) ([]access.Event, error) {
	var where []string
	var args []any
	if f.MatterID != "" {
		where, args = append(where, "matter_id = ?"), append(args, f.MatterID)
	}
	if f.UserID != "" {
		where, args = append(where, "user_id = ?"), append(args, f.UserID)
	}
	if f.BeforeID > 0 {
		where, args = append(where, "id < ?"), append(args, f.BeforeID)
	}
	q := `SELECT id, at, user_id, username, action, matter_id, object, detail, ip FROM audit_log`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY id DESC LIMIT ?"
	args = append(args, auditLimit(f.Limit))
	rows, err := s.q.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("audit events: %w", err)
	}
	defer rows.Close()
	var out []access.Event
	for rows.Next() {
		var e access.Event
		var at string
		if err := rows.Scan(&e.ID, &at, &e.UserID, &e.Username, &e.Action, &e.MatterID, &e.Object, &e.Detail, &e.IP); err != nil {
			return nil, fmt.Errorf("audit events: %w", err)
		}
		if e.At, err = parseTS(at); err != nil {
			return nil, fmt.Errorf("audit event %d: %w", e.ID, err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("audit events: %w", err)
	}
	return out, nil
}

// auditLimit is the page size for a requested limit: the default for 0 or less.
func auditLimit(n int) int {
	if n <= 0 {
		return defaultAuditLimit
	}
	return n
}
