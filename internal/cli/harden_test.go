package cli

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medchron/medchron/store/postgres"
	"github.com/medchron/medchron/store/seal"
	"github.com/medchron/medchron/store/sqlite"
)

// downEndpoint returns an LLM endpoint URL whose server is down behind
// its front: every request gets 503 Service Unavailable with Retry-After: 0,
// a transient failure the extractor retries (at once, as the header says:
// a port where nothing listens would cost the same retries seconds of
// backoff each) until it gives up.
func downEndpoint(t *testing.T) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "0")
		http.Error(w, "no backend", http.StatusServiceUnavailable)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/v1"
}

// TestFailedDocumentRecovers: a document that failed with the LLM
// endpoint down is not a stale failure: processing it again with the
// rules extractor, retrying it with reprocess --failed, or the fallback
// each extract it.
func TestFailedDocumentRecovers(t *testing.T) {
	root := repoRoot(t)
	tmp := t.TempDir()
	db := filepath.Join(tmp, "m.db")
	bundle := filepath.Join(root, "testdata", "bundles", "small", "born-digital.pdf")
	t.Setenv("OPENAI_BASE_URL", downEndpoint(t))
	t.Setenv("MEDCHRON_LLM_MODEL", "down")
	t.Setenv("MEDCHRON_EXTRACT_RETRY", "10ms")
	t.Setenv("MEDCHRON_LLM_FALLBACK", "")

	code, _, stderr := run(t, "process", "--quiet", "--db", db, "--out", filepath.Join(tmp, "o1"), "--matter", "down", "--extractor", "llm", bundle)
	if code != 1 || !strings.HasPrefix(lastLine(stderr), "born-digital.pdf: ") || strings.Contains(lastLine(stderr), "doc-") {
		t.Fatalf("with the endpoint down: exit %d, want 1 and one line naming the file\n%s", code, stderr)
	}
	// A copy of the database as the failure left it, for reprocess --failed.
	failed := filepath.Join(tmp, "failed")
	if err := os.Mkdir(failed, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", ".key"} {
		b, err := os.ReadFile(db + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(failed, "m.db"+suffix), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// The same command with the rules extractor: no stale failure.
	code, _, stderr = run(t, "process", "--quiet", "--db", db, "--out", filepath.Join(tmp, "o2"), "--matter", "down", "--extractor", "rules", bundle)
	if code != 0 {
		t.Fatalf("again with --extractor rules: exit %d\n%s", code, stderr)
	}
	if c := readChronology(t, filepath.Join(tmp, "o2")); len(c.Entries) == 0 {
		t.Error("no entries after the retry")
	}

	// The failed state again (the copy), then reprocess --failed.
	db2 := filepath.Join(failed, "m.db")
	code, stdout, stderr := run(t, "reprocess", "--db", db2, "--matter", "down", "--failed", "--extractor", "rules", "--quiet")
	if code != 0 || !strings.Contains(stdout, "retrying 1 failed document(s)") {
		t.Fatalf("reprocess --failed: exit %d\n%s\n%s", code, stdout, stderr)
	}

	// The fallback takes over a document the LLM fails on.
	t.Setenv("MEDCHRON_LLM_FALLBACK", "rules")
	db3 := filepath.Join(tmp, "m3.db")
	code, _, stderr = run(t, "process", "--quiet", "--db", db3, "--out", filepath.Join(tmp, "o4"), "--matter", "fb", "--extractor", "llm", bundle)
	if code != 0 {
		t.Fatalf("with the rules fallback: exit %d\n%s", code, stderr)
	}
	if c := readChronology(t, filepath.Join(tmp, "o4")); len(c.Entries) == 0 {
		t.Error("the fallback extracted nothing")
	}
}

// TestDatabaseChoiceConsistent: every command that opens the database
// honours DATABASE_URL, and refuses --db together with it, naming the flags.
func TestDatabaseChoiceConsistent(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("DATABASE_URL", "postgres://medchron@127.0.0.1:1/nowhere?connect_timeout=2")
	pdf := filepath.Join(repoRoot(t), "testdata", "bundles", "small", "born-digital.pdf")
	codesFile := filepath.Join(tmp, "codes.txt")
	os.WriteFile(codesFile, []byte(orderRow("00001", "S134XXA", "1", "Sprain", "Sprain of ligaments of cervical spine, initial encounter")), 0o644)
	cmds := [][]string{
		{"process", "--quiet", "--out", filepath.Join(tmp, "o"), pdf},
		{"search", "--matter", "m", "mri"},
		{"reprocess", "--matter", "m"},
		{"codes", "import", codesFile},
		{"user", "list"},
		{"audit", "verify"},
		{"backup", filepath.Join(tmp, "b.db")},
		{"key", "rotate", "--stopped"},
	}
	for _, args := range cmds {
		// DATABASE_URL alone: the command goes to PostgreSQL (and fails to connect).
		code, _, stderr := run(t, args...)
		if code == 0 || !(strings.Contains(stderr, "postgres") || strings.Contains(stderr, "pg_dump") || strings.Contains(stderr, "127.0.0.1")) {
			t.Errorf("%v with DATABASE_URL: exit %d, want an attempt at PostgreSQL\n%s", args, code, stderr)
		}
		// With --db as well: refused, naming both flags, before anything is opened.
		withDB := append([]string{args[0]}, append([]string{"--db", filepath.Join(tmp, "x.db")}, args[1:]...)...)
		if args[0] == "codes" || args[0] == "audit" || args[0] == "key" || args[0] == "user" {
			withDB = append([]string{args[0], args[1], "--db", filepath.Join(tmp, "x.db")}, args[2:]...)
		}
		code, _, stderr = run(t, withDB...)
		if code != 1 || !strings.Contains(stderr, "--db") || !strings.Contains(stderr, "--database-url") {
			t.Errorf("%v: exit %d, want 1 naming --db and --database-url\n%s", withDB, code, stderr)
		}
		if _, err := os.Stat(filepath.Join(tmp, "x.db")); err == nil {
			t.Fatalf("%v created the SQLite file it was refused", withDB)
		}
	}
}

// TestDataSafety: the database, its WAL and shared-memory files and the
// key file are owner-only, their folder too; a backup taken while serve
// runs restores to a database that reads the same; key rotation leaves
// every original readable under one new key; audit verify passes.
func TestDataSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("starts serve")
	}
	root := repoRoot(t)
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "data")
	db := filepath.Join(dir, "m.db")
	bundle := filepath.Join(root, "testdata", "bundles", "small", "born-digital.pdf")
	t.Setenv("MEDCHRON_KEY_FILE", "")
	if code, _, stderr := run(t, "process", "--quiet", "--db", db, "--out", filepath.Join(tmp, "o1"), "--matter", "safe", bundle); code != 0 {
		t.Fatalf("process: %d\n%s", code, stderr)
	}
	for path, mode := range map[string]os.FileMode{dir: 0o700, db: 0o600, db + "-wal": 0o600, db + "-shm": 0o600, db + ".key": 0o600} {
		st, err := os.Stat(path)
		if err != nil {
			if strings.HasSuffix(path, "-wal") || strings.HasSuffix(path, "-shm") {
				continue // checkpointed away on close
			}
			t.Fatal(err)
		}
		if st.Mode().Perm() != mode {
			t.Errorf("%s: mode %v, want %v", filepath.Base(path), st.Mode().Perm(), mode)
		}
	}

	// A backup while serve holds the database.
	addr := freeAddr(t)
	start(t, []string{"MEDCHRON_KEY_FILE="}, "serve", "--db", db, "--addr", addr, "--workers", "1")
	waitHealthy(t, "http://"+addr)
	backup := filepath.Join(tmp, "backup.db")
	code, stdout, stderr := run(t, "backup", "--db", db, backup)
	if code != 0 || !strings.Contains(stdout, db+".key") {
		t.Fatalf("backup while serving: %d\n%s\n%s", code, stdout, stderr)
	}
	if st, _ := os.Stat(backup); st == nil || st.Mode().Perm() != 0o600 {
		t.Errorf("backup file mode %v, want 0600", st)
	}
	if code, stdout, stderr := run(t, "audit", "verify", "--db", db); code != 0 || !strings.Contains(stdout, "the chain holds") {
		t.Errorf("audit verify while serving: %d\n%s\n%s", code, stdout, stderr)
	}

	// Restore elsewhere: refused without the key file, then restored.
	restored := filepath.Join(tmp, "restored", "m.db")
	if code, _, stderr := run(t, "restore", "--db", restored, backup); code != 1 || !strings.Contains(stderr, "key") {
		t.Errorf("restore without its key file: exit %d\n%s", code, stderr)
	}
	os.MkdirAll(filepath.Dir(restored), 0o700)
	key, _ := os.ReadFile(db + ".key")
	os.WriteFile(restored+".key", key, 0o600)
	if code, _, stderr := run(t, "restore", "--db", restored, backup); code != 0 {
		t.Fatalf("restore: %d\n%s", code, stderr)
	}
	if code, _, _ := run(t, "restore", "--db", restored, backup); code != 1 {
		t.Error("restore over an existing database without --force succeeded")
	}
	out2 := filepath.Join(tmp, "o2")
	if code, _, stderr := run(t, "process", "--quiet", "--db", restored, "--out", out2, "--matter", "safe", bundle); code != 0 {
		t.Fatalf("process on the restored database: %d\n%s", code, stderr)
	}
	a, b := readChronology(t, filepath.Join(tmp, "o1")), readChronology(t, out2)
	if len(a.Entries) != len(b.Entries) || len(a.Entries) == 0 {
		t.Errorf("restored chronology has %d entries, the original %d", len(b.Entries), len(a.Entries))
	}

	// Key rotation on the restored copy.
	old, _ := seal.Load(restored + ".key")
	if code, stdout, stderr := run(t, "key", "rotate", "--db", restored); code != 0 {
		t.Fatalf("key rotate: %d\n%s\n%s", code, stdout, stderr)
	}
	ring, err := seal.Load(restored + ".key")
	if err != nil || len(ring.IDs()) != 1 || ring.Current() == old.Current() {
		t.Fatalf("after rotation the key file holds %v (was %v): %v", ring.IDs(), old.IDs(), err)
	}
	st, err := sqlite.Open(context.Background(), restored, sqlite.WithKeys(ring))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs, _ := st.MatterDocuments(context.Background(), "safe")
	for _, d := range docs {
		if data, err := st.DocumentBlob(context.Background(), d.ID); err != nil || len(data) == 0 {
			t.Errorf("original of %s after rotation: %d bytes, %v", d.ID, len(data), err)
		}
	}
	if ids, _ := st.KeyIDs(context.Background()); len(ids) != 1 || ids[0] != ring.Current() {
		t.Errorf("chunks sealed under %v after rotation, want only %s", ids, ring.Current())
	}
}

