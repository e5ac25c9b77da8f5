package cli

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/medchron/medchron/internal/eval"
	"github.com/medchron/medchron/internal/fixture"
)

// builtBinary is a build of cmd/medchron made once per test process.
type builtBinary struct {
	sync.Once
	bin string
	err error
}

var buildOnce, testPagesBuild builtBinary

// buildBinary builds cmd/medchron of the repository at root once per test
// process; TestMain starts it in the background when a test that runs the
// binary is to run. Without DWARF (-ldflags=-w): the link, which a new
// output folder makes every time, takes a third less CPU, and nothing
// run here reads debugging information (stack traces come from the
// runtime's own tables, which stay).
func buildBinary(root string) (string, error) {
	build(&buildOnce, root)
	return buildOnce.bin, buildOnce.err
}

// buildTestPagesBinary is buildBinary with -tags medchron_testpages: the
// binary whose reader processes keep what Tesseract read of each page
// image in the folder MEDCHRON_TEST_PAGES names and answer the same image
// from there (extract/sandbox/testpages.go). Only the scanned run, which
// fills the folder, and the server-mode test, which reads most of its
// pages from a copy, run it; every other test runs medchron as built.
func buildTestPagesBinary(root string) (string, error) {
	build(&testPagesBuild, root, "-tags", "medchron_testpages")
	return testPagesBuild.bin, testPagesBuild.err
}

// build builds cmd/medchron into b once, with the flags given.
func build(b *builtBinary, root string, flags ...string) {
	b.Do(func() {
		dir, err := os.MkdirTemp("", "medchron-bench-bin-")
		if err != nil {
			b.err = err
			return
		}
		b.bin = filepath.Join(dir, "medchron")
		args := append([]string{"build", "-ldflags=-w", "-o", b.bin}, flags...)
		cmd := exec.Command("go", append(args, "./cmd/medchron")...)
		cmd.Dir, cmd.Env = root, sharedRunEnv()
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.err = fmt.Errorf("go %s ./cmd/medchron: %v\n%s", strings.Join(args, " "), err, out)
		}
	})
}

// binary builds cmd/medchron once per test process.
func binary(b testing.TB) string {
	bin, err := buildBinary(repoRoot(b))
	if err != nil {
		b.Fatal(err)
	}
	return bin
}

// benchBundle generates (once, cached in the temp folder) a bundle of
// MEDCHRON_BENCH_PAGES pages (default 200).
func benchBundle(b *testing.B) (string, fixture.Truth) {
	pages := 200
	if v, err := strconv.Atoi(os.Getenv("MEDCHRON_BENCH_PAGES")); err == nil && v > 0 {
		pages = v
	}
	dir := filepath.Join(os.TempDir(), "medchron-bench-"+strconv.Itoa(pages))
	truthPath := filepath.Join(dir, "truth.json")
	if _, err := os.Stat(truthPath); err != nil {
		if _, err := fixture.WriteBundle(context.Background(), dir, fixture.Bench(pages)); err != nil {
			b.Fatal(err)
		}
	}
	truth, err := fixture.LoadTruth(truthPath)
	if err != nil {
		b.Fatal(err)
	}
	return dir, truth
}

// BenchmarkProcess runs the medchron binary end to end on the generated
// bench bundle, born-digital and scanned, and reports pages per second,
// peak resident memory of the process, and the accuracy against the truth.
func BenchmarkProcess(b *testing.B) {
	bin := binary(b)
	dir, truth := benchBundle(b)
	for _, kind := range []string{"born-digital", "scanned"} {
		b.Run(kind, func(b *testing.B) {
			var peak int64
			var elapsed time.Duration
			for i := 0; i < b.N; i++ {
				tmp := b.TempDir()
				out := filepath.Join(tmp, "out")
				cmd := exec.Command(bin, "process", "--quiet", "--db", filepath.Join(tmp, "m.db"), "--out", out,
					"--matter", "bench", "--incident-date", truth.IncidentDate.String(), filepath.Join(dir, kind+".pdf"))
				cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+tmp)
				start := time.Now()
				if msg, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v\n%s", err, msg)
				}
				elapsed += time.Since(start)
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > peak {
					peak = ru.Maxrss
				}
				if i == 0 {
					r := eval.Compare(readChronology(b, out), truth)
					for _, f := range []string{"encounters", "icd10", "bill_lines", "gaps"} {
						b.ReportMetric(r.Field(f).F1(), f+"-F1")
					}
					// Reprocessing the unchanged matter (re-extract and rebuild,
					// no OCR) against the first run.
					re := exec.Command(bin, "reprocess", "--quiet", "--force", "--db", filepath.Join(tmp, "m.db"), "--matter", "bench")
					re.Env = cmd.Env
					rs := time.Now()
					if msg, err := re.CombinedOutput(); err != nil {
						b.Fatalf("reprocess: %v\n%s", err, msg)
					}
					b.ReportMetric(time.Since(rs).Seconds(), "reprocess-s")
				}
			}
			b.ReportMetric(float64(truth.Pages*b.N)/elapsed.Seconds(), "pages/s")
			b.ReportMetric(float64(peak)/1024, "peak-MB")
			b.ReportMetric(float64(truth.Pages), "pages")
		})
	}
}

// BenchmarkServerWorkers runs server mode on PostgreSQL with one and with
// two worker processes (one OCR worker each) on the scanned bench bundle
// and reports pages per second. Skips without MEDCHRON_TEST_DATABASE_URL.
func BenchmarkServerWorkers(b *testing.B) {
	if os.Getenv("MEDCHRON_TEST_DATABASE_URL") == "" {
		b.Skip("MEDCHRON_TEST_DATABASE_URL is not set")
	}
	dir, truth := benchBundle(b)
	data, err := os.ReadFile(filepath.Join(dir, "scanned.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", n), func(b *testing.B) {
			var elapsed time.Duration
			for i := 0; i < b.N; i++ {
				dsn := testDatabase(b)
				env := []string{"DATABASE_URL=" + dsn, "MEDCHRON_API_TOKEN=tok", "XDG_CACHE_HOME=" + b.TempDir()}
				if out, err := exec.Command(binary(b), "migrate", "--database-url", dsn).CombinedOutput(); err != nil {
					b.Fatalf("migrate: %v\n%s", err, out)
				}
				addr := freeAddr(b)
				start(b, env, "serve", "--addr", addr, "--workers", "0")
				a := api{t: b, base: "http://" + addr}
				waitHealthy(b, a.base)
				for w := 0; w < n; w++ {
					start(b, env, "worker", "--workers", "1")
				}
				start := time.Now()
				a.upload("bench", "scanned.pdf", data)
				a.waitDone("bench", 30*time.Minute)
				elapsed += time.Since(start)
			}
			b.ReportMetric(float64(truth.Pages*b.N)/elapsed.Seconds(), "pages/s")
		})
	}
}
