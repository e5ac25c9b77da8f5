package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/store/postgres"
)

// pgLookup opens the PostgreSQL database at dsn and returns how many codes
// its imported table holds and what it says of code.
func pgLookup(t *testing.T, dsn, code string) (n int, desc string, ok bool) {
	t.Helper()
	ctx := context.Background()
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	book, err := st.CodeBook(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if book == nil {
		return 0, "", false
	}
	desc, ok = book.Lookup(code)
	return book.Len(), desc, ok
}

// TestCodesImportPostgres: with --database-url, "codes import" writes the
// table into PostgreSQL (not the SQLite file), asks for a migration first
// on an empty database, and a second import replaces the first.
func TestCodesImportPostgres(t *testing.T) {
	t.Parallel()
	dsn := testDatabase(t)
	tmp := t.TempDir()
	small := writeTestOrderFile(t, tmp)
	sqliteDB := filepath.Join(tmp, "untouched.db")

	code, stdout, stderr := run(t, "codes", "import", "--database-url", dsn, small)
	if code != 1 || !strings.Contains(stderr, "medchron migrate") {
		t.Fatalf("import before migrate: exit %d, stderr %q; want 1 asking for medchron migrate\n%s", code, stderr, stdout)
	}
	if code, stdout, stderr := run(t, "migrate", "--database-url", dsn); code != 0 {
		t.Fatalf("migrate: exit %d\n%s\n%s", code, stdout, stderr)
	}

	// Both databases named: refused, naming the flags, nothing written.
	code, stdout, stderr = run(t, "codes", "import", "--database-url", dsn, "--db", sqliteDB, small)
	if code != 1 || !strings.Contains(stderr, "--db") || !strings.Contains(stderr, "--database-url") {
		t.Fatalf("codes import with --db and --database-url: exit %d, stderr %q; want 1 naming both flags", code, stderr)
	}
	code, stdout, stderr = run(t, "codes", "import", "--database-url", dsn, small)
	if code != 0 || !strings.Contains(stdout, "imported 10 ICD-10-CM codes") || !strings.Contains(stdout, "into PostgreSQL") {
		t.Fatalf("codes import: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if n, desc, ok := pgLookup(t, dsn, "M54.2"); n != 10 || !ok || desc != officialM542 {
		t.Errorf("after import: %d codes, M54.2 = %q, %v; want 10 and %q", n, desc, ok, officialM542)
	}
	if _, err := os.Stat(sqliteDB); err == nil {
		t.Errorf("the PostgreSQL import also wrote the SQLite file %s", sqliteDB)
	}

	// A second, smaller file replaces the table rather than adding to it.
	one := filepath.Join(tmp, "one.txt")
	if err := os.WriteFile(one, []byte(orderRow("00001", "S134XXA", "1", "Sprain of ligaments of cervical spine, init",
		"Sprain of ligaments of cervical spine, initial encounter")), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := run(t, "codes", "import", "--database-url", dsn, one); code != 0 || !strings.Contains(stdout, "imported 1 ICD-10-CM codes") {
		t.Fatalf("second import: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if n, _, ok := pgLookup(t, dsn, "M54.2"); n != 1 || ok {
		t.Errorf("after the second import: %d codes, M54.2 known %v; want 1 code, M54.2 gone", n, ok)
	}

	// A bad file leaves the table as it was.
	empty := filepath.Join(tmp, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, "codes", "import", "--database-url", dsn, empty); code != 1 || !strings.Contains(stderr, "empty") {
		t.Errorf("empty file: exit %d, stderr %q", code, stderr)
	}
	if n, desc, ok := pgLookup(t, dsn, "S13.4XXA"); n != 1 || !ok || !strings.HasPrefix(desc, "Sprain of ligaments") {
		t.Errorf("after a failed import: %d codes, S13.4XXA = %q, %v", n, desc, ok)
	}

	// A wrong password fails without echoing it.
	bad := strings.Replace(dsn, "@", "x@", 1)
	if code, _, stderr := run(t, "codes", "import", "--database-url", bad, small); code != 1 || strings.Contains(stderr, "x@") {
		t.Errorf("wrong password: exit %d, stderr %q", code, stderr)
	}
}

// TestCodesImportPostgresShared imports the full CMS table from ../shared
// (about 95,000 codes) into PostgreSQL and looks codes up through the
// store's code book, as serve and worker load it.
func TestCodesImportPostgresShared(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("full code table import skipped in -short mode")
	}
	path := filepath.Join(sharedDir(t, "codes", "icd10cm"), "icd10cm_fy2022_order_cdc.csv")
	if _, err := os.Stat(path); err != nil {
		t.Skip("shared ICD-10-CM order file not present")
	}
	dsn := testDatabase(t)
	if code, stdout, stderr := run(t, "migrate", "--database-url", dsn); code != 0 {
		t.Fatalf("migrate: exit %d\n%s\n%s", code, stdout, stderr)
	}
	start := time.Now()
	code, stdout, stderr := run(t, "codes", "import", "--database-url", dsn, path)
	took := time.Since(start)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	t.Logf("%s(%s)", stdout, took.Round(time.Millisecond))
	if took > 30*time.Second {
		t.Errorf("import took %s; want a few seconds", took)
	}
	for _, tt := range []struct{ code, want string }{
		{"S13.4XXA", "Sprain of ligaments of cervical spine, initial encounter"},
		{"m5412", "Radiculopathy, cervical region"},
		{"Z99.999", ""},
	} {
		n, got, ok := pgLookup(t, dsn, tt.code)
		if n < 90000 {
			t.Fatalf("%d codes, want about 95,000", n)
		}
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.code, got, ok, tt.want)
		}
	}
}
