package llm

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/prompts"
)

const testModel = "test-model"

// reply is what the fake server answers to one request.
type reply struct {
	status     int    // default 200
	retryAfter string // Retry-After header
	content    string // the assistant message content (status 200)
	errMsg     string // error message (status >= 400)
	hang       bool   // wait until the client gives up
}

// seen is one request as the server received it.
type seen struct {
	auth   string
	body   map[string]any
	system []string // system messages, in order
	user   []string // user messages, in order
	pages  string   // page range of the first user message, e.g. "1-2"
	format string   // response_format.type, "" when absent
}

// fakeServer replays recorded answers and checks what the client sends.
type fakeServer struct {
	t        *testing.T
	srv      *httptest.Server
	wantAuth string
	answer   func(call int, s seen) reply

	mu       sync.Mutex
	requests []seen
	inFlight atomic.Int32
	maxIn    atomic.Int32
}

var markerRE = regexp.MustCompile(`(?m)^=== PAGE (\d+) ===$`)

func newFakeServer(t *testing.T, wantAuth string, answer func(call int, s seen) reply) *fakeServer {
	t.Helper()
	f := &fakeServer{t: t, wantAuth: wantAuth, answer: answer}
	f.srv = httptest.NewServer(http.HandlerFunc(f.handle))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeServer) url() string { return f.srv.URL + "/v1" }

func (f *fakeServer) calls() []seen {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]seen(nil), f.requests...)
}

func (f *fakeServer) handle(w http.ResponseWriter, r *http.Request) {
	n := f.inFlight.Add(1)
	defer f.inFlight.Add(-1)
	for m := f.maxIn.Load(); n > m && !f.maxIn.CompareAndSwap(m, n); m = f.maxIn.Load() {
	}
	s := f.check(r)
	f.mu.Lock()
	call := len(f.requests)
	f.requests = append(f.requests, s)
	f.mu.Unlock()

	rep := f.answer(call, s)
	if rep.hang {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
		return
	}
	if rep.retryAfter != "" {
		w.Header().Set("Retry-After", rep.retryAfter)
	}
	w.Header().Set("Content-Type", "application/json")
	if rep.status >= 400 {
		w.WriteHeader(rep.status)
		json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"message": rep.errMsg, "type": "invalid_request_error"}})
		return
	}
	json.NewEncoder(w).Encode(map[string]any{
		"id": fmt.Sprintf("chatcmpl-%d", call), "object": "chat.completion", "created": 1, "model": testModel,
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
			"message": map[string]any{"role": "assistant", "content": rep.content}}},
		"usage": map[string]any{"prompt_tokens": 1000, "completion_tokens": 200, "total_tokens": 1200},
	})
}

// check asserts the parts of a request every test expects.
func (f *fakeServer) check(r *http.Request) seen {
	t := f.t
	var s seen
	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
		t.Errorf("request %s %s, want POST /v1/chat/completions", r.Method, r.URL.Path)
	}
	s.auth = r.Header.Get("Authorization")
	if s.auth != f.wantAuth {
		t.Errorf("Authorization %q, want %q", s.auth, f.wantAuth)
	}
	raw, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(raw, &s.body); err != nil {
		t.Errorf("request body is not JSON: %v", err)
		return s
	}
	if s.body["model"] != testModel {
		t.Errorf("model %v, want %s", s.body["model"], testModel)
	}
	if temp, _ := s.body["temperature"].(float64); temp != Temperature {
		t.Errorf("temperature %v, want %v", s.body["temperature"], Temperature)
	}
	if seed, _ := s.body["seed"].(float64); seed != Seed {
		t.Errorf("seed %v, want %d", s.body["seed"], Seed)
	}
	msgs, _ := s.body["messages"].([]any)
	for i, m := range msgs {
		mm, _ := m.(map[string]any)
		content, _ := mm["content"].(string)
		switch mm["role"] {
		case "system":
			s.system = append(s.system, content)
			if markerRE.MatchString(content) || strings.Contains(content, "MERCY GENERAL") ||
				strings.Contains(content, "SUMMIT ORTHOPEDICS") || strings.Contains(content, "Ignore previous") {
				t.Errorf("system message %d holds record text", i)
			}
		case "user":
			s.user = append(s.user, content)
		}
	}
	if len(msgs) == 0 || msgs[0].(map[string]any)["role"] != "system" {
		t.Error("first message is not the system prompt")
	}
	if len(s.user) == 0 {
		t.Error("no user message")
	} else {
		u := s.user[0]
		b, e := strings.Index(u, prompts.BeginData), strings.Index(u, prompts.EndData)
		ms := markerRE.FindAllStringSubmatchIndex(u, -1)
		if b < 0 || e < b || len(ms) == 0 || ms[0][0] < b || ms[len(ms)-1][0] > e {
			t.Errorf("page markers are not inside the data block:\n%s", u)
		}
		if len(ms) > 0 {
			s.pages = u[ms[0][2]:ms[0][3]] + "-" + u[ms[len(ms)-1][2]:ms[len(ms)-1][3]]
		}
	}
	if rf, ok := s.body["response_format"].(map[string]any); ok {
		s.format, _ = rf["type"].(string)
		if s.format == "json_schema" {
			js, _ := rf["json_schema"].(map[string]any)
			if js["strict"] != true || js["name"] != schemaName || js["schema"] == nil {
				t.Errorf("json_schema response format incomplete: %v", js)
			}
		}
	}
	return s
}

// testdata reads a file under testdata.
func testdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// testPages reads testdata/pages.json.
func testPages(t *testing.T) []extract.Page {
	t.Helper()
	var raw []struct {
		Page int    `json:"page"`
		Text string `json:"text"`
	}
	if err := json.Unmarshal([]byte(testdata(t, "pages.json")), &raw); err != nil {
		t.Fatal(err)
	}
	var pages []extract.Page
	for _, r := range raw {
		pages = append(pages, extract.Page{DocumentID: "doc-1", Number: r.Page, Source: extract.SourceText, Text: r.Text})
	}
	return pages
}

var testDoc = extract.Document{ID: "doc-1", File: "mercy.pdf", Pages: 4}

// byPages answers each chunk with testdata/answer_p<range>.json.
func byPages(t *testing.T) func(int, seen) reply {
	return func(_ int, s seen) reply {
		return reply{content: testdata(t, "answer_p"+s.pages+".json")}
	}
}

// sleeps records the waits of a fake sleep.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.d = append(s.d, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleeps) all() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.d...)
}

// newTest returns an Extractor against f with two pages per chunk, a
// recording sleep and a fixed clock.
func newTest(t *testing.T, f *fakeServer, apiKey string, cache Cache, edit func(*Config)) (*Extractor, *sleeps) {
	t.Helper()
	cfg := Config{BaseURL: f.url(), APIKey: apiKey, Model: testModel, PagesPerChunk: 2, Timeout: 5 * time.Second,
		Logger: slog.New(slog.DiscardHandler)}
	if edit != nil {
		edit(&cfg)
	}
	e, err := New(cfg, cache)
	if err != nil {
		t.Fatal(err)
	}
	sl := &sleeps{}
	e.sleep = sl.sleep
	e.now = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	return e, sl
}
