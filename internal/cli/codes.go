package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/medchron/medchron/icd10"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/postgres"
	"github.com/medchron/medchron/store/sqlite"
)

// runCodes dispatches "medchron codes SUBCOMMAND".
func runCodes(ctx context.Context, env *Env, args []string) error {
	usage := func() {
		fmt.Fprintln(env.Stderr, codesUsage)
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

// runCodesImport loads an ICD-10-CM order file into the store the user
// chose — PostgreSQL when --database-url or $DATABASE_URL is set, else the
// embedded SQLite file — replacing any table imported before. Later runs
// validate and describe diagnosis codes with it.
func runCodesImport(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("codes import", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var db dbFlags
	db.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), codesUsage)
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
	if err := db.check(); err != nil {
		return err
	}
	start := time.Now()
	book, err := icd10.LoadOrderFilePath(ctx, files[0])
	if err != nil {
		return err
	}
	st, into, closeStore, err := openCodeStore(ctx, db)
	if err != nil {
		return err
	}
	defer closeStore()
	n, err := st.ReplaceICD10(ctx, store.BookCodes(book))
	if errors.Is(err, store.ErrNotMigrated) {
		return errors.New("the database has no code table yet: run `medchron migrate` first")
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "imported %d ICD-10-CM codes from %s into %s in %s\n", n, files[0], into, time.Since(start).Round(time.Millisecond))
	if db.server() {
		fmt.Fprintln(env.Stdout, "running serve and worker processes load the table when they start: restart them to use it")
	}
	return nil
}

const codesUsage = "Usage: medchron codes import [--database-url DSN | --db PATH] FILE"

// codeStore is what importing codes needs of a store.
type codeStore interface {
	ReplaceICD10(ctx context.Context, codes []store.ICD10Code) (int, error)
}

// openCodeStore opens the store the user chose for importing codes: the
// PostgreSQL database at db.url (it must be migrated, "medchron migrate":
// importing does not change its schema), else the SQLite file at db.path
// (default app.DefaultDBPath()), locked against other processes. It
// returns the store, its name for the user and how to close it.
func openCodeStore(ctx context.Context, db dbFlags) (codeStore, string, func(), error) {
	if db.server() {
		st, err := postgres.Open(ctx, db.url)
		if err != nil {
			return nil, "", nil, err
		}
		return st, "PostgreSQL", func() { st.Close() }, nil
	}
	dbPath := db.path
	if dbPath == "" {
		dbPath = app.DefaultDBPath()
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil {
		return nil, "", nil, fmt.Errorf("database folder: %w", err)
	}
	unlock, err := sqlite.Lock(dbPath)
	if err != nil {
		return nil, "", nil, err
	}
	st, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		unlock()
		return nil, "", nil, err
	}
	return st, "SQLite", func() { st.Close(); unlock() }, nil
}
