package rules

import (
	"testing"

	"github.com/medchron/medchron/internal/testutil"
)

// sharedData returns ../shared/data next to the repository root (the
// directory holding go.mod), or skips the test when it is absent.
func sharedData(t testing.TB, elem ...string) string {
	return testutil.Shared(t, append([]string{"data"}, elem...)...)
}
