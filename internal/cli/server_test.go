package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/testutil"
)

// testDatabase creates a database with the vector extension, dropped when
// the test ends; skipped without MEDCHRON_TEST_DATABASE_URL.
func testDatabase(t testing.TB) string {
	t.Helper()
	return testutil.PostgresDB(t, true)
}

// proc is a medchron process started by a test.
type proc struct {
	cmd *exec.Cmd
	out *bytes.Buffer
}

func start(t testing.TB, env []string, args ...string) *proc {
	t.Helper()
	return startBinary(t, binary(t), env, args...)
}

// startBinary is start with the medchron binary at bin.
func startBinary(t testing.TB, bin string, env []string, args ...string) *proc {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, out: &out}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Signal(syscall.SIGTERM)
			done := make(chan struct{})
			go func() { cmd.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(90 * time.Second):
				cmd.Process.Kill()
			}
		}
		if t.Failed() {
			t.Logf("%s output:\n%s", args[0], out.String())
		}
	})
	return p
}

func freeAddr(t testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

type api struct {
	t    testing.TB
	base string
}

func (a api) do(req *http.Request) []byte {
	a.t.Helper()
	req.Header.Set("Authorization", "Bearer tok")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode >= 300 {
		a.t.Fatalf("%s %s: %d %s", req.Method, req.URL, res.StatusCode, b)
	}
	return b
}

func (a api) upload(matter, name string, data []byte) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("incident_date", "2023-12-06")
	w, _ := mw.CreateFormFile("file", name)
	w.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", a.base+"/api/matters/"+matter+"/documents", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	a.do(req)
}

func (a api) progress(matter string) (done bool, pagesDone int) {
	req, _ := http.NewRequest("GET", a.base+"/api/matters/"+matter+"/progress", nil)
	var p struct {
		Done      bool `json:"done"`
		PagesDone int  `json:"pages_done"`
	}
	json.Unmarshal(a.do(req), &p)
	return p.Done, p.PagesDone
}

