package report

import (
	"flag"
	"github.com/medchron/medchron/internal/testutil"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func golden(t *testing.T, name string, got []byte) { testutil.Golden(t, name, got, *update) }

// sharedDir returns ../shared next to the repository root (the folder
// holding go.mod), skipping the test when it is absent.
func sharedDir(t *testing.T) string { return testutil.Shared(t) }
