package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/medchron/medchron/icd10"
	"github.com/medchron/medchron/internal/app"
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
	var n int
	into := "PostgreSQL"
	if db.server() {
		n, err = importCodesPostgres(ctx, db.url, book)
	} else {
		into = "SQLite"
		n, err = importCodesSQLite(ctx, db.path, book)
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

// undefinedTable is PostgreSQL's SQLSTATE for a missing table.
const undefinedTable = "42P01"

const codesUsage = "Usage: medchron codes import [--database-url DSN | --db PATH] FILE"

// orderedCodes calls add for every code of the book in code order.
func orderedCodes(book *icd10.Book, add func(code string, billable bool, short, long string)) {
	type row struct {
		code, short, long string
		billable          bool
	}
	rows := make([]row, 0, book.Len())
	book.Each(func(code string, billable bool, short, long string) {
		rows = append(rows, row{code, short, long, billable})
	})
	sort.Slice(rows, func(i, j int) bool { return rows[i].code < rows[j].code })
	for _, r := range rows {
		add(r.code, r.billable, r.short, r.long)
	}
}

// importCodesSQLite replaces the code table of the SQLite store at dbPath
// (default app.DefaultDBPath()) with book.
func importCodesSQLite(ctx context.Context, dbPath string, book *icd10.Book) (int, error) {
	codes := make([]sqlite.ICD10Code, 0, book.Len())
	orderedCodes(book, func(code string, billable bool, short, long string) {
		codes = append(codes, sqlite.ICD10Code{Code: code, Billable: billable, Short: short, Long: long})
	})
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

// importCodesPostgres replaces the code table of the PostgreSQL database
// at dsn with book, in one transaction. The database must be migrated
// ("medchron migrate"): importing does not change its schema.
func importCodesPostgres(ctx context.Context, dsn string, book *icd10.Book) (int, error) {
	codes := make([]postgres.ICD10Code, 0, book.Len())
	orderedCodes(book, func(code string, billable bool, short, long string) {
		codes = append(codes, postgres.ICD10Code{Code: code, Billable: billable, Short: short, Long: long})
	})
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	n, err := st.ReplaceICD10(ctx, codes)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == undefinedTable {
		return 0, errors.New("the database has no code table yet: run `medchron migrate` first")
	}
	return n, err
}