func (a api) waitDone(matter string, timeout time.Duration) {
	a.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		if done, _ := a.progress(matter); done {
			return
		}
		if time.Now().After(deadline) {
			a.t.Fatalf("matter %s not done after %s", matter, timeout)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

func (a api) chronology(matter string) chronology.Chronology {
	req, _ := http.NewRequest("GET", a.base+"/api/matters/"+matter+"/chronology", nil)
	var c chronology.Chronology
	if err := json.Unmarshal(a.do(req), &c); err != nil {
		a.t.Fatal(err)
	}
	c.GeneratedAt = ""
	return c
}

func waitHealthy(t testing.TB, base string) {
	for i := 0; i < 100; i++ {
		if res, err := http.Get(base + "/healthz"); err == nil {
			res.Body.Close()
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("server did not start")
}

// TestServerModeScalesOut: serve (API only) and worker processes on one
// PostgreSQL database process a scanned bundle together, and the result is
// the embedded mode's; a third worker, killed mid-matter while they work,
// is replaced by them: they finish the matter with nothing stored twice.
//
// The embedded mode's run is the scanned run, which OCRs the same sixteen
// pages: the workers run the binary built with -tags medchron_testpages
// and read what Tesseract read of a page image there, except for the first
// serverOCRPages pages, which they OCR themselves (and the test checks
// that they did). Every page is still rendered, sent to a reader process,
// stored and extracted by the workers; only Tesseract's run of the other
// pages, the same image read twice, is saved (about 16 s of CPU).
func TestServerModeScalesOut(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("integration test")
	}
	bin, err := buildTestPagesBinary(repoRoot(t))
	if err != nil {
		t.Fatal(err)
	}
	pages := t.TempDir() // filled before the upload
	dsn := testDatabase(t)
	// A killed worker's job is rescued after 25 s (River's rescuer runs
	// every 30 s, so 25-55 s after the job started, the test's longest
	// wait, in parallel with other tests): short for the test, yet longer than
	// any job of this bundle takes on a loaded 2-core machine (one page of
	// OCR, some seconds), so that no live job is rescued and run twice (a
	// 3 s rescue and a 5 s OCR deadline failed pages whenever the machine
	// was busy). The OCR deadline is no longer than the rescue.
	env := []string{"DATABASE_URL=" + dsn, "MEDCHRON_API_TOKEN=tok", "MEDCHRON_RESCUE_AFTER=25s", "MEDCHRON_OCR_TIMEOUT=25s", "XDG_CACHE_HOME=" + t.TempDir(),
		testPagesEnv + "=" + pages}
	if out, err := exec.Command(bin, "migrate", "--database-url", dsn).CombinedOutput(); err != nil {
		t.Fatalf("migrate: %v\n%s", err, out)
	}
	addr := freeAddr(t)
	startBinary(t, bin, env, "serve", "--addr", addr, "--workers", "0")
	a := api{t: t, base: "http://" + addr}
	waitHealthy(t, a.base)
	startBinary(t, bin, env, "worker", "--workers", "1")
	startBinary(t, bin, env, "worker", "--workers", "1")
	killed := startBinary(t, bin, env, "worker", "--workers", "1")

	scanned, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata", "bundles", "small", "scanned.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	copied := copyScannedPages(t, pages, serverOCRPages) // once the scanned run is done
	a.upload("scanned", "scanned.pdf", scanned)          // the matter of the embedded scanned run
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if _, n := a.progress("scanned"); n >= 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no progress before the kill")
		}
		time.Sleep(100 * time.Millisecond)
	}
	killed.cmd.Process.Kill()
	killed.cmd.Wait()
	a.waitDone("scanned", 3*time.Minute)
	got := a.chronology("scanned")

	// Every OCR page of the bundle ran once, shared by the workers.
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	// A job the killed worker had finished but River had not yet marked
	// completed (its completer batches them) stays running until it is
	// rescued and run again, after its page is stored: wait for it.
	var jobs, workers int
	for until := time.Now().Add(90 * time.Second); ; time.Sleep(250 * time.Millisecond) {
		err = conn.QueryRow(ctx, `SELECT count(*), count(DISTINCT attempted_by[array_length(attempted_by, 1)]) FROM river_job
		WHERE kind = 'ocr_page' AND state = 'completed' AND args->>'document_id' = (SELECT id FROM documents WHERE file = 'scanned.pdf')`).Scan(&jobs, &workers)
		if err != nil {
			t.Fatal(err)
		}
		if jobs >= 16 || time.Now().After(until) {
			break
		}
	}
	if jobs != 16 || workers < 2 {
		t.Errorf("ocr jobs %d by %d workers, want 16 by 2 or more", jobs, workers)
	}

	// The embedded mode gives the same chronology (the scanned run: the
	// same file into a matter of the same name, processed by "medchron
	// process"), the killed worker's job run again by another.
	want := readChronology(t, scannedOut(t))
	want.GeneratedAt = ""
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if !bytes.Equal(gj, wj) {
		t.Errorf("server-mode chronology differs from the embedded one:\nserver:   %.400s\nembedded: %.400s", gj, wj)
	}

	// After the kill, each page and each fact is stored once.
	var stored, facts, distinct int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM pages p JOIN documents d ON d.id = p.document_id WHERE d.file = 'scanned.pdf'`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRow(ctx, `SELECT count(*), count(DISTINCT (f.kind, f.page, f.data)) FROM facts f JOIN documents d ON d.id = f.document_id
		WHERE d.file = 'scanned.pdf'`).Scan(&facts, &distinct); err != nil {
		t.Fatal(err)
	}
	if stored != 16 || facts == 0 || facts != distinct {
		t.Errorf("after the kill: %d pages stored, %d facts of which %d distinct; want 16 pages, each fact once", stored, facts, distinct)
	}

	// The first serverOCRPages pages were OCR'd by Tesseract in the
	// workers' reader processes, which kept what it read in pages.
	if n := countPages(t, pages, serverOCRPages); n != copied+serverOCRPages {
		t.Errorf("%d pages OCR'd in the workers and %d copied, want %d and %d", n-copied, copied, serverOCRPages, copied)
	}
}

// serverOCRPages is how many pages of the scanned bundle the server-mode
// test's workers OCR with Tesseract; they read the others from the scanned
// run's pages.
const serverOCRPages = 3

// copyScannedPages copies to dir the pages the scanned run OCR'd, but for
// pages 1 to except, and returns how many it copied (want: all 16 but
// those).
func copyScannedPages(t *testing.T, dir string, except int) int {
	t.Helper()
	src := scannedPages(t)
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		var p extract.Page
		if err := json.Unmarshal(b, &p); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		if p.Number <= except {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o600); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n+except != 16 {
		t.Fatalf("the scanned run kept %d pages, want 16", len(entries))
	}
	return n
}

// countPages counts the pages in dir (files ending in .json) and checks
// that each of pages 1 to upto is among them.
func countPages(t *testing.T, dir string, upto int) int {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n, seen := 0, map[int]bool{}
	for _, e := range entries {
		if filepath.Ext(e.Name()) != ".json" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		var p extract.Page
		if err := json.Unmarshal(b, &p); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		seen[p.Number] = true
		n++
	}
	for i := 1; i <= upto; i++ {
		if !seen[i] {
			t.Errorf("page %d was not OCR'd by the workers", i)
		}
	}
	return n
}
