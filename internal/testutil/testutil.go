// Package testutil holds helpers shared by medchron's tests: finding the
// repository root and the public data in ../shared beside it.
package testutil

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

// MoreParallel raises -test.parallel to n when the command line did not
// give it; TestMain calls it after flag.Parse. Go's default is GOMAXPROCS,
// two on a 2-core machine; but the parallel tests of internal/cli and web
// spend much of their time waiting rather than computing: on processes
// they started, on a server to start or to time out, on Chromium, on
// River's rescuer. Two at a time left a core idle while the longest of
// them waited for a slot.
func MoreParallel(n int) {
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	if !given && runtime.GOMAXPROCS(0) < n {
		_ = flag.Set("test.parallel", strconv.Itoa(n))
	}
}

// RepoRoot returns the folder holding go.mod, walking up from the test's
// working directory.
func RepoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("go.mod not found above the test's folder")
		}
		dir = parent
	}
}

// Shared returns ../shared/<elem...> beside the repository root, skipping
// the test when it is absent (a fresh clone has no ../shared).
func Shared(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{filepath.Dir(RepoRoot(tb)), "shared"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s not found: test skipped (it needs ../shared beside the repository)", p)
	}
	return p
}

// Golden compares got with the file testdata/name, or rewrites the file
// when update is set (the package's -update flag).
func Golden(tb testing.TB, name string, got []byte, update bool) {
	tb.Helper()
	path := filepath.Join("testdata", name)
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("%s differs from the golden file (%d bytes, want %d); run go test -update and review the diff", name, len(got), len(want))
	}
}
