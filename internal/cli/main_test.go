package cli

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/medchron/medchron/extract/sandbox"
	"github.com/medchron/medchron/internal/testutil"
)

// TestMain re-executes the test binary with OMP_THREAD_LIMIT=1, which
// Tesseract's OpenMP runtime only reads at load time, and lets it serve as
// the pool's document reader processes. Before the tests it starts, in
// the background, what the tests to run will wait for: the builds of
// cmd/medchron, and the scanned run (sixteen pages of OCR). Go runs the
// tests that cannot be parallel (t.Setenv, TestHostileCorpus) one after
// another before any parallel test: started here, the build and the OCR
// use the core those leave idle instead of following them.
func TestMain(m *testing.M) {
	sandbox.RunIfChild() // the test binary serves as the document reader process
	if os.Getenv("OMP_THREAD_LIMIT") == "" {
		if exe, err := os.Executable(); err == nil {
			_ = syscall.Exec(exe, os.Args, append(os.Environ(), "OMP_THREAD_LIMIT=1"))
		}
	}
	flag.Parse()
	testutil.MoreParallel(minParallel)
	if root, err := os.Getwd(); err == nil && !testing.Short() {
		root = filepath.Dir(filepath.Dir(root)) // internal/cli
		if willRun("TestProcessGolden", "TestServerModeScalesOut") {
			startScannedRun(root)
		}
		if willRun("TestDataSafety", "TestHostileCorpus", "TestServeUnderAttack") {
			go buildBinary(root)
		}
	}
	code := m.Run()
	removeSharedRuns()
	for _, b := range []*builtBinary{&buildOnce, &testPagesBuild} {
		b.Do(func() {}) // waits for a build still going
		if b.bin != "" {
			_ = os.RemoveAll(filepath.Dir(b.bin)) // the binary built
		}
	}
	os.Exit(code)
}

// minParallel is how many parallel tests run at once at least, unless
// -parallel says otherwise (testutil.MoreParallel): these tests wait on
// processes they started (the binary, its reader processes, serve and
// workers), on a server to start, on River's rescuer, which rescues a
// killed worker's job only 25 to 55 s after it started.
const minParallel = 4

// willRun reports whether -test.run and -test.skip select one of the
// top-level tests named (a guess on the patterns' first element; a test
// missed here only waits for what it needs).
func willRun(names ...string) bool {
	first := func(name string) *regexp.Regexp {
		f := flag.Lookup(name)
		if f == nil || f.Value.String() == "" {
			return nil
		}
		re, err := regexp.Compile(strings.Split(f.Value.String(), "/")[0])
		if err != nil {
			return nil
		}
		return re
	}
	run, skip := first("test.run"), first("test.skip")
	for _, n := range names {
		if (run == nil || run.MatchString(n)) && (skip == nil || !skip.MatchString(n)) {
			return true
		}
	}
	return false
}
