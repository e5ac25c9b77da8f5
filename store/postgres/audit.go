package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// auditLockKey is the advisory lock that keeps audit rows chained in id
// order across connections and processes ("audit" in ASCII).
const auditLockKey int64 = 0x61756469_74

// AppendAudit implements access.Store: the database numbers the event
// (e.ID is ignored); a zero At is the current time. Each row is chained to
// the one before it (access.ChainHash) under a transaction-scoped advisory
// lock, so rows are chained in the order their ids are given. Rows cannot
// be changed or removed afterwards: triggers refuse it.
func (s *Store) AppendAudit(ctx context.Context, e access.Event) error {
	if e.At.IsZero() {
		e.At = time.Now()
	}
	e.At = e.At.UTC().Truncate(time.Microsecond)
	e.UserID, e.Username, e.Action, e.MatterID = clean(e.UserID), clean(e.Username), clean(e.Action), clean(e.MatterID)
	e.Object, e.Detail, e.IP = clean(e.Object), clean(e.Detail), clean(e.IP)
	err := s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		t := tx.(*Store)
		if _, err := t.q.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, auditLockKey); err != nil {
			return err
		}
		var prev string
		err := t.q.QueryRow(ctx, `SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&prev)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		_, err = t.q.Exec(ctx, `
INSERT INTO audit_log (at, user_id, username, action, matter_id, object, detail, ip, prev_hash, hash)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			e.At, e.UserID, e.Username, e.Action, e.MatterID, e.Object, e.Detail, e.IP, prev, access.ChainHash(prev, e))
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
	q, args := rows.AuditQuery(f, func(n int) string { return fmt.Sprintf("$%d", n) })
	return rows.List(ctx, s.query, "audit events", scan.Event, q, args...)
}
