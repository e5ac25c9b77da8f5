package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/store"
)

// userRun runs "medchron user ..." with stdin.
func userRun(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	err := userCommand(context.Background(), env, strings.NewReader(stdin), args)
	return out.String(), errb.String(), err
}

// TestUserCommand: add reads the password from standard input, checks
// the role, the username and the password policy, refuses duplicates;
// list shows the accounts. On SQLite, and on PostgreSQL when a test
// database is configured.
func TestUserCommand(t *testing.T) {
	t.Parallel()
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		testUserCommand(t, []string{"--db", filepath.Join(t.TempDir(), "m.db")})
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		dsn := testDatabase(t)
		if code, _, stderr := run(t, "migrate", "--database-url", dsn); code != 0 {
			t.Fatalf("migrate: %s", stderr)
		}
		testUserCommand(t, []string{"--database-url", dsn})
	})
}

func testUserCommand(t *testing.T, db []string) {
	args := func(a ...string) []string { return append(a, db...) }
	out, _, err := userRun(t, "", args("list")...)
	if err != nil || !strings.Contains(out, "no users yet") {
		t.Fatalf("list of none: %q %v", out, err)
	}
	out, _, err = userRun(t, "a long enough secret\n", args("add", "Alice", "--role", "admin", "--name", "Alice Ames")...)
	if err != nil || out != "created user alice (admin)\n" {
		t.Fatalf("add: %q %v", out, err)
	}
	for _, c := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{"a long enough secret\n", args("add", "alice", "--role", "paralegal"), "already exists"},
		{"a long enough secret\n", args("add", "bob", "--role", "judge"), "must be admin, attorney or paralegal"},
		{"short\n", args("add", "bob", "--role", "paralegal"), "at least 12 characters"},
		{"", args("add", "bob", "--role", "paralegal"), "no password"},
		{"a long enough secret\n", args("add", "bob smith", "--role", "paralegal"), "username"},
	} {
		_, _, err := userRun(t, c.stdin, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("user %v: error %v, want %q", c.args, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "a long enough secret") {
			t.Errorf("the error quotes the password: %v", err)
		}
	}
	if _, _, err := userRun(t, "another long secret\r\n", args("add", "bob", "--role", "paralegal")...); err != nil {
		t.Fatal(err)
	}
	out, _, err = userRun(t, "", args("list")...)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "alice ") || !strings.Contains(lines[1], "Alice Ames") || !strings.HasPrefix(lines[2], "bob ") || !strings.Contains(lines[2], "paralegal") {
		t.Errorf("list:\n%s", out)
	}
	if _, stderr, err := userRun(t, "", "remove", "bob"); err == nil || !strings.Contains(stderr, "Usage") {
		t.Errorf("unknown sub-command: %v %q", err, stderr)
	}

	// Changes: a new password, a role, disable and enable; each ends the
	// user's sessions (but enable) and is audited.
	st, done := openAccessStore(t, db)
	bob, err := st.UserByName(context.Background(), "bob")
	if err != nil {
		t.Fatal(err)
	}
	sess, _ := access.NewSession(bob.ID, time.Now())
	if err := st.CreateSession(context.Background(), sess); err != nil {
		t.Fatal(err)
	}
	done()
	for _, c := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{"short\n", args("password", "bob"), "at least 12 characters"},
		{"", args("role", "bob", "--role", "judge"), "must be admin"},
		{"", args("disable", "nobody"), "no user named nobody"},
	} {
		if _, _, err := userRun(t, c.stdin, c.args...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("user %v: error %v, want %q", c.args, err, c.want)
		}
	}
	for _, c := range []struct {
		stdin string
		args  []string
		out   string
	}{
		{"a brand new secret\n", args("password", "bob"), "user bob: password set\n"},
		{"", args("role", "Bob", "--role", "attorney"), "user bob: role paralegal -> attorney\n"},
		{"", args("disable", "bob"), "user bob: disable\n"},
	} {
		out, _, err := userRun(t, c.stdin, c.args...)
		if err != nil || out != c.out {
			t.Errorf("user %v: %q %v, want %q", c.args, out, err, c.out)
		}
	}
	st, done = openAccessStore(t, db)
	defer done()
	bob, err = st.UserByName(context.Background(), "bob")
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := access.CheckPassword(bob.PasswordHash, "a brand new secret"); !ok || bob.Role != access.RoleAttorney || !bob.Disabled {
		t.Errorf("bob after the changes: role %s, disabled %v, new password accepted %v", bob.Role, bob.Disabled, ok)
	}
	if _, err := st.Session(context.Background(), sess.TokenHash); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("bob's session survived a new password: %v", err)
	}
	evs, err := st.AuditEvents(context.Background(), access.AuditFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	updates := 0
	for _, e := range evs {
		if e.Action == access.AuditUserUpdate && e.Object == bob.ID {
			updates++
			if strings.Contains(e.Detail, "secret") {
				t.Errorf("audit detail holds the password: %q", e.Detail)
			}
		}
	}
	if updates != 3 {
		t.Errorf("%d user_update audit rows for bob, want 3", updates)
	}
}

// openAccessStore opens the users store named by the --db or
// --database-url arguments; done closes it.
func openAccessStore(t *testing.T, db []string) (access.Store, func()) {
	t.Helper()
	opts := app.Config{DBPath: db[1], NoOCR: true}
	if db[0] == "--database-url" {
		opts = app.Config{DatabaseURL: db[1]}
	}
	h, err := app.Open(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	var st any = h.Store
	return st.(access.Store), func() { h.Close(context.Background()) }
}

// syncBuffer is a bytes.Buffer safe for a server goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// TestServeFirstUserHint: serve on a database without users says how to
// create the first admin, runs without MEDCHRON_API_TOKEN, and says so
// when its cookies need HTTPS.
func TestServeFirstUserHint(t *testing.T) {
	t.Setenv("MEDCHRON_API_TOKEN", "")
	db := filepath.Join(t.TempDir(), "m.db")
	serve := func(extra ...string) string {
		t.Helper()
		var errb syncBuffer
		env := &Env{Stdout: io.Discard, Stderr: &errb, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			done <- runServe(ctx, env, append([]string{"--db", db, "--addr", "127.0.0.1:0", "--workers", "1"}, extra...))
		}()
		deadline := time.Now().Add(30 * time.Second)
		for !strings.Contains(errb.String(), "listening on") {
			select {
			case err := <-done:
				cancel()
				t.Fatalf("serve stopped: %v\n%s", err, errb.String())
			default:
			}
			if time.Now().After(deadline) {
				cancel()
				t.Fatalf("serve did not start:\n%s", errb.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
		cancel()
		if err := <-done; err != nil {
			t.Fatalf("serve: %v", err)
		}
		return errb.String()
	}
	out := serve()
	if !strings.Contains(out, "no users yet; create the first admin with: medchron user add USERNAME --role admin") {
		t.Errorf("no first-user hint:\n%s", out)
	}
	if strings.Contains(out, "Secure") {
		t.Errorf("loopback serve claims Secure cookies:\n%s", out)
	}
	if _, _, err := userRun(t, "a long enough secret\n", "add", "root", "--role", "admin", "--db", db); err != nil {
		t.Fatal(err)
	}
	out = serve("--secure-cookies")
	if strings.Contains(out, "no users yet") || !strings.Contains(out, "session cookies are Secure") {
		t.Errorf("serve with a user and --secure-cookies:\n%s", out)
	}
}
