package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

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
	q, args := rows.AuditQuery(f, func(int) string { return "?" })
	return rows.List(ctx, s.query, "audit events", scan.Event, q, args...)
}
