package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/web"
)

// reviewEnv is a server with one processed matter (the small born-digital
// bundle) and the store behind it.
type reviewEnv struct {
	srv    *httptest.Server
	store  web.Store
	matter string
}

// newReviewEnv starts a server on an embedded store, uploads the small
// born-digital bundle to matter "case-r" through the API and waits until
// it is processed.
func newReviewEnv(t *testing.T) *reviewEnv {
	t.Helper()
	return newReviewEnvWith(t, nil)
}

// newReviewEnvWith is newReviewEnv with the server's configuration
// adjusted by set.
func newReviewEnvWith(t *testing.T, set func(*web.Config)) *reviewEnv {
	t.Helper()
	return newReviewEnvOn(t, backendOptions(t), set)
}

// newReviewEnvOn is newReviewEnvWith on the backend opts choose: the
// embedded SQLite store, or PostgreSQL when opts.DatabaseURL is set. On
// SQLite the database starts as a copy of reviewTemplate (the same upload,
// processed once per test process); on PostgreSQL the bundle is uploaded
// and processed here.
func newReviewEnvOn(t *testing.T, opts app.Config, set func(*web.Config)) *reviewEnv {
	t.Helper()
	fresh := opts.DatabaseURL != ""
	if !fresh {
		copyReviewTemplate(t, opts.DBPath)
	}
	return openReviewEnv(t, opts, set, fresh)
}

// newReviewEnvFresh is newReviewEnv uploading and processing the bundle
// itself, for tests about the upload.
func newReviewEnvFresh(t *testing.T) *reviewEnv {
	t.Helper()
	return openReviewEnv(t, backendOptions(t), nil, true)
}

// openReviewEnv starts a server on the store opts name; with upload set it
// uploads the small born-digital bundle to matter "case-r" through the API
// and waits until it is processed (else the store holds it already).
func openReviewEnv(t *testing.T, opts app.Config, set func(*web.Config), upload bool) *reviewEnv {
	t.Helper()
	ctx := context.Background()
	h, err := app.Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close(context.Background()) })
	if err := h.Start(ctx); err != nil {
		t.Fatal(err)
	}
	st := webStore(t, h.Store)
	cfg := web.Config{Store: st, Pipeline: h.Pipeline, Token: token}
	if set != nil {
		set(&cfg)
	}
	srv := httptest.NewServer(web.New(cfg))
	t.Cleanup(srv.Close)
	env := &reviewEnv{srv: srv, store: st, matter: "case-r"}
	if upload {
		uploadReviewMatter(t, srv.URL)
	}
	return env
}

