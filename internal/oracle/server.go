package oracle

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/medchron/medchron/internal/fixture"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/prompts"
)

// Model is the model name the server answers to.
const Model = "oracle"

// Server is an OpenAI-compatible chat-completions endpoint answering with
// the truth of one bundle. It is safe for concurrent use.
type Server struct {
	truth fixture.Truth

	mu       sync.Mutex
	requests int
	misses   []string
}

// New returns a server answering with t.
func New(t fixture.Truth) *Server { return &Server{truth: t} }

// Requests counts the requests answered.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests
}

// Misses lists the facts the server could not quote from the pages it
// received ("page 3: bill 99213 125.00"), and so left out of its answers.
func (s *Server) Misses() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.misses...)
}

type chatRequest struct {
	Model    string `json:"model"`
	Messages []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
}

// ServeHTTP answers POST /v1/chat/completions.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/chat/completions") {
		http.Error(w, `{"error":{"message":"not found"}}`, http.StatusNotFound)
		return
	}
	var req chatRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 32<<20)).Decode(&req); err != nil {
		http.Error(w, `{"error":{"message":"request is not JSON"}}`, http.StatusBadRequest)
		return
	}
	var pages []Page
	for _, m := range req.Messages {
		if m.Role == "user" && strings.Contains(m.Content, prompts.BeginData) {
			pages = ParsePages(m.Content)
			break
		}
	}
	if len(pages) == 0 {
		http.Error(w, `{"error":{"message":"no record pages in the request"}}`, http.StatusBadRequest)
		return
	}
	a, misses := Answer(s.truth, pages)
	content, err := json.Marshal(a)
	if err != nil {
		http.Error(w, `{"error":{"message":"encode answer"}}`, http.StatusInternalServerError)
		return
	}
	s.mu.Lock()
	s.requests++
	call := s.requests
	s.misses = append(s.misses, misses...)
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"id": fmt.Sprintf("chatcmpl-oracle-%d", call), "object": "chat.completion", "created": 1, "model": req.Model,
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
			"message": map[string]any{"role": "assistant", "content": string(content)}}},
		"usage": map[string]any{"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
	})
}

// Page is one page of a request: its number and its text as sent.
type Page struct {
	Number int
	Text   string
}

var markerLine = lazyre.New(`(?m)^=== PAGE (\d+) ===$`)

// ParsePages reads the pages of a user message rendered by prompts: the
// text between each page marker and the next inside the data block,
// without the layout line a marker may carry.
func ParsePages(user string) []Page {
	b, e := strings.Index(user, prompts.BeginData), strings.LastIndex(user, prompts.EndData)
	if b < 0 || e < b {
		return nil
	}
	block := user[b+len(prompts.BeginData) : e]
	ms := markerLine.FindAllStringSubmatchIndex(block, -1)
	var out []Page
	for i, m := range ms {
		n, err := strconv.Atoi(block[m[2]:m[3]])
		if err != nil {
			continue
		}
		end := len(block)
		if i+1 < len(ms) {
			end = ms[i+1][0]
		}
		text := strings.TrimPrefix(block[m[1]:end], "\n")
		if strings.HasPrefix(text, prompts.HintPrefix) {
			if j := strings.IndexByte(text, '\n'); j >= 0 {
				text = text[j+1:]
			} else {
				text = ""
			}
		}
		out = append(out, Page{Number: n, Text: strings.TrimRight(text, "\n")})
	}
	return out
}

// Start serves s on a free port of the loopback interface and returns its
// base URL (ending in /v1) and a function that stops it.
func (s *Server) Start() (baseURL string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("oracle server: %w", err)
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			_ = err // the listener closed under us: the client's requests fail and say so
		}
	}()
	stop = func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		<-done
	}
	return "http://" + ln.Addr().String() + "/v1", stop, nil
}
