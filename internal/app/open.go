package app

import (
	"context"
	"log/slog"
	"net/http"
	"os"

	"github.com/medchron/medchron/extract/sandbox"
	"github.com/medchron/medchron/store"

	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/search"
)

// Handle is a running medchron of either kind, for the commands that work
// on both: process, serve, reprocess, search.
type Handle struct {
	// Kind is "embedded" (SQLite) or "server" (PostgreSQL).
	Kind     string
	Store    store.Store
	Pipeline *pipeline.Pipeline
	Jobs     JobControl
	// Search is nil when the store cannot index.
	Search *search.Service
	// Readers are the isolated document reader processes.
	Readers *sandbox.Pool
	// Embedded and Server are set for their kind.
	Embedded *Embedded
	Server   *Server
}

// Options choose the backend: PostgreSQL when DatabaseURL is set (from the
// flag or $DATABASE_URL), else the embedded SQLite file at DBPath.
type Options struct {
	DatabaseURL string
	DBPath      string
	Workers     int // OCR workers; 0 for an insert-only server process
	Extractor   string
	Migrate     bool // server: apply migrations at start-up
	NoOCR       bool
	// KeyFile seals the originals (default: EmbeddedKeyFile or ServerKeyFile).
	KeyFile string
	// Fallback is the extractor that takes over when the configured one
	// fails on every attempt ("rules"), or "".
	Fallback string
	Logger   *slog.Logger
}

// DatabaseURL returns $DATABASE_URL.
func DatabaseURL() string { return os.Getenv("DATABASE_URL") }

// Open opens the backend that opts choose.
func Open(ctx context.Context, opts Options) (*Handle, error) {
	if opts.DatabaseURL != "" {
		s, err := OpenServer(ctx, ServerConfig{DatabaseURL: opts.DatabaseURL, Workers: opts.Workers, Extractor: opts.Extractor,
			Migrate: opts.Migrate, KeyFile: opts.KeyFile, Fallback: opts.Fallback, Logger: opts.Logger})
		if err != nil {
			return nil, err
		}
		return &Handle{Kind: "server", Store: s.Store, Pipeline: s.Pipeline, Jobs: riverQueueOf(s.River), Search: s.Search, Readers: s.Readers, Server: s}, nil
	}
	e, err := OpenEmbedded(ctx, Config{DBPath: opts.DBPath, Workers: opts.Workers, Extractor: opts.Extractor, NoOCR: opts.NoOCR,
		KeyFile: opts.KeyFile, Fallback: opts.Fallback, Logger: opts.Logger})
	if err != nil {
		return nil, err
	}
	return &Handle{Kind: "embedded", Store: e.Store, Pipeline: e.Pipeline, Jobs: riverQueueOf(e.River), Search: e.Search, Readers: e.Readers, Embedded: e}, nil
}

// Start starts the job workers.
func (h *Handle) Start(ctx context.Context) error {
	if h.Server != nil {
		return h.Server.Start(ctx)
	}
	return h.Embedded.Start(ctx)
}

// Close stops the workers gracefully and closes the backend.
func (h *Handle) Close(ctx context.Context) error {
	if h.Server != nil {
		return h.Server.Close(ctx)
	}
	return h.Embedded.Close(ctx)
}

// RiverUI returns River's operator UI mounted under prefix.
func (h *Handle) RiverUI(ctx context.Context, prefix string, log *slog.Logger) (http.Handler, error) {
	if h.Server != nil {
		return h.Server.RiverUI(ctx, prefix, log)
	}
	return h.Embedded.RiverUI(ctx, prefix, log)
}

// indexer returns svc as the pipeline's Indexer, or nil (not a typed nil).
func indexer(svc *search.Service) pipeline.Indexer {
	if svc == nil {
		return nil
	}
	return svc
}
