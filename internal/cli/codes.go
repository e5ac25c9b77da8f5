package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/medchron/medchron/extract/rules"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/store/sqlite"
)

// runCodes dispatches "medchron codes SUBCOMMAND".
func runCodes(ctx context.Context, env *Env, args []string) error {
	usage := func() {
		fmt.Fprintln(env.Stderr, "Usage: medchron codes import [--db PATH] FILE")
		fmt.Fprintln(env.Stderr, "\nFILE is the CMS ICD-10-CM order file (fixed-width icd10cm_order_*.txt or its CSV form).")
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage()
		if len(args) == 0 {
			return exitError{2}
		}
		return nil
	}
	switch args[0] {
	case "import":
		return runCodesImport(ctx, env, args[1:])
	default:
		fmt.Fprintf(env.Stderr, "medchron codes: unknown subcommand %q\n", args[0])
		usage()
		return exitError{2}
	}
}

// runCodesImport loads an ICD-10-CM order file into the store, replacing
// any table imported before. Later "process" runs validate and describe
// diagnosis codes with it.
func runCodesImport(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("codes import", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := fs.String("db", "", "SQLite database file (default $MEDCHRON_DB or ~/.local/share/medchron/medchron.db)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: medchron codes import [--db PATH] FILE")
		fs.PrintDefaults()
	}
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fs.Usage()
		return exitError{2}
	}
	start := time.Now()
	n, err := importCodes(ctx, *db, files[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "imported %d ICD-10-CM codes from %s in %s\n", n, files[0], time.Since(start).Round(time.Millisecond))
	return nil
}

// importCodes reads the order file at path and replaces the code table of
// the store at dbPath (default app.DefaultDBPath()) with it.
func importCodes(ctx context.Context, dbPath, path string) (int, error) {
	book, err := rules.LoadOrderFilePath(ctx, path)
	if err != nil {
		return 0, err
	}
	codes := make([]sqlite.ICD10Code, 0, book.Len())
	book.Each(func(code string, billable bool, short, long string) {
		codes = append(codes, sqlite.ICD10Code{Code: code, Billable: billable, Short: short, Long: long})
	})
	sort.Slice(codes, func(i, j int) bool { return codes[i].Code < codes[j].Code })
	if dbPath == "" {
		dbPath = app.DefaultDBPath()
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil {
		return 0, fmt.Errorf("database folder: %w", err)
	}
	unlock, err := sqlite.Lock(dbPath)
	if err != nil {
		return 0, err
	}
	defer unlock()
	st, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	return st.ReplaceICD10(ctx, codes)
}
