package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/medchron/medchron/extract/sandbox"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/search"
	"github.com/medchron/medchron/store"
)

// App is a running medchron of either way (Embedded or Server), for the
// commands that work on both: process, serve, reprocess, search, user.
type App struct {
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

// ShutdownGrace is how long Close lets running jobs finish, in either way
// of running, before it cancels them (River puts a cancelled job back to
// be retried).
const ShutdownGrace = time.Minute

// jobRunner is the part of a River client that stopJobs uses.
type jobRunner interface {
	Stop(ctx context.Context) error
	StopAndCancel(ctx context.Context) error
}

// stopJobs is the graceful shutdown of both ways of running: stop fetching
// jobs, let running ones finish for up to ShutdownGrace (less if ctx ends
// first), then cancel what is still running, waiting up to 10 s more.
func stopJobs(ctx context.Context, r jobRunner) error {
	stopCtx, cancel := context.WithTimeout(ctx, ShutdownGrace)
	defer cancel()
	if err := r.Stop(stopCtx); err == nil {
		return nil
	}
	hard, cancel2 := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel2()
	if err := r.StopAndCancel(hard); err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("stop job workers: %w", err)
	}
	return nil
}

// Open opens the way of running cfg chooses: the server mode when
// cfg.DatabaseURL is set, else the embedded mode.
func Open(ctx context.Context, cfg Config) (*App, error) {
	if cfg.DatabaseURL != "" {
		s, err := OpenServer(ctx, cfg)
		if err != nil {
			return nil, err
		}
		return &App{Kind: "server", Store: s.Store, Pipeline: s.Pipeline, Jobs: riverQueueOf(s.River), Search: s.Search, Readers: s.Readers, Server: s}, nil
	}
	e, err := OpenEmbedded(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return &App{Kind: "embedded", Store: e.Store, Pipeline: e.Pipeline, Jobs: riverQueueOf(e.River), Search: e.Search, Readers: e.Readers, Embedded: e}, nil
}

// Start starts the job workers.
func (h *App) Start(ctx context.Context) error {
	if h.Server != nil {
		return h.Server.Start(ctx)
	}
	return h.Embedded.Start(ctx)
}

// Close stops the workers gracefully (stopJobs) and closes the backend.
func (h *App) Close(ctx context.Context) error {
	if h.Server != nil {
		return h.Server.Close(ctx)
	}
	return h.Embedded.Close(ctx)
}

// RiverUI returns River's operator UI mounted under prefix.
func (h *App) RiverUI(ctx context.Context, prefix string, log *slog.Logger) (http.Handler, error) {
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
