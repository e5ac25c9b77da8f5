package llmdraft

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

const testModel = "test-model"

// seen is one request as the replay server received it.
type seen struct {
	system, user string
	format       string // response_format.type, "" when absent
}

// replayServer answers chat completions with recorded answers from
// testdata, one per call (the last repeats), and records the requests.
type replayServer struct {
	t     *testing.T
	srv   *httptest.Server
	files []string

	mu   sync.Mutex
	reqs []seen
}

func newReplayServer(t *testing.T, files ...string) *replayServer {
	t.Helper()
	r := &replayServer{t: t, files: files}
	r.srv = httptest.NewServer(http.HandlerFunc(r.handle))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *replayServer) url() string { return r.srv.URL + "/v1" }

func (r *replayServer) calls() []seen {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]seen(nil), r.reqs...)
}

func (r *replayServer) handle(w http.ResponseWriter, req *http.Request) {
	t := r.t
	if req.Method != http.MethodPost || req.URL.Path != "/v1/chat/completions" {
		t.Errorf("request %s %s, want POST /v1/chat/completions", req.Method, req.URL.Path)
	}
	raw, _ := io.ReadAll(req.Body)
	var body struct {
		Model    string `json:"model"`
		Messages []struct {
			Role    string `json:"role"`
			Content string `json:"content"`
		} `json:"messages"`
		ResponseFormat *struct {
			Type string `json:"type"`
		} `json:"response_format"`
	}
	if err := json.Unmarshal(raw, &body); err != nil {
		t.Errorf("request body is not JSON: %v", err)
	}
	if body.Model != testModel {
		t.Errorf("model %q, want %q", body.Model, testModel)
	}
	var s seen
	for _, m := range body.Messages {
		switch m.Role {
		case "system":
			s.system += m.Content
		case "user":
			s.user = m.Content // the last user message
		}
	}
	if body.ResponseFormat != nil {
		s.format = body.ResponseFormat.Type
	}
	r.mu.Lock()
	call := len(r.reqs)
	r.reqs = append(r.reqs, s)
	r.mu.Unlock()
	file := r.files[min(call, len(r.files)-1)]
	content, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Errorf("recorded answer: %v", err)
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"id": fmt.Sprintf("chatcmpl-%d", call), "object": "chat.completion", "created": 1, "model": testModel,
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
			"message": map[string]any{"role": "assistant", "content": string(content)}}},
		"usage": map[string]any{"prompt_tokens": 900, "completion_tokens": 300, "total_tokens": 1200},
	})
}
