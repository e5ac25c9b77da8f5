package postgres

import (
	"testing"

	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/store/storetest"
)

// TestConformance runs the shared storage suite on one new database,
// shared by its parallel subtests as server-mode workers share one.
func TestConformance(t *testing.T) {
	s := openMigrated(t)
	storetest.Run(t, func(*testing.T) pipeline.Store { return s })
}
