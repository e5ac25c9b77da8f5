package postgres

import (
	"context"
	"fmt"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// AuditChain implements access.AuditChainStore.
func (s *Store) AuditChain(ctx context.Context, afterID int64, limit int) ([]access.ChainedEvent, error) {
	return rows.List(ctx, s.query, "audit chain", scan.ChainedEvent, `SELECT `+rows.ChainColumns+` FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2`, afterID, limit)
}

// ChainLegacyAudit chains audit rows written before the chain existed
// (with an empty hash). The append-only trigger is disabled for this one
// transaction only (ALTER TABLE is transactional). Migrate calls it.
func (s *Store) ChainLegacyAudit(ctx context.Context) error {
	var n int
	if err := s.q.QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE hash = ''`).Scan(&n); err != nil || n == 0 {
		return rows.Wrap(err, "chain legacy audit")
	}
	return rows.Wrap(s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		t := tx.(*Store)
		if _, err := t.q.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, auditLockKey); err != nil {
			return err
		}
		if _, err := t.q.Exec(ctx, `ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`); err != nil {
			return fmt.Errorf("chain audit log: %w", err)
		}
		err := rows.ChainLegacy(ctx, t.AuditChain, func(e access.ChainedEvent) error {
			_, err := t.q.Exec(ctx, `UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE id = $3`, e.PrevHash, e.Hash, e.ID)
			return err
		})
		if err != nil {
			return fmt.Errorf("chain audit log: %w", err)
		}
		_, err = t.q.Exec(ctx, `ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`)
		return err
	}), "chain legacy audit")
}
