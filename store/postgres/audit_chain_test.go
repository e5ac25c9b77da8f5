package postgres

import (
	"context"
	"testing"

	"github.com/medchron/medchron/store/storetest"
)

// TestAuditChain runs the hash-chain suite on a new database per case.
func TestAuditChain(t *testing.T) {
	t.Parallel()
	storetest.RunAuditChain(t, func(t *testing.T) (storetest.ChainStore, storetest.Exec) {
		s := openMigrated(t)
		return s, func(ctx context.Context, q string) error {
			_, err := s.Pool().Exec(ctx, q)
			return err
		}
	}, storetest.Tamper{
		Lift:    []string{"ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"},
		Restore: []string{"ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"},
	})
}
