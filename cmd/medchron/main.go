// Command medchron turns medical record PDFs into a cited chronology and a
// demand-letter draft. Run "medchron help" for its commands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	_ "time/tzdata" // the firm's time zone (serve --time-zone) on a machine without tzdata

	"github.com/medchron/medchron/extract/ocr"
	"github.com/medchron/medchron/extract/sandbox"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/internal/cli"
)

func main() {
	// A document reader process started by the sandbox pool serves its
	// requests and exits here.
	sandbox.RunIfChild()
	// Tesseract's OpenMP runtime reads OMP_THREAD_LIMIT when the library is
	// loaded, before any Go code runs: without it each OCR call spreads over
	// all cores and is 4–6 times slower under parallel load. OCR runs in the
	// reader processes, which the pool starts with it set; only when files
	// are read in this process (MEDCHRON_SANDBOX=off) does the program
	// re-execute itself once with it set.
	if os.Getenv(app.EnvSandbox) == "off" {
		if err := ocr.EnsureThreadLimit(); err != nil {
			fmt.Fprintf(os.Stderr, "medchron: warning: could not set OMP_THREAD_LIMIT: %v\n", err)
		}
	}
	// A batch run's heap grows with the bundle (a 5,000-page one holds
	// ~125 MB live at its peak) and Go lets it double between collections:
	// "process" collects harder near processHeapLimit instead (a soft
	// limit: 434 -> 327 MB resident for 5,000 pages, 3 % more CPU; smaller
	// bundles never reach it). GOMEMLIMIT, when set, decides instead.
	if len(os.Args) > 1 && os.Args[1] == "process" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(processHeapLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// processHeapLimit is the soft limit of a "process" run's Go memory.
const processHeapLimit = 256 << 20
