// Package cli implements medchron's subcommands: it parses flags and calls
// the packages that do the work; no business logic lives here.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/pprof"
	"runtime/trace"
	"strings"

	"github.com/medchron/medchron/internal/app"
)

// Version is set at build time with -ldflags "-X ...cli.Version=...".
var Version = "dev"

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

// Env is what a command writes to, and the environment variables read
// once when it started.
type Env struct {
	Stdout, Stderr io.Writer
	Log            *slog.Logger
	Settings       app.Environment
}

// exitError carries an exit status without printing more.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func commands() []command {
	return []command{
		{"process", "process record PDFs into a chronology and demand draft", runProcess},
		{"search", "search a matter's pages and chronology entries", runSearch},
		{"eval", "measure extraction accuracy on labelled bundles (truth.json)", runEval},
		{"codes", "import the official ICD-10-CM code table (codes import FILE)", runCodes},
		{"serve", "run the web application and API (and job workers) on SQLite or PostgreSQL", runServe},
		{"user", "add or list the web application's users (user add NAME --role admin)", runUser},
		{"worker", "work pipeline jobs from the shared PostgreSQL database", runWorker},
		{"migrate", "apply database migrations (medchron's and River's)", runMigrate},
		{"reprocess", "re-extract a matter or the whole backlog after a prompt or model change; retry failed documents", runReprocess},
		{"backup", "write a consistent copy of the embedded database, also while it is in use", runBackup},
		{"restore", "put a backup in place of the embedded database", runRestore},
		{"audit", "check the audit log's hash chain (audit verify)", runAudit},
		{"key", "rotate the key that seals the originals (key rotate)", runKey},
		{"version", "print the version", func(_ context.Context, env *Env, _ []string) error {
			fmt.Fprintln(env.Stdout, "medchron", Version)
			return nil
		}},
	}
}

// Main runs the command line args and returns the exit status.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return 0
	}
	settings, err := app.ReadEnv(os.Getenv)
	if err != nil {
		fmt.Fprintf(stderr, "medchron: environment: %v\n", err)
		return 2
	}
	level := slog.LevelWarn
	if settings.Debug {
		level = slog.LevelDebug
	}
	env := &Env{Stdout: stdout, Stderr: stderr, Settings: settings,
		Log: slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))}
	if path := settings.CPUProfile; path != "" {
		if f, err := os.Create(path); err == nil {
			defer f.Close()
			if pprof.StartCPUProfile(f) == nil {
				defer pprof.StopCPUProfile() // runs before the Close
			}
		}
	}
	if path := settings.HeapProfile; path != "" {
		defer peakHeapProfile(path)()
	}
	if path := settings.Trace; path != "" {
		if f, err := os.Create(path); err == nil {
			defer f.Close()
			if trace.Start(f) == nil {
				defer trace.Stop()
			}
		}
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, env, args[1:])
		var ee exitError
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.As(err, &ee):
			return ee.code
		default:
			fmt.Fprintf(stderr, "medchron %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "medchron: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	var b strings.Builder
	b.WriteString("medchron turns medical record PDFs into a cited chronology and a demand-letter draft.\n\nUsage:\n  medchron <command> [flags]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.summary)
	}
	b.WriteString("\nRun \"medchron <command> -h\" for a command's flags.\n")
	io.WriteString(w, b.String())
}
