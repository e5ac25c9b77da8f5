package web

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"strings"

	"github.com/medchron/medchron/pipeline"
)

// Searcher runs a search over one matter's records.
type Searcher interface {
	Search(ctx context.Context, matterID, query string, limit int) ([]SearchHit, error)
}

// SearchHit is one ranked result: a page or a chronology entry.
type SearchHit struct {
	Kind       string  `json:"kind"` // "page" or "entry"
	DocumentID string  `json:"document_id,omitempty"`
	File       string  `json:"file,omitempty"`
	Page       int     `json:"page,omitempty"`
	EntryID    string  `json:"entry_id,omitempty"`
	Date       string  `json:"date,omitempty"`
	Provider   string  `json:"provider,omitempty"`
	Snippet    string  `json:"snippet"`
	Score      float64 `json:"score"`
}

// Config is what the HTTP server serves.
type Config struct {
	Store    pipeline.Store
	Pipeline *pipeline.Pipeline
	Search   Searcher     // nil: search answers 501
	RiverUI  http.Handler // nil: no operator UI
	// Token is the bearer token API calls must present; empty means none
	// (allowed only on loopback, which the command enforces).
	Token string
	// MaxUpload bounds one upload request, in bytes.
	MaxUpload int64
	Logger    *slog.Logger
}

// Server is the HTTP handler.
type Server struct {
	cfg Config
	mux *http.ServeMux
}

// New returns the handler for cfg.
func New(cfg Config) *Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = 2 << 30
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux()}
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) })
	s.mux.Handle("POST /api/matters/{matter}/documents", s.auth(s.uploadDocuments))
	s.mux.Handle("GET /api/matters/{matter}/progress", s.auth(s.matterProgress))
	s.mux.Handle("GET /api/matters/{matter}/chronology", s.auth(s.matterChronology))
	s.mux.Handle("GET /api/matters/{matter}/search", s.auth(s.matterSearch))
	if cfg.RiverUI != nil {
		s.mux.Handle("/admin/river/", s.authHandler(cfg.RiverUI))
	}
	return s
}

// ServeHTTP implements http.Handler, adding security headers.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	if !strings.HasPrefix(r.URL.Path, "/admin/river/") {
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		h.Set("X-Frame-Options", "DENY")
	}
	s.mux.ServeHTTP(w, r)
}

func (s *Server) auth(fn http.HandlerFunc) http.Handler { return s.authHandler(fn) }

func (s *Server) authHandler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Token != "" {
			got := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
			if subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="medchron"`)
				writeError(w, http.StatusUnauthorized, "a valid bearer token is required")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

var validMatter = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$`)

// matterID returns the path's matter id, answering 400 when it is invalid.
func matterID(w http.ResponseWriter, r *http.Request) (string, bool) {
	id := r.PathValue("matter")
	if !validMatter.MatchString(id) {
		writeError(w, http.StatusBadRequest, "invalid matter id")
		return "", false
	}
	return id, true
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// internalError logs err under a reference and answers with the reference
// only: internal errors may quote record text.
func (s *Server) internalError(w http.ResponseWriter, r *http.Request, err error) {
	ref := fmt.Sprintf("%p", r)
	s.cfg.Logger.Error("request failed", "ref", ref, "path", r.URL.Path, "error", err)
	writeError(w, http.StatusInternalServerError, "internal error (ref "+ref+")")
}

func isNotFound(err error) bool { return errors.Is(err, pipeline.ErrNotFound) }
