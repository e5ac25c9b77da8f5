package search

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// reply is one recorded answer of the server: a status and a body file.
type reply struct {
	status int
	file   string
}

// replay serves the replies in order (the last one again when they run
// out) and records the inputs of each request.
type replay struct {
	t       *testing.T
	mu      sync.Mutex
	replies []reply
	inputs  [][]string
	auth    []string
}

func (r *replay) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if req.URL.Path != "/v1/embeddings" || req.Method != http.MethodPost {
		http.Error(w, "unexpected "+req.Method+" "+req.URL.Path, http.StatusNotFound)
		return
	}
	var body struct {
		Input []string `json:"input"`
		Model string   `json:"model"`
	}
	b, _ := io.ReadAll(req.Body)
	if err := json.Unmarshal(b, &body); err != nil || body.Model != "nomic-embed-text" {
		http.Error(w, "bad request body", http.StatusBadRequest)
		return
	}
	r.mu.Lock()
	r.inputs = append(r.inputs, body.Input)
	r.auth = append(r.auth, req.Header.Get("Authorization"))
	rep := r.replies[min(len(r.inputs), len(r.replies))-1]
	r.mu.Unlock()
	data, err := os.ReadFile(filepath.Join("testdata", rep.file))
	if err != nil {
		r.t.Error(err)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(rep.status)
	w.Write(data)
}

func newReplay(t *testing.T, replies ...reply) (*replay, *OpenAI) {
	t.Helper()
	r := &replay{t: t, replies: replies}
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	o, err := NewOpenAI(OpenAIConfig{BaseURL: srv.URL, APIKey: "sk-test", Model: "nomic-embed-text",
		BatchSize: 2, MaxRetries: 2, RetryWait: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return r, o
}

func TestOpenAIEmbed(t *testing.T) {
	r, o := newReplay(t, reply{200, "embeddings-batch.json"}, reply{200, "embeddings-one.json"})
	if o.Dim() != 0 {
		t.Errorf("Dim before any answer = %d, want 0", o.Dim())
	}
	vecs, err := o.Embed(t.Context(), []string{"first page", "", "second page", "third page"})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float32{{0.6, 0, 0.8}, {0, 0, 0}, {0, 1, 0}, {1, 0, 0}}
	for i := range want {
		if !equalVec(vecs[i], want[i]) {
			t.Errorf("vector %d = %v, want %v", i, vecs[i], want[i])
		}
	}
	if o.Dim() != 3 || o.Model() != "nomic-embed-text" {
		t.Errorf("Dim %d Model %q", o.Dim(), o.Model())
	}
	// Batches of two, empty texts never sent, the key as a bearer token.
	if len(r.inputs) != 2 || strings.Join(r.inputs[0], "|") != "first page|second page" || strings.Join(r.inputs[1], "|") != "third page" {
		t.Errorf("requests %q", r.inputs)
	}
	if r.auth[0] != "Bearer sk-test" {
		t.Errorf("Authorization %q", r.auth[0])
	}
}

func TestOpenAIRetries(t *testing.T) {
	tests := []struct {
		name     string
		replies  []reply
		requests int
		wantErr  string
	}{
		{"429 then answer", []reply{{429, "error-429.json"}, {200, "embeddings-one.json"}}, 2, ""},
		{"500, 503 then answer", []reply{{500, "error-429.json"}, {503, "error-429.json"}, {200, "embeddings-one.json"}}, 3, ""},
		{"429 every time", []reply{{429, "error-429.json"}}, 3, "HTTP 429"},
		{"400 is not retried", []reply{{400, "error-400.json"}}, 1, "HTTP 400"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, o := newReplay(t, tc.replies...)
			vecs, err := o.Embed(t.Context(), []string{"a page"})
			if len(r.inputs) != tc.requests {
				t.Errorf("%d requests, want %d", len(r.inputs), tc.requests)
			}
			if tc.wantErr == "" {
				if err != nil || len(vecs) != 1 || !equalVec(vecs[0], []float32{1, 0, 0}) {
					t.Errorf("Embed = %v, %v", vecs, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("error %v, want %q", err, tc.wantErr)
			}
			// The server's message may quote the texts sent: never passed on.
			if strings.Contains(err.Error(), "JANE") || strings.Contains(err.Error(), "Rate limit") {
				t.Errorf("error passes on the server's message: %v", err)
			}
		})
	}
}

func TestOpenAIDimensionChange(t *testing.T) {
	_, o := newReplay(t, reply{200, "embeddings-one.json"}, reply{200, "embeddings-dim4.json"})
	if _, err := o.Embed(t.Context(), []string{"a"}); err != nil {
		t.Fatal(err)
	}
	if _, err := o.Embed(t.Context(), []string{"b"}); err == nil || !strings.Contains(err.Error(), "4 dimensions") {
		t.Errorf("a change of dimension: error %v", err)
	}
}

func equalVec(a, b []float32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if d := a[i] - b[i]; d > 1e-6 || d < -1e-6 {
			return false
		}
	}
	return true
}
