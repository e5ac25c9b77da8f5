package web_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/internal/hostile"
	"github.com/medchron/medchron/web"
)

// canary is a string nothing else holds: it stands for a client's name.
const canary = "Qzxcanary7141"

// lockedBuffer is a log destination shared by goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// echoLLM is an OpenAI-compatible endpoint that refuses every request
// with an error quoting the page text it was sent, as some servers echo
// their input.
func echoLLM(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		quote := "no page text"
		if i := bytes.Index(body, []byte(canary)); i >= 0 {
			quote = string(body[max(0, i-40):min(len(body), i+60)])
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"message": "cannot process input: " + quote, "type": "invalid_request_error"}})
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestCanaryStaysInItsMatter processes a matter whose name, client, file
// names and page text hold a canary, through every path that could leak
// it (an LLM endpoint that echoes its input and fails, the rules fallback,
// an upload refused, a document that fails, searches, views, exports, a
// settings change, a retry), then looks for the canary in the logs, in
// River's job rows, in the error columns, in every other table of the
// database, in the sealed originals and in the temporary folder. It may
// only be in the matter's own data.
func TestCanaryStaysInItsMatter(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", filepath.Join(tmp, "tmp"))
	os.MkdirAll(filepath.Join(tmp, "tmp"), 0o700)
	t.Setenv("XDG_CACHE_HOME", filepath.Join(tmp, "cache"))
	t.Setenv("OPENAI_BASE_URL", echoLLM(t).URL+"/v1")
	t.Setenv("MEDCHRON_LLM_MODEL", "echo")
	t.Setenv("MEDCHRON_EXTRACT_RETRY", "20ms")
	var logs lockedBuffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	t.Cleanup(func() {
		if t.Failed() { // which jobs ran, and how often (under heavy load a document once stayed queued)
			t.Logf("log:\n%s", logs.String())
		}
	})
	ctx := context.Background()
	db := filepath.Join(tmp, "data", "m.db")
	settings, err := app.ReadEnv(os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	h, err := app.Open(ctx, settings.Apply(app.Config{DBPath: db, NoOCR: true, Workers: 1, Extractor: "llm", Fallback: "rules", Logger: log}))
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close(ctx)
	if err := h.Start(ctx); err != nil {
		t.Fatal(err)
	}
	st := webStore(t, h.Store)
	srv := httptest.NewServer(web.New(web.Config{Store: st, Pipeline: h.Pipeline, Token: token, Logger: log}))
	defer srv.Close()
	u := testUser(t, "attorney", "", access.RoleAttorney, "correct horse battery")
	st.CreateUser(ctx, u)
	sess, tok := access.NewSession(u.ID, time.Now())
	st.CreateSession(ctx, sess)
	c := &client{t: t, base: srv.URL, cookie: tok, csrf: sess.CSRF, user: u}

	res, body := c.post("/matters", url.Values{"id": {"m-canary"}, "name": {"Estate of " + canary}, "client": {canary + " Jr."}, "incident_date": {"2024-03-01"}})
	want(t, "create matter", res, body, http.StatusSeeOther, "/matters/m-canary")

	record := strings.Replace(hostile.Record, "Test Patient", canary+" Smith", 1)
	good := hostile.Page(record, "", "").Bytes("/Root 1 0 R")
	locked, _ := os.ReadFile(repoFile(t, "testdata/bad/encrypted.pdf"))
	cut, _ := os.ReadFile(repoFile(t, "testdata/bad/truncated.pdf"))
	var mb bytes.Buffer
	mw := multipart.NewWriter(&mb)
	for name, data := range map[string][]byte{canary + " ER visit.pdf": good, canary + " locked.pdf": locked, canary + " cut.pdf": cut} {
		w, _ := mw.CreateFormFile("file", name)
		w.Write(data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", srv.URL+"/matters/m-canary/documents", &mb)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("X-CSRF-Token", c.csrf)
	req.Header.Set("X-Requested-With", "XMLHttpRequest")
	res, body = c.do(req)
	want(t, "upload", res, body, http.StatusAccepted, "")
	p := c.waitProcessed("m-canary")
	for _, f := range p.Files {
		if strings.Contains(f.Error, canary) {
			t.Errorf("document error shown to the matter quotes record text or a name: %q", f.Error)
		}
	}

	// Every path a person takes through the matter.
	for _, path := range []string{"/matters/m-canary", "/matters/m-canary/chronology", "/matters/m-canary/search?q=" + canary,
		"/matters/m-canary/export/chronology.csv", "/matters/m-canary/export/chronology.html", "/matters/m-canary/export/exhibit.pdf",
		"/matters/m-canary/audit"} {
		c.get(path)
	}
	for _, f := range p.Files {
		c.get("/matters/m-canary/documents/" + f.ID + ".pdf")
		c.get("/matters/m-canary/documents/" + f.ID + "/pages/1")
	}
	res, body = c.post("/matters/m-canary/settings", url.Values{"client": {canary + " Sr."}, "name": {"Estate of " + canary}, "incident_date": {"2024-03-02"}, "gap_days": {"45"}})
	want(t, "settings", res, body, http.StatusSeeOther, "")
	res, body = c.post("/matters/m-canary/retry", nil)
	want(t, "retry", res, body, http.StatusSeeOther, "")
	c.waitProcessed("m-canary")
	h.Close(ctx)

	if strings.Contains(logs.String(), canary) {
		for _, line := range strings.Split(logs.String(), "\n") {
			if strings.Contains(line, canary) {
				t.Errorf("log line holds the canary: %.300s", line)
			}
		}
	}
	if !strings.Contains(logs.String(), "using the fallback") {
		t.Errorf("the LLM failure never reached the fallback (the canary test did not exercise it):\n%.2000s", logs.String())
	}
	leaks := canaryInDatabase(t, db)
	for _, l := range leaks {
		t.Errorf("the canary is in %s", l)
	}
	filepath.WalkDir(tmp, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(path, filepath.Join(tmp, "data")) {
			return nil
		}
		if b, err := os.ReadFile(path); err == nil && bytes.Contains(b, []byte(canary)) {
			t.Errorf("the canary is in %s, outside the data folder", path)
		}
		return nil
	})
}

// ownData are the tables that hold the matter's own data, where the
// canary belongs: its settings, its documents' names and pages, what was
// extracted from them, its chronology and search index. Columns that
// hold errors are checked even there.
var ownData = map[string]bool{
	"matters": true, "matter_documents": true, "documents": true, "pages": true, "facts": true, "extractions": true,
	"chronologies": true, "entries": true, "bills": true, "vectors": true, "page_search_ids": true, "entry_search_ids": true,
	"demand_generations": true, "demand_versions": true, "entry_reviews": true, "llm_cache": true,
}

// canaryInDatabase lists every place of the SQLite database at path that
// holds the canary outside the matter's own data: any column of any
// other table (River's job rows included), the error columns, audit rows
// of other matters, and the sealed originals (which must not show it).
func canaryInDatabase(t *testing.T, path string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table'`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	needle := strings.ToLower(canary)
	var leaks []string
	checked := map[string]bool{}
	for _, table := range tables {
		if ownData[table] || strings.HasPrefix(table, "pages_fts") || strings.HasPrefix(table, "entries_fts") {
			continue
		}
		checked[table] = true
		rs, err := db.Query(`SELECT * FROM "` + table + `"`)
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		cols, _ := rs.Columns()
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rs.Scan(ptrs...)
			matter := ""
			for i, c := range cols {
				if c == "matter_id" {
					matter = fmt.Sprint(vals[i])
				}
			}
			for i, v := range vals {
				var s string
				switch x := v.(type) {
				case string:
					s = x
				case []byte:
					s = string(x)
				}
				if !strings.Contains(strings.ToLower(s), needle) {
					continue
				}
				if table == "audit_log" && matter == "m-canary" {
					continue // the matter's own audit: its settings, before and after
				}
				leaks = append(leaks, fmt.Sprintf("%s.%s: %.200q", table, cols[i], s))
			}
		}
		rs.Close()
	}
	for _, q := range []string{`SELECT error FROM documents`, `SELECT error FROM pages`} {
		var s string
		rs, _ := db.Query(q)
		for rs.Next() {
			rs.Scan(&s)
			if strings.Contains(strings.ToLower(s), needle) {
				leaks = append(leaks, fmt.Sprintf("%s: %.200q", q, s))
			}
		}
		rs.Close()
	}
	for _, want := range []string{"river_job", "blob_chunks", "audit_log", "users"} {
		if !checked[want] {
			t.Errorf("table %s was not searched", want)
		}
	}
	var jobs int
	db.QueryRow(`SELECT count(*) FROM river_job`).Scan(&jobs)
	if jobs == 0 {
		t.Error("no River job rows to search")
	}
	return leaks
}
