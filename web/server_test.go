package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/internal/testutil"
	"github.com/medchron/medchron/web"
)

func repoFile(t testing.TB, rel string) string {
	t.Helper()
	return filepath.Join(testutil.RepoRoot(t), rel)
}

const token = "test-token"

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	e, err := app.OpenEmbedded(ctx, app.Config{DBPath: filepath.Join(t.TempDir(), "m.db"), NoOCR: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close(context.Background()) })
	if err := e.Start(ctx); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.New(web.Config{Store: webStore(t, e.Store), Pipeline: e.Pipeline, Token: token}))
	t.Cleanup(srv.Close)
	return srv
}

func do(t testing.TB, req *http.Request, auth bool) (int, []byte) {
	t.Helper()
	if auth {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, b
}

func upload(t testing.TB, url string, files map[string]string, fields map[string]string) *http.Request {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for name, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		w, _ := mw.CreateFormFile("file", name)
		w.Write(data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", url, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req
}

// TestUploadProcessRead: upload a bundle and a bad file, follow progress
// until done, read the chronology.
func TestUploadProcessRead(t *testing.T) {
	srv := newServer(t)
	req := upload(t, srv.URL+"/api/matters/case-1/documents", map[string]string{
		"records.pdf": repoFile(t, "testdata/bundles/small/born-digital.pdf"),
		"photo.pdf":   repoFile(t, "testdata/bad/photo.pdf"),
	}, map[string]string{"incident_date": "2023-12-06"})
	code, body := do(t, req, true)
	if code != http.StatusAccepted {
		t.Fatalf("upload: %d %s", code, body)
	}
	var up struct {
		Documents []struct{ ID, File string }
		Errors    []struct{ File, Error string }
	}
	if err := json.Unmarshal(body, &up); err != nil {
		t.Fatal(err)
	}
	if len(up.Documents) != 1 || len(up.Errors) != 1 || !strings.Contains(up.Errors[0].Error, "JPEG") {
		t.Fatalf("upload answer %s", body)
	}
	deadline := time.Now().Add(time.Minute)
	for {
		req, _ := http.NewRequest("GET", srv.URL+"/api/matters/case-1/progress", nil)
		code, body := do(t, req, true)
		if code != http.StatusOK {
			t.Fatalf("progress: %d %s", code, body)
		}
		var pr struct {
			Done bool
		}
		json.Unmarshal(body, &pr)
		if pr.Done {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not done: %s", body)
		}
		time.Sleep(100 * time.Millisecond)
	}
	req, _ = http.NewRequest("GET", srv.URL+"/api/matters/case-1/chronology", nil)
	code, body = do(t, req, true)
	if code != http.StatusOK {
		t.Fatalf("chronology: %d %s", code, body)
	}
	var c struct {
		Schema string
		Matter struct {
			DateOfIncident string `json:"date_of_incident"`
		}
		Entries []json.RawMessage
	}
	json.Unmarshal(body, &c)
	if c.Schema != "medchron.chronology/v1" || len(c.Entries) == 0 || c.Matter.DateOfIncident != "2023-12-06" {
		t.Errorf("chronology: schema %q, %d entries, incident %q", c.Schema, len(c.Entries), c.Matter.DateOfIncident)
	}
}

// TestAPIGuards: every API route needs the token; bad ids, unknown matters
// and missing search answer clearly; responses carry security headers.
func TestAPIGuards(t *testing.T) {
	srv := newServer(t)
	routes := []struct{ method, path string }{
		{"POST", "/api/matters/x/documents"},
		{"GET", "/api/matters/x/progress"},
		{"GET", "/api/matters/x/chronology"},
		{"GET", "/api/matters/x/search?q=mri"},
	}
	for _, r := range routes {
		req, _ := http.NewRequest(r.method, srv.URL+r.path, nil)
		if code, _ := do(t, req, false); code != http.StatusUnauthorized {
			t.Errorf("%s %s without token: %d, want 401", r.method, r.path, code)
		}
		req, _ = http.NewRequest(r.method, srv.URL+r.path, nil)
		req.Header.Set("Authorization", "Bearer wrong")
		if code, _ := do(t, req, false); code != http.StatusUnauthorized {
			t.Errorf("%s %s with a wrong token: %d, want 401", r.method, r.path, code)
		}
	}
	cases := []struct {
		method, path string
		want         int
	}{
		{"GET", "/api/matters/no-such/progress", http.StatusNotFound},
		{"GET", "/api/matters/no-such/chronology", http.StatusNotFound},
		{"GET", "/api/matters/..%2Fetc/progress", http.StatusBadRequest},
		{"GET", "/api/matters/x/search?q=mri", http.StatusNotImplemented},
		{"POST", "/api/matters/x/documents", http.StatusBadRequest},
	}
	for _, c := range cases {
		req, _ := http.NewRequest(c.method, srv.URL+c.path, nil)
		res, err := http.DefaultClient.Do(func() *http.Request { req.Header.Set("Authorization", "Bearer "+token); return req }())
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != c.want {
			t.Errorf("%s %s: %d, want %d", c.method, c.path, res.StatusCode, c.want)
		}
		if res.Header.Get("X-Content-Type-Options") != "nosniff" || res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: security headers missing", c.path)
		}
	}
}

// webStore returns s as a web.Store.
func webStore(t testing.TB, s any) web.Store {
	t.Helper()
	ws, ok := s.(web.Store)
	if !ok {
		t.Fatalf("%T does not implement web.Store", s)
	}
	return ws
}
