package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/medchron/medchron/internal/eval"
	"github.com/medchron/medchron/internal/fixture"
)

var buildOnce struct {
	sync.Once
	bin string
	err error
}

// binary builds cmd/medchron once per test process.
func binary(b testing.TB) string {
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "medchron-bench-bin-")
		if err != nil {
			buildOnce.err = err
			return
		}
		buildOnce.bin = filepath.Join(dir, "medchron")
		cmd := exec.Command("go", "build", "-o", buildOnce.bin, "./cmd/medchron")
		cmd.Dir = repoRoot(b)
		out, err := cmd.CombinedOutput()
		if err != nil {
			buildOnce.err = &exec.ExitError{Stderr: out}
		}
	})
	if buildOnce.err != nil {
		b.Fatal(buildOnce.err)
	}
	return buildOnce.bin
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
				}
			}
			b.ReportMetric(float64(truth.Pages*b.N)/elapsed.Seconds(), "pages/s")
			b.ReportMetric(float64(peak)/1024, "peak-MB")
			b.ReportMetric(float64(truth.Pages), "pages")
		})
	}
}
