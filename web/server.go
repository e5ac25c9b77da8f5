package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/web/internal/respond"
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
	Store    Store
	Pipeline *pipeline.Pipeline
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
}

// PageRenderer draws page n of a record file as a PNG at dpi
// (extract/sandbox.Pool does it in an isolated process).
type PageRenderer interface {
	RenderPage(ctx context.Context, data []byte, page, dpi int) ([]byte, error)
}

// Server is the HTTP handler.
type Server struct {
	cfg   Config
	mux   *http.ServeMux
	pages *pages
	// errs answers errors, as JSON or as the error page.
	errs respond.Errors
	// pageImages caches rendered page images (document ids derive from
	// the file's SHA-256, so a key always names the same image);
	// renderSlots bounds concurrent renders.
	pageImages  *pngCache
	renderSlots slots
	// cleaned caches originals without active content, as the browser is
	// shown them; uploads and hashes bound concurrent uploads and
	// password hashes; signIns throttles failed sign-ins.
	cleaned *pngCache
	uploads slots
	hashes  slots
	signIns *signInLimiter
	// patterns lists every registered route pattern, for the
	// access-control test that walks them all.
	patterns []string
}

// handle registers h for pattern ("METHOD /path/{var}") and records it.
func (s *Server) handle(pattern string, h http.Handler) {
	s.patterns = append(s.patterns, pattern)
	s.mux.Handle(pattern, h)
}

// Routes returns every registered route pattern, in registration order.
func (s *Server) Routes() []string { return append([]string(nil), s.patterns...) }

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
	s := &Server{cfg: cfg, mux: http.NewServeMux(), pages: parsePages(),
		pageImages: newPNGCache(pageCacheEntries, pageCacheBytes), renderSlots: make(slots, renderers),
		cleaned: newPNGCache(cleanCacheEntries, cleanCacheBytes), uploads: make(slots, cfg.Uploads), hashes: make(slots, cfg.Hashes),
		signIns: newSignInLimiter()}
	s.errs = respond.Errors{Logger: cfg.Logger, Page: s.errorPage}
	s.handle("GET /healthz", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) }))
	s.handle("POST /api/matters/{matter}/documents", s.api(access.UploadRecords, s.uploadDocuments))
	s.handle("GET /api/matters/{matter}/progress", s.api(access.ViewMatter, s.matterProgress))
	s.handle("GET /api/matters/{matter}/chronology", s.api(access.ViewMatter, s.matterChronology))
	s.handle("GET /api/matters/{matter}/search", s.api(access.ViewMatter, s.matterSearch))
	if cfg.RiverUI != nil {
		s.handle("/admin/river/", s.operator(cfg.RiverUI))
	}
	s.routes()
	return s
}

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

// bearer reports whether the request presents the service token. The
// token is for scripts and operators: it has every right on every matter.
// Without a configured token, API calls need a signed-in session.
func (s *Server) bearer(r *http.Request) bool {
	if s.cfg.Token == "" {
		return false
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) == 1
}

// api guards a JSON route: the service token, or a signed-in user allowed
// to do a on the path's matter (404 when the user may not see the matter).
func (s *Server) api(a access.Action, fn http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.bearer(r) {
			fn(w, r)
			return
		}
		rc, ok := s.session(w, r)
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="medchron"`)
			s.errs.Error(w, r, http.StatusUnauthorized, "sign in or present a valid bearer token")
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead && !s.csrfOK(r, rc) {
			s.errs.Error(w, r, http.StatusForbidden, "missing or invalid CSRF token")
			return
		}
		if _, ok := s.matterAccess(w, r.WithContext(withRequest(r.Context(), rc)), rc, a, true); !ok {
			return
		}
		fn(w, r.WithContext(withRequest(r.Context(), rc)))
	})
}

// operator guards River's UI: the service token or an admin session.
func (s *Server) operator(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.bearer(r) {
			next.ServeHTTP(w, r)
			return
		}
		rc, ok := s.session(w, r)
		if !ok {
			s.toSignIn(w, r)
			return
		}
		if !access.CanGlobal(rc.User, access.OperateJobs) {
			s.errs.NotFound(w, r)
			return
		}
		// River's UI has no CSRF tokens of its own: its writes (cancel,
		// retry, delete jobs) must come from this site.
		var cop http.CrossOriginProtection
		if err := cop.Check(r); err != nil {
			s.errs.Error(w, r, http.StatusForbidden, "cross-origin request refused")
			return
		}
		next.ServeHTTP(w, r)
	})
}

var validMatter = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$`)

// matterID returns the path's matter id, answering 400 when it is invalid.
func (s *Server) matterID(w http.ResponseWriter, r *http.Request) (string, bool) {
	id := r.PathValue("matter")
	if !validMatter.MatchString(id) {
		s.errs.Error(w, r, http.StatusBadRequest, "invalid matter id")
		return "", false
	}
	return id, true
}

func isNotFound(err error) bool { return errors.Is(err, pipeline.ErrNotFound) }
