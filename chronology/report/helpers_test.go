package report

import (
	"bytes"
	"flag"
	"github.com/medchron/medchron/internal/testutil"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (%d bytes, want %d); run go test -update and review the diff", name, len(got), len(want))
	}
}

// sharedDir returns ../shared next to the repository root (the folder
// holding go.mod), skipping the test when it is absent.
func sharedDir(t *testing.T) string { return testutil.Shared(t) }