// uploadReviewMatter uploads the small born-digital bundle to matter
// "case-r" of the server at base and waits until it is processed.
func uploadReviewMatter(t *testing.T, base string) {
	t.Helper()
	req := upload(t, base+"/api/matters/case-r/documents",
		map[string]string{"records.pdf": repoFile(t, "testdata/bundles/small/born-digital.pdf")},
		map[string]string{"incident_date": "2023-12-06", "name": "Review test"})
	if code, body := do(t, req, true); code != http.StatusAccepted {
		t.Fatalf("upload: %d %s", code, body)
	}
	deadline := time.Now().Add(time.Minute)
	for {
		req, _ := http.NewRequest("GET", base+"/api/matters/case-r/progress", nil)
		_, body := do(t, req, true)
		var pr struct{ Done bool }
		json.Unmarshal(body, &pr)
		if pr.Done {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("processing not done: %s", body)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// reviewTemplate is an embedded database (and its key file) holding matter
// "case-r" as uploadReviewMatter leaves it, made once per test process by
// the first SQLite review environment.
var reviewTemplate struct {
	sync.Mutex
	dir string // holds m.db and m.db.key once made
}

// copyReviewTemplate copies the template database to dbPath (and its key
// file beside it), making the template first if need be.
func copyReviewTemplate(t *testing.T, dbPath string) {
	t.Helper()
	reviewTemplate.Lock()
	defer reviewTemplate.Unlock()
	if reviewTemplate.dir == "" {
		dir, err := os.MkdirTemp("", "medchron-web-review-")
		if err != nil {
			t.Fatal(err)
		}
		defer func() {
			if reviewTemplate.dir == "" { // not made: the test failed
				os.RemoveAll(dir)
			}
		}()
		db := filepath.Join(dir, "m.db")
		func() {
			h, err := app.Open(context.Background(), app.Config{DBPath: db, NoOCR: true, Workers: 1})
			if err != nil {
				t.Fatal(err)
			}
			defer h.Close(context.Background()) // checkpoints the WAL into m.db
			if err := h.Start(context.Background()); err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(web.New(web.Config{Store: webStore(t, h.Store), Pipeline: h.Pipeline, Token: token}))
			defer srv.Close()
			uploadReviewMatter(t, srv.URL)
		}()
		reviewTemplate.dir = dir
	}
	for _, name := range []string{"m.db", "m.db.key"} {
		b, err := os.ReadFile(filepath.Join(reviewTemplate.dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(filepath.Dir(dbPath), filepath.Base(dbPath)+strings.TrimPrefix(name, "m.db")), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// removeReviewTemplate deletes the template (TestMain calls it).
func removeReviewTemplate() {
	if reviewTemplate.dir != "" {
		os.RemoveAll(reviewTemplate.dir)
	}
}

// chronology returns the matter's chronology as reviewed: provider
// overrides and entry reviews applied, as every page reads it.
func (env *reviewEnv) chronology(t *testing.T) chronology.Chronology {
	t.Helper()
	ctx := context.Background()
	c, _, err := env.store.Chronology(ctx, env.matter)
	if err != nil {
		t.Fatal(err)
	}
	os, err := env.store.ProviderOverrides(ctx, env.matter)
	if err != nil {
		t.Fatal(err)
	}
	chronology.ApplyProviderOverrides(&c, os)
	rs, err := env.store.EntryReviews(ctx, env.matter)
	if err != nil {
		t.Fatal(err)
	}
	chronology.ApplyReviews(&c, rs)
	return c
}

// browser is a signed-in user's HTTP client (client, in account_test.go):
// its session cookie and CSRF token; it does not follow redirects.
type browser = client

// signIn creates a user with role (assigned to the matter when member is
// true) and a session for them, as the sign-in page would.
func (env *reviewEnv) signIn(t *testing.T, username string, role access.Role, member bool) *browser {
	t.Helper()
	ctx := context.Background()
	u := testUser(t, username, "", role, "correct horse battery")
	u.ID = "u-" + username
	if err := env.store.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if member {
		if err := env.store.AddMember(ctx, env.matter, u.ID); err != nil {
			t.Fatal(err)
		}
	}
	sess, tok := access.NewSession(u.ID, time.Now())
	if err := env.store.CreateSession(ctx, sess); err != nil {
		t.Fatal(err)
	}
	return &browser{t: t, base: env.srv.URL, cookie: tok, csrf: sess.CSRF, user: u}
}

var noRedirect = acctHTTP

// wantStatus fails the test unless res has the status code.
func wantStatus(t *testing.T, what string, res *http.Response, body string, code int) {
	t.Helper()
	if res.StatusCode != code {
		if len(body) > 600 {
			body = body[:600]
		}
		t.Fatalf("%s: status %d, want %d\n%s", what, res.StatusCode, code, body)
	}
}

// auditActions lists the actions of the matter's audit rows.
func (env *reviewEnv) auditActions(t *testing.T) map[string]int {
	t.Helper()
	evs, err := env.store.AuditEvents(context.Background(), access.AuditFilter{MatterID: env.matter, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, e := range evs {
		n[e.Action]++
	}
	return n
}

// putChronology stores c as the matter's chronology over version.
func (env *reviewEnv) putChronology(t *testing.T, version int64, c chronology.Chronology) {
	t.Helper()
	put, ok := env.store.(interface {
		PutChronology(context.Context, string, int64, chronology.Chronology) error
	})
	if !ok {
		t.Fatalf("%T cannot store a chronology", env.store)
	}
	if err := put.PutChronology(context.Background(), env.matter, version, c); err != nil {
		t.Fatal(err)
	}
}
