package web

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/medchron/medchron/internal/docx"
	"github.com/medchron/medchron/web/api"
	"github.com/medchron/medchron/web/internal/core"
	"github.com/medchron/medchron/web/internal/respond"
	"github.com/medchron/medchron/web/ui"
)

// Searcher runs a search over one matter's records; search.Service is one.
type Searcher = core.Searcher

// Pipeline is what the server asks of the processing pipeline;
// *pipeline.Pipeline is one.
type Pipeline = core.Pipeline

// PageRenderer draws page n of a record file as a PNG at dpi
// (extract/sandbox.Pool does it in an isolated process).
type PageRenderer = core.PageRenderer

// Config is what the HTTP server serves.
type Config struct {
	Store    Store
	Pipeline Pipeline
	Search   Searcher     // nil: search answers 501
	RiverUI  http.Handler // nil: no operator UI
	// Token is the bearer token API calls must present; empty means none
	// (allowed only on loopback, which the command enforces).
	Token string
	// MaxUpload bounds one upload request, in bytes (default 2 GiB).
	MaxUpload int64
	// Uploads bounds the uploads running at once (default DefaultUploads);
	// more are refused with 503.
	Uploads int
	// Hashes bounds the password hashes (sign-ins, password changes)
	// running at once (default DefaultHashes); more wait, then get 503.
	Hashes int
	Logger *slog.Logger
	// SecureCookies marks the session cookie Secure (set when served over
	// HTTPS, directly or behind a proxy).
	SecureCookies bool
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Pages draws page images of record files (PDF, TIFF, JPEG, PNG) for
	// the page view; nil draws them in this process.
	Pages PageRenderer
	// Drafter drafts demand sections with the configured LLM endpoint
	// (*llmdraft.Drafter); nil offers no LLM drafting.
	Drafter SectionDrafter
	// DOCXTemplate is the firm's Word template for the Word downloads
	// (chronology.docx, demand.docx); nil writes medchron's styles.
	DOCXTemplate *docx.Template
	// TimeZone is the firm's time zone, in which pages show times (the
	// audit trail, versions, reviews); nil is UTC.
	TimeZone *time.Location
}

// SectionDrafter drafts one demand section with an LLM (llmdraft.Drafter).
type SectionDrafter = core.SectionDrafter

// Server is the HTTP handler: the JSON API (web/api), the browser pages
// (web/ui) and River's operator UI, on the routes of one table (routes).
type Server struct {
	cfg  Config
	core *core.Core
	mux  *http.ServeMux
	// patterns lists every registered route pattern, for the
	// access-control test that walks them all.
	patterns []string
}

// New returns the handler for cfg.
func New(cfg Config) *Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = 2 << 30
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Uploads <= 0 {
		cfg.Uploads = DefaultUploads
	}
	if cfg.Hashes <= 0 {
		cfg.Hashes = DefaultHashes
	}
	c := &core.Core{Store: cfg.Store, Pipeline: cfg.Pipeline, Search: cfg.Search, Renderer: cfg.Pages, Drafter: cfg.Drafter, DOCXTemplate: cfg.DOCXTemplate, TimeZone: cfg.TimeZone,
		Logger: cfg.Logger, Now: cfg.Now, Token: cfg.Token, MaxUpload: cfg.MaxUpload, SecureCookies: cfg.SecureCookies,
		Uploads: make(core.Slots, cfg.Uploads), Errors: respond.Errors{Logger: cfg.Logger}}
	s := &Server{cfg: cfg, core: c, mux: http.NewServeMux()}
	for _, rt := range routes(c, api.New(c), ui.New(c, cfg.Hashes), cfg.RiverUI) {
		if rt.h == nil {
			continue
		}
		s.patterns = append(s.patterns, rt.pattern)
		s.mux.Handle(rt.pattern, rt.h)
	}
	return s
}

// Routes returns every registered route pattern, in registration order.
func (s *Server) Routes() []string { return append([]string(nil), s.patterns...) }

// ServeHTTP implements http.Handler, adding security headers.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	if !strings.HasPrefix(r.URL.Path, "/admin/river/") {
		h.Set("Content-Security-Policy", "default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		h.Set("X-Frame-Options", "DENY")
	}
	s.mux.ServeHTTP(w, s.bound(w, r))
}
