package postgres

import (
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
)

// TestAppendOnlyTruncate checks that TRUNCATE, which fires no row
// triggers, is refused on the append-only tables too.
func TestAppendOnlyTruncate(t *testing.T) {
	t.Parallel()
	s := openMigrated(t)
	ctx := t.Context()
	if err := s.AppendAudit(ctx, access.Event{At: time.Now(), UserID: "u", Action: access.AuditSignIn}); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"audit_log", "entry_reviews", "demand_approvals", "demand_versions CASCADE"} {
		if _, err := s.pool.Exec(ctx, "TRUNCATE "+table); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("TRUNCATE %s: error %v, want the append-only trigger to refuse it", table, err)
		}
	}
	if es, err := s.AuditEvents(ctx, access.AuditFilter{}); err != nil || len(es) != 1 {
		t.Errorf("audit after the refused truncate: %d events, %v", len(es), err)
	}
}