// lastLine is the last non-empty line of s.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// TestPostgresBackupRestore follows SECURITY.md's path for PostgreSQL:
// pg_dump in its custom format from a database medchron wrote (process
// honouring --database-url), pg_restore into an empty one; the restored
// database passes audit verify, answers searches and keeps the originals
// readable with the same key file.
func TestPostgresBackupRestore(t *testing.T) {
	for _, tool := range []string{"pg_dump", "pg_restore"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (scripts/setup-postgres.sh installs it)", tool)
		}
	}
	src := testDatabase(t)
	tmp := t.TempDir()
	t.Setenv("MEDCHRON_KEY_FILE", filepath.Join(tmp, "medchron.key"))
	bundle := filepath.Join(repoRoot(t), "testdata", "bundles", "small", "born-digital.pdf")
	if code, _, stderr := run(t, "migrate", "--database-url", src); code != 0 {
		t.Fatalf("migrate: %s", stderr)
	}
	if code, _, stderr := run(t, "process", "--quiet", "--database-url", src, "--out", filepath.Join(tmp, "o1"), "--matter", "pg", "--workers", "1", bundle); code != 0 {
		t.Fatalf("process on PostgreSQL: %d\n%s", code, stderr)
	}
	dump := filepath.Join(tmp, "medchron.dump")
	if out, err := exec.Command("pg_dump", "--format=custom", "--file="+dump, src).CombinedOutput(); err != nil {
		t.Fatalf("pg_dump: %v\n%s", err, out)
	}
	dst := testDatabase(t) // empty, with the vector extension
	if out, err := exec.Command("pg_restore", "--no-owner", "--exit-on-error", "--dbname="+dst, dump).CombinedOutput(); err != nil {
		// The vector extension exists in the new database already.
		if !strings.Contains(string(out), `extension "vector" already exists`) {
			t.Fatalf("pg_restore: %v\n%s", err, out)
		}
	}
	if code, stdout, stderr := run(t, "audit", "verify", "--database-url", dst); code != 0 {
		t.Errorf("audit verify on the restored database: %d\n%s\n%s", code, stdout, stderr)
	}
	if code, stdout, stderr := run(t, "search", "--database-url", dst, "--matter", "pg", "lumbar"); code != 0 || stdout == "" {
		t.Errorf("search on the restored database: %d\n%s\n%s", code, stdout, stderr)
	}
	st, err := postgres.Open(context.Background(), dst, postgres.WithKeys(mustLoad(t, filepath.Join(tmp, "medchron.key"))))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.CheckKeys(context.Background()); err != nil {
		t.Error(err)
	}
	docs, _ := st.MatterDocuments(context.Background(), "pg")
	if len(docs) != 1 {
		t.Fatalf("%d documents restored, want 1", len(docs))
	}
	orig, _ := os.ReadFile(bundle)
	if got, err := st.DocumentBlob(context.Background(), docs[0].ID); err != nil || !bytes.Equal(got, orig) {
		t.Errorf("the restored original reads %d bytes, %v; want the %d bytes uploaded", len(got), err, len(orig))
	}
}

func mustLoad(t *testing.T, path string) *seal.Ring {
	t.Helper()
	r, err := seal.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
