package cli

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/medchron/medchron/extract/sandbox"
)

// TestMain re-executes the test binary with OMP_THREAD_LIMIT=1, which
// Tesseract's OpenMP runtime only reads at load time, and lets it serve as
// the pool's document reader processes. Before the tests it starts, in
// the background, what the tests to run will wait for: the build of
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
	moreParallel()
	if root, err := os.Getwd(); err == nil && !testing.Short() {
		root = filepath.Dir(filepath.Dir(root)) // internal/cli
		if willRun("TestProcessGolden", "TestServerModeScalesOut") {
			startScannedRun(root)
		} else if willRun("TestDataSafety", "TestHostileCorpus", "TestServeUnderAttack") {
			go buildBinary(root)
		}
	}
	code := m.Run()
	removeSharedRuns()
	buildOnce.Do(func() {}) // waits for a build still going
	if buildOnce.bin != "" {
		_ = os.RemoveAll(filepath.Dir(buildOnce.bin)) // the binary built by binary()
	}
	os.Exit(code)
}

// minParallel is how many parallel tests run at once at least, unless
// -parallel says otherwise. Go's default is GOMAXPROCS, two on a 2-core
// machine; but these tests spend much of their time waiting rather than
// computing: on processes they started (the binary, its reader processes,
// serve and workers), on a server to start, on River's rescuer, which
// rescues a killed worker's job only 25 to 55 s after it started. Two at
// a time left a core idle while the longest of them waited for a slot.
const minParallel = 4

// moreParallel raises -test.parallel to minParallel when it was not given.
func moreParallel() {
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	if !given && runtime.GOMAXPROCS(0) < minParallel {
		_ = flag.Set("test.parallel", strconv.Itoa(minParallel))
	}
}

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
