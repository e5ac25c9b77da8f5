package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// sharedArgs are the flags of the shared run: "medchron process" of the
// small born-digital bundle into matter "shared".
var sharedArgs = []string{"--quiet", "--matter", "shared", "--incident-date", "2023-12-06"}

// sharedRun is the shared run, made once per test process by the first
// test that asks for it: tests that start from the processed bundle copy
// its database instead of processing the bundle again.
var sharedRun struct {
	sync.Mutex
	dir string // m.db, m.db.key and out/ once made
}

// sharedBundle is the file the shared run processes.
func sharedBundle(t testing.TB) string {
	return filepath.Join(repoRoot(t), "testdata", "bundles", "small", "born-digital.pdf")
}

// processArgs returns the arguments of the shared run into db and out.
func processArgs(t testing.TB, db, out string) []string {
	args := append([]string{"process", "--db", db, "--out", out}, sharedArgs...)
	return append(args, sharedBundle(t))
}

// sharedCopy returns a database holding what the shared run stored (a
// copy: the test may write to it) and the shared run's output folder,
// which the test must only read.
func sharedCopy(t *testing.T) (db, out string) {
	t.Helper()
	sharedRun.Lock()
	defer sharedRun.Unlock()
	if sharedRun.dir == "" {
		dir, err := os.MkdirTemp("", "medchron-cli-shared-")
		if err != nil {
			t.Fatal(err)
		}
		if code, stdout, stderr := run(t, processArgs(t, filepath.Join(dir, "m.db"), filepath.Join(dir, "out"))...); code != 0 {
			os.RemoveAll(dir)
			t.Fatalf("the shared run: exit %d\n%s\n%s", code, stdout, stderr)
		}
		sharedRun.dir = dir
	}
	db = filepath.Join(t.TempDir(), "m.db")
	for _, suffix := range []string{"", ".key", "-wal"} {
		b, err := os.ReadFile(filepath.Join(sharedRun.dir, "m.db"+suffix))
		if os.IsNotExist(err) && suffix == "-wal" {
			continue // checkpointed into m.db when the run closed it
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(db+suffix, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return db, filepath.Join(sharedRun.dir, "out")
}

// removeSharedRuns deletes the shared runs (TestMain calls it), stopping
// the scanned run first if it is still going.
func removeSharedRuns() {
	scannedRun.once.Do(func() {}) // a scanned run started is seen
	if scannedRun.cancel != nil {
		scannedRun.cancel()
		<-scannedRun.done
	}
	for _, dir := range []string{sharedRun.dir, scannedRun.dir} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
}

// scannedRun is "medchron process" of the small scanned bundle (sixteen
// pages of OCR) into matter "scanned" with demand inputs, made once per
// test process: TestProcessGolden scores it and TestServerModeScalesOut
// compares the server mode's chronology with it. It is the built binary,
// run in the background from TestMain's start when either test is to run
// (startScannedRun), so that its OCR overlaps the tests that run one at a
// time instead of following them; in a process of its own, it neither
// sees their t.Setenv nor raises this process's peak memory, which
// TestHostileCorpus's bounds count.
var scannedRun struct {
	once   sync.Once
	done   chan struct{} // closed when the run has ended
	cancel func()
	dir    string // out/ once made
	err    error
}

// startEnv is the test process's environment as it started: package
// variables are set before TestMain and any test's t.Setenv.
var startEnv = os.Environ()

// sharedRunEnv returns the environment of the runs the tests share (the
// binary's build, the scanned run): the process's as it started, not as
// the test running at that moment set it. The scanned run starts in the
// background while the sequential tests go on, and one of them points
// OPENAI_BASE_URL at a server of its own that is gone by the time the
// run extracts: the run then used the LLM extractor and failed.
func sharedRunEnv() []string { return startEnv }

// goldenDemandInputs are the demand inputs of the scanned run.
const goldenDemandInputs = `{"claim_number": "AM-22-104", "variant": "um_uim"}`

// startScannedRun starts the scanned run unless it has started already.
func startScannedRun(root string) {
	scannedRun.once.Do(func() {
		ctx, cancel := context.WithCancel(context.Background())
		scannedRun.cancel, scannedRun.done = cancel, make(chan struct{})
		go func() {
			defer close(scannedRun.done)
			scannedRun.dir, scannedRun.err = makeScannedRun(ctx, root)
		}()
	})
}

// makeScannedRun builds the binary and processes the scanned bundle with
// it into a new folder, which it returns. The binary is the one built with
// -tags medchron_testpages: what Tesseract reads of each page image is
// kept in the folder's pages/ (scannedPages), for the server-mode test.
func makeScannedRun(ctx context.Context, root string) (string, error) {
	bin, err := buildTestPagesBinary(root)
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "medchron-cli-scanned-")
	if err != nil {
		return "", err
	}
	inputs := filepath.Join(dir, "inputs.json")
	if err := os.WriteFile(inputs, []byte(goldenDemandInputs), 0o600); err != nil {
		return dir, err
	}
	pages := filepath.Join(dir, "pages")
	if err := os.Mkdir(pages, 0o700); err != nil {
		return dir, err
	}
	cmd := exec.CommandContext(ctx, bin, "process", "--db", filepath.Join(dir, "m.db"), "--out", filepath.Join(dir, "out"), "--demand-inputs", inputs,
		"--matter", "scanned", "--incident-date", "2023-12-06", filepath.Join(root, "testdata", "bundles", "small", "scanned.pdf"))
	cmd.Env = append(sharedRunEnv(), testPagesEnv+"="+pages)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return dir, fmt.Errorf("the scanned run: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	return dir, nil
}

// testPagesEnv names the folder where the binary built with -tags
// medchron_testpages keeps the pages Tesseract read
// (extract/sandbox/testpages.go).
const testPagesEnv = "MEDCHRON_TEST_PAGES"

// scannedPages returns the folder of the pages the scanned run OCR'd, one
// JSON file each (extract.Page, its number in "page"), which the test
// must only read.
func scannedPages(t *testing.T) string {
	t.Helper()
	scannedOut(t)
	return filepath.Join(scannedRun.dir, "pages")
}

// scannedOut returns the scanned run's output folder, which the test must
// only read.
func scannedOut(t *testing.T) string {
	t.Helper()
	startScannedRun(repoRoot(t))
	<-scannedRun.done
	if scannedRun.err != nil {
		t.Fatal(scannedRun.err)
	}
	return filepath.Join(scannedRun.dir, "out")
}

// TestSharedRunEnv: the runs the tests share take the environment the
// test process started with, whatever a test running at that moment set
// (an LLM endpoint of its own).
func TestSharedRunEnv(t *testing.T) {
	t.Setenv("OPENAI_BASE_URL", "http://127.0.0.1:1/v1")
	for _, kv := range sharedRunEnv() {
		if strings.HasPrefix(kv, "OPENAI_BASE_URL=http://127.0.0.1:1/") {
			t.Errorf("the shared runs' environment holds a test's %s", kv)
		}
	}
}
