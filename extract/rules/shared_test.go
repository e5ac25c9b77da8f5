package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/medchron/medchron/internal/testutil"
)

// sharedData returns ../shared/data next to the repository root (the
// directory holding go.mod), or skips the test when it is absent.
func sharedData(t testing.TB, elem ...string) string {
	return testutil.Shared(t, append([]string{"data"}, elem...)...)
}

// repoRoot returns the directory holding go.mod.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("repository root not found")
		}
		dir = parent
	}
}
