package cli

import (
	"os"
	"path/filepath"
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

// removeSharedRuns deletes the shared runs (TestMain calls it).
func removeSharedRuns() {
	for _, dir := range []string{sharedRun.dir, scannedRun.dir} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
}

// scannedRun is "medchron process" of the small scanned bundle (sixteen
// pages of OCR) into matter "scanned" with demand inputs, made once per
// test process: TestProcessGolden scores it and TestServerModeScalesOut
// compares the server mode's chronology with it.
var scannedRun struct {
	sync.Mutex
	dir string // out/ once made
}

// goldenDemandInputs are the demand inputs of the scanned run.
const goldenDemandInputs = `{"claim_number": "AM-22-104", "variant": "um_uim"}`

// scannedOut returns the scanned run's output folder, which the test must
// only read.
func scannedOut(t *testing.T) string {
	t.Helper()
	scannedRun.Lock()
	defer scannedRun.Unlock()
	if scannedRun.dir == "" {
		dir, err := os.MkdirTemp("", "medchron-cli-scanned-")
		if err != nil {
			t.Fatal(err)
		}
		inputs := filepath.Join(dir, "inputs.json")
		if err := os.WriteFile(inputs, []byte(goldenDemandInputs), 0o600); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := run(t, "process", "--db", filepath.Join(dir, "m.db"), "--out", filepath.Join(dir, "out"), "--demand-inputs", inputs,
			"--matter", "scanned", "--incident-date", "2023-12-06", filepath.Join(repoRoot(t), "testdata", "bundles", "small", "scanned.pdf"))
		if code != 0 {
			os.RemoveAll(dir)
			t.Fatalf("the scanned run: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
		scannedRun.dir = dir
	}
	return filepath.Join(scannedRun.dir, "out")
}
