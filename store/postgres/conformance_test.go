package postgres

import (
	"context"
	"testing"

	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/storetest"
)

// TestConformance runs the shared storage suite on one new database,
// shared by its parallel subtests as server-mode workers share one.
func TestConformance(t *testing.T) {
	t.Parallel()
	s := openMigrated(t)
	storetest.Run(t, func(*testing.T) store.Store { return s })
}

// TestWorkflowConformance runs the review workflow's suite on one new
// database shared by its parallel subtests.
func TestWorkflowConformance(t *testing.T) {
	t.Parallel()
	s := openMigrated(t)
	exec := func(ctx context.Context, query string) error {
		_, err := s.Pool().Exec(ctx, query)
		return err
	}
	storetest.RunWorkflow(t, func(*testing.T) (storetest.WorkflowStore, storetest.Exec) { return s, exec })
}

// TestCurationConformance runs the curation suite (provider overrides,
// flag decisions, tasks) on one new database shared by its subtests.
func TestCurationConformance(t *testing.T) {
	t.Parallel()
	s := openMigrated(t)
	exec := func(ctx context.Context, query string) error {
		_, err := s.Pool().Exec(ctx, query)
		return err
	}
	storetest.RunCuration(t, func(*testing.T) (storetest.CurationStore, storetest.Exec) { return s, exec })
}

// TestFirmFilesConformance runs the firm files suite on a new database.
func TestFirmFilesConformance(t *testing.T) {
	t.Parallel()
	s := openMigrated(t)
	storetest.RunFirmFiles(t, func(*testing.T) store.FirmFiles { return s })
}
