package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/seal"
	"github.com/medchron/medchron/store/sqlite"
	"github.com/medchron/medchron/store/storetest"
)

// open returns a new store on a new SQLite file, closed when t ends.
func open(t *testing.T) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "medchron.db"), sqlite.WithKeys(seal.Ephemeral()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestConformance runs the shared storage suite on a new SQLite file per
// subtest.
func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t) })
}

// TestWorkflowConformance runs the review workflow's suite on a new SQLite
// file per subtest.
func TestWorkflowConformance(t *testing.T) {
	storetest.RunWorkflow(t, func(t *testing.T) (storetest.WorkflowStore, storetest.Exec) {
		s := open(t)
		return s, func(ctx context.Context, query string) error {
			_, err := s.DB().ExecContext(ctx, query)
			return err
		}
	})
}

// TestCurationConformance runs the curation suite (provider overrides,
// flag decisions, tasks) on a new SQLite file per subtest.
func TestCurationConformance(t *testing.T) {
	storetest.RunCuration(t, func(t *testing.T) (storetest.CurationStore, storetest.Exec) {
		s := open(t)
		return s, func(ctx context.Context, query string) error {
			_, err := s.DB().ExecContext(ctx, query)
			return err
		}
	})
}

// TestCodesConformance runs the code table's suite on a new SQLite file.
func TestCodesConformance(t *testing.T) {
	storetest.RunCodes(t, func(t *testing.T) store.Codes { return open(t) })
}

// TestFirmFilesConformance runs the firm files suite on a new SQLite file.
func TestFirmFilesConformance(t *testing.T) {
	storetest.RunFirmFiles(t, func(t *testing.T) store.FirmFiles { return open(t) })
}
