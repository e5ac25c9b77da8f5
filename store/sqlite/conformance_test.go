package sqlite_test

import (
	"path/filepath"
	"testing"

	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/store/sqlite"
	"github.com/medchron/medchron/store/storetest"
)

// TestConformance runs the shared storage suite on a new SQLite file per
// subtest.
func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) pipeline.Store {
		s, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "medchron.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}
