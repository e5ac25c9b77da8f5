package ocr

import (
	"fmt"
	"os"
	"testing"
)

// TestMain re-executes the test binary with OMP_THREAD_LIMIT=1 when it is
// missing, so tests and benchmarks run with the setting production uses.
func TestMain(m *testing.M) {
	if !ThreadLimitSet() {
		if err := EnsureThreadLimit(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	os.Exit(m.Run())
}

func TestThreadLimitInTests(t *testing.T) {
	if !ThreadLimitSet() || os.Getenv("OMP_THREAD_LIMIT") == "" {
		t.Fatal("TestMain should have re-executed the tests with OMP_THREAD_LIMIT set")
	}
}
