package sandbox

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/internal/testutil"
)

// TestMain lets the test binary serve as the pool's worker process.
func TestMain(m *testing.M) {
	RunIfChild()
	os.Exit(m.Run())
}

func repoFile(t *testing.T, rel string) string {
	t.Helper()
	return filepath.Join(testutil.RepoRoot(t), rel)
}

// bombPDF is a one-page PDF whose content stream inflates to size bytes
// of spaces from a small file.
func bombPDF(t *testing.T, size int) []byte {
	t.Helper()
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	chunk := bytes.Repeat([]byte{' '}, 1<<20)
	for n := 0; n < size; n += len(chunk) {
		zw.Write(chunk)
	}
	zw.Close()
	var b bytes.Buffer
	var offs []int
	obj := func(s string) {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offs), s)
	}
	b.WriteString("%PDF-1.5\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>")
	obj(fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes()))
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return b.Bytes()
}

// TestWorkerFailureIsolated: a worker that crashes, runs out of memory or
// is cancelled fails its one request with a clear error; the next request
// gets a fresh worker and succeeds.
func TestWorkerFailureIsolated(t *testing.T) {
	p := New(Config{Size: 1, Memory: 768 << 20, CPU: 30})
	defer p.Close()
	if !p.Isolated() {
		t.Fatal("pool runs in process: RunIfChild was called, workers expected")
	}
	good, err := os.ReadFile(repoFile(t, "testdata/bundles/small/born-digital.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	check := func(t *testing.T) {
		t.Helper()
		n, err := p.Inspect(ctx, "good.pdf", good)
		if err != nil || n != 16 {
			t.Fatalf("next request: %d pages, %v", n, err)
		}
	}
	t.Run("crash", func(t *testing.T) {
		_, err := p.do(ctx, request{Op: opCrash})
		if !errors.Is(err, ErrWorkerDied) || !strings.Contains(err.Error(), "crashed") {
			t.Fatalf("err = %v, want ErrWorkerDied (crashed)", err)
		}
		check(t)
	})
	t.Run("out of memory", func(t *testing.T) {
		_, err := p.do(ctx, request{Op: opHog})
		if !errors.Is(err, ErrWorkerDied) || !strings.Contains(err.Error(), "memory") {
			t.Fatalf("err = %v, want ErrWorkerDied naming memory", err)
		}
		check(t)
	})
	t.Run("cancelled", func(t *testing.T) {
		cctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
		defer cancel()
		_, err := p.do(cctx, request{Op: opHog})
		if !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, ErrWorkerDied) {
			t.Fatalf("err = %v, want the deadline", err)
		}
		check(t)
	})
	t.Run("errors keep their kind", func(t *testing.T) {
		_, err := p.Inspect(ctx, "photo.pdf", []byte("\xff\xd8\xff\xe0 not really"))
		var fe *pdf.FileError
		if !errors.As(err, &fe) || fe.File != "photo.pdf" {
			t.Fatalf("err = %v, want a *pdf.FileError naming photo.pdf", err)
		}
	})
}

// TestHostileFiles: a content stream inflating to 320 MB is refused by the
// inspection (pdf.MaxPageContent); its page read and its text layer tried
// anyway stay within the worker's limits, this process's memory stays
// where it was, and the next file is read.
func TestHostileFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("inflates 320 MB")
	}
	p := New(Config{Size: 1, Memory: 768 << 20, CPU: 5}) // inspect and page image take about 1 s each; pdftotext runs until the limit
	defer p.Close()
	data := bombPDF(t, 320<<20) // past every decode limit (256 MB)
	path := filepath.Join(t.TempDir(), "bomb.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	ctx := context.Background()
	// Inspection refuses the page (its content inflates past
	// pdf.MaxPageContent), naming file and page.
	if _, err := p.Inspect(ctx, "bomb.pdf", data); !errors.Is(err, pdf.ErrTooLarge) || !strings.Contains(err.Error(), "bomb.pdf page 1") {
		t.Fatalf("inspect: %v, want the page refused as too large", err)
	}
	if _, _, err := p.PageImage(ctx, path, 1); err != nil {
		t.Logf("page image: %v", err)
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if grew := int64(after.HeapInuse) - int64(before.HeapInuse); grew > 64<<20 {
		t.Errorf("this process's heap grew by %d MB", grew>>20)
	}
	t.Logf("320 MB bomb (%d KB file): inspect and page image in %s", len(data)>>10, time.Since(start).Round(time.Millisecond))
	// pdftotext inflates the whole stream: the CPU limit ends it.
	if _, err := p.TextLayer(ctx, path); err != nil {
		t.Logf("text layer: %v", err)
	}
	n, err := p.Inspect(ctx, "small.pdf", mustRead(t, repoFile(t, "testdata/bundles/small/scanned.pdf")))
	if err != nil || n != 16 {
		t.Fatalf("neighbour file: %d pages, %v", n, err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A worker loads Tesseract with OMP_THREAD_LIMIT=1 whether or not the
// program was started with it, and keeps the value it was given.
func TestWorkerThreadLimit(t *testing.T) {
	p := &Pool{cfg: Config{Memory: 1 << 30, CPU: 60, DPI: 300}}
	limit := func(env []string) []string {
		var got []string
		for _, kv := range env {
			if strings.HasPrefix(kv, "OMP_THREAD_LIMIT=") {
				got = append(got, kv)
			}
		}
		return got
	}
	if got := limit(p.workerEnv([]string{"PATH=/usr/bin"})); !slices.Equal(got, []string{"OMP_THREAD_LIMIT=1"}) {
		t.Errorf("started without it: %v, want OMP_THREAD_LIMIT=1", got)
	}
	if got := limit(p.workerEnv([]string{"OMP_THREAD_LIMIT=2"})); !slices.Equal(got, []string{"OMP_THREAD_LIMIT=2"}) {
		t.Errorf("started with 2: %v, want it kept", got)
	}
}

// A worker's C allocator has one arena (MALLOC_ARENA_MAX=1, the last value
// of the variable in its environment, the one a process gets), whatever the
// program was started with.
func TestWorkerOneMallocArena(t *testing.T) {
	p := &Pool{cfg: Config{Memory: 1 << 30, CPU: 60, DPI: 300}}
	for _, environ := range [][]string{{"PATH=/usr/bin"}, {"MALLOC_ARENA_MAX=8"}} {
		last := ""
		for _, kv := range p.workerEnv(environ) {
			if v, ok := strings.CutPrefix(kv, "MALLOC_ARENA_MAX="); ok {
				last = v
			}
		}
		if last != "1" {
			t.Errorf("started with %v: MALLOC_ARENA_MAX=%q, want 1", environ, last)
		}
	}
}
