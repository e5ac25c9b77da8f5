package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// lastAuditHash is the hash of the newest audit row, "" when there is none.
func (s *Store) lastAuditHash(ctx context.Context) (string, error) {
	var h string
	err := s.q.QueryRowContext(ctx, `SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return h, rows.Wrap(err, "last audit hash")
}

// AuditChain implements access.AuditChainStore.
func (s *Store) AuditChain(ctx context.Context, afterID int64, limit int) ([]access.ChainedEvent, error) {
	return rows.List(ctx, s.query, "audit chain", scan.ChainedEvent, `SELECT `+rows.ChainColumns+` FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`, afterID, limit)
}

// chainLegacyAudit chains audit rows written before the chain existed
// (an empty hash), once, at open. The append-only trigger is lifted for this
// one transaction and put back as it was.
func (s *Store) chainLegacyAudit(ctx context.Context) error {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM audit_log WHERE hash = ''`).Scan(&n); err != nil || n == 0 {
		return rows.Wrap(err, "chain legacy audit")
	}
	return rows.Wrap(s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		t := tx.(*Store)
		var trigger string
		if err := t.q.QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_log_no_update'`).Scan(&trigger); err != nil {
			return fmt.Errorf("chain audit log: %w", err)
		}
		if _, err := t.q.ExecContext(ctx, `DROP TRIGGER audit_log_no_update`); err != nil {
			return err
		}
		err := rows.ChainLegacy(ctx, t.AuditChain, func(e access.ChainedEvent) error {
			_, err := t.q.ExecContext(ctx, `UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?`, e.PrevHash, e.Hash, e.ID)
			return err
		})
		if err != nil {
			return fmt.Errorf("chain audit log: %w", err)
		}
		_, err = t.q.ExecContext(ctx, trigger)
		return err
	}), "chain legacy audit")
}
