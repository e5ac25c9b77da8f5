package sqlite_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"path/filepath"
	"testing"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/store/seal"
	"github.com/medchron/medchron/store/sqlite"
	"github.com/medchron/medchron/store/storetest"
)

// TestAuditChain runs the hash-chain suite on a new SQLite file per case.
func TestAuditChain(t *testing.T) {
	const noUpdate = `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`
	const noDelete = `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`
	storetest.RunAuditChain(t, func(t *testing.T) (storetest.ChainStore, storetest.Exec) {
		s := open(t)
		return s, func(ctx context.Context, q string) error {
			_, err := s.DB().ExecContext(ctx, q)
			return err
		}
	}, storetest.Tamper{
		Lift:    []string{"DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete"},
		Restore: []string{noUpdate, noDelete},
	})
}

// TestLegacyRowsChainedAndSealed: audit rows and originals written before
// the chain and the sealing existed are chained and sealed when the store
// opens, and read back the same.
func TestLegacyRowsChainedAndSealed(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	data := []byte("%PDF-1.4 an original stored in plain by an older medchron\n%%EOF\n")
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	for _, q := range []string{
		`INSERT INTO audit_log (at, user_id, action) VALUES ('2025-01-01T00:00:00.000000000Z', 'u1', 'sign_in')`,
		`INSERT INTO audit_log (at, user_id, action) VALUES ('2025-01-01T00:01:00.000000000Z', 'u1', 'page_view')`,
		`INSERT INTO blobs (sha256, data) VALUES ('` + sha + `', x'` + hex.EncodeToString(data) + `')`,
	} {
		if _, err := s.DB().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	ring := seal.Ephemeral()
	s, err = sqlite.Open(ctx, path, sqlite.WithKeys(ring))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rep, err := access.VerifyAudit(ctx, s)
	if err != nil || rep.Rows != 2 || len(rep.Problems) != 0 {
		t.Errorf("legacy audit rows: %+v, %v", rep, err)
	}
	var plain int
	if err := s.DB().QueryRowContext(ctx, `SELECT length(data) FROM blobs WHERE sha256 = ?`, sha).Scan(&plain); err != nil || plain != 0 {
		t.Errorf("legacy original still in plain: %d bytes, %v", plain, err)
	}
	rc, err := s.OpenBlob(ctx, sha)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(rc)
	if err != nil || !bytes.Equal(got, data) {
		t.Errorf("sealed legacy original reads %q, %v", got, err)
	}
	if ids, _ := s.KeyIDs(ctx); len(ids) != 1 || ids[0] != ring.Current() {
		t.Errorf("key ids %v, want [%s]", ids, ring.Current())
	}
}
