package cli

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/medchron/medchron/extract/sandbox"
)

// TestMain re-executes the test binary with OMP_THREAD_LIMIT=1, which
// Tesseract's OpenMP runtime only reads at load time, and lets it serve as
// the pool's document reader processes.
func TestMain(m *testing.M) {
	sandbox.RunIfChild() // the test binary serves as the document reader process
	if os.Getenv("OMP_THREAD_LIMIT") == "" {
		if exe, err := os.Executable(); err == nil {
			_ = syscall.Exec(exe, os.Args, append(os.Environ(), "OMP_THREAD_LIMIT=1"))
		}
	}
	code := m.Run()
	removeSharedRuns()
	if buildOnce.bin != "" {
		_ = os.RemoveAll(filepath.Dir(buildOnce.bin)) // the binary built by binary()
	}
	os.Exit(code)
}
