package respond

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// TestErrors checks that each kind of request gets its error in the form
// it can read (JSON or the page), and that a server error answers with
// the reference it logged, never the error's text.
func TestErrors(t *testing.T) {
	cases := []struct {
		name     string
		path     string
		header   map[string]string
		write    func(e Errors, w http.ResponseWriter, r *http.Request)
		status   int
		wantJSON bool
		want     string
	}{
		{"api error", "/api/matters/m/progress", nil,
			func(e Errors, w http.ResponseWriter, r *http.Request) { e.Error(w, r, http.StatusBadRequest, "bad q") },
			http.StatusBadRequest, true, "bad q"},
		{"page error", "/matters/m", nil,
			func(e Errors, w http.ResponseWriter, r *http.Request) { e.Error(w, r, http.StatusForbidden, "no") },
			http.StatusForbidden, false, "page 403: no"},
		{"script", "/matters/m/documents", map[string]string{"X-Requested-With": "fetch"},
			func(e Errors, w http.ResponseWriter, r *http.Request) { e.NotFound(w, r) },
			http.StatusNotFound, true, NotFoundText},
		{"accepts JSON", "/matters/m/documents", map[string]string{"Accept": "application/json"},
			func(e Errors, w http.ResponseWriter, r *http.Request) { e.Busy(w, r, "with other uploads") },
			http.StatusServiceUnavailable, true, "The server is busy with other uploads; try again in a few seconds."},
		{"json resource", "/matters/m/progress.json", nil,
			func(e Errors, w http.ResponseWriter, r *http.Request) { e.NotFound(w, r) },
			http.StatusNotFound, true, NotFoundText},
		{"page not found", "/matters/m", nil,
			func(e Errors, w http.ResponseWriter, r *http.Request) { e.NotFound(w, r) },
			http.StatusNotFound, false, "page 404: " + NotFoundText},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := Errors{Logger: slog.New(slog.DiscardHandler), Page: func(w http.ResponseWriter, _ *http.Request, status int, msg string) {
				w.WriteHeader(status)
				fmt.Fprintf(w, "page %d: %s", status, msg)
			}}
			r := httptest.NewRequest(http.MethodGet, c.path, nil)
			for k, v := range c.header {
				r.Header.Set(k, v)
			}
			w := httptest.NewRecorder()
			c.write(e, w, r)
			if w.Code != c.status {
				t.Errorf("status %d, want %d", w.Code, c.status)
			}
			got := w.Body.String()
			if c.wantJSON {
				var body map[string]string
				if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
					t.Fatalf("not JSON: %q", got)
				}
				got = body["error"]
			}
			if got != c.want {
				t.Errorf("answer %q, want %q", got, c.want)
			}
		})
	}
}

// TestServerErrorReference checks that a 500 names the reference logged
// with the error, and that the error's text stays in the log.
func TestServerErrorReference(t *testing.T) {
	for _, path := range []string{"/api/matters/m/chronology", "/matters/m/chronology"} {
		var log bytes.Buffer
		e := Errors{Logger: slog.New(slog.NewTextHandler(&log, nil)), Page: func(w http.ResponseWriter, _ *http.Request, status int, msg string) {
			w.WriteHeader(status)
			w.Write([]byte(msg))
		}}
		w := httptest.NewRecorder()
		e.ServerError(w, httptest.NewRequest(http.MethodGet, path, nil), errors.New("page text: Jane Doe fractured"))
		if w.Code != http.StatusInternalServerError {
			t.Errorf("%s: status %d", path, w.Code)
		}
		if strings.Contains(w.Body.String(), "Jane") {
			t.Errorf("%s: the answer quotes the error: %q", path, w.Body.String())
		}
		ref := regexp.MustCompile(`ref(?:erence)? ([0-9a-f]{8})`).FindStringSubmatch(w.Body.String())
		if ref == nil {
			t.Fatalf("%s: no reference in %q", path, w.Body.String())
		}
		if !strings.Contains(log.String(), "ref="+ref[1]) || !strings.Contains(log.String(), "Jane Doe") {
			t.Errorf("%s: log %q lacks reference %s or the error", path, log.String(), ref[1])
		}
	}
}
