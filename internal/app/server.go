package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/medchron/medchron/extract/sandbox"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/search"
	"github.com/medchron/medchron/store/postgres"
)

// Server is the server way of running, on PostgreSQL: any number of these processes, on any
// number of machines, share one database and River's queue in it.
type Server struct {
	Store    *postgres.Store
	River    *river.Client[pgx.Tx]
	Pipeline *pipeline.Pipeline
	// Search is nil when the store cannot index.
	Search *search.Service
	// Readers are the document reader processes (parsing, rendering and
	// OCR of record files, isolated).
	Readers *sandbox.Pool
	working bool
	closers []func() error
}

// Migrate applies medchron's migrations and River's (rivermigrate) to the
// database at dsn, sealing originals stored in plain by older versions
// with the key file's key (keyFile "" for ServerKeyFile()). The vector
// extension must exist (scripts/setup-postgres.sh).
func Migrate(ctx context.Context, dsn, keyFile string, log *slog.Logger) error {
	if keyFile == "" {
		var err error
		if keyFile, err = ServerKeyFile(); err != nil {
			return err
		}
	}
	keys, err := loadKeys(keyFile, log, slog.LevelWarn)
	if err != nil {
		return err
	}
	st, err := postgres.Open(ctx, dsn, postgres.WithKeys(keys))
	if err != nil {
		return err
	}
	defer st.Close()
	return migrateServer(ctx, st, log)
}

func migrateServer(ctx context.Context, st *postgres.Store, log *slog.Logger) error {
	if err := st.Migrate(ctx); err != nil {
		return err
	}
	migrator, err := rivermigrate.New(riverpgxv5.New(st.Pool()), &rivermigrate.Config{Logger: quietRiverLogger(log)})
	if err != nil {
		return err
	}
	if _, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("migrate job tables: %w", err)
	}
	return nil
}

// OpenServer connects to PostgreSQL and builds the pipeline and a River
// client (a working one when cfg.Workers > 0, else insert-only).
func OpenServer(ctx context.Context, cfg Config) (*Server, error) {
	var err error
	if cfg.DatabaseURL == "" {
		return nil, errors.New("server mode needs DATABASE_URL=postgres://…")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Workers < 0 {
		cfg.Workers = runtime.NumCPU()
	}
	if cfg.WorkDir == "" {
		if cfg.WorkDir, err = serverWorkDir(cfg.DatabaseURL); err != nil {
			return nil, err
		}
	}
	if cfg.KeyFile == "" {
		if cfg.KeyFile, err = ServerKeyFile(); err != nil {
			return nil, err
		}
	}
	keys, err := loadKeys(cfg.KeyFile, cfg.Logger, slog.LevelWarn)
	if err != nil {
		return nil, err
	}
	st, err := postgres.Open(ctx, cfg.DatabaseURL, postgres.WithKeys(keys))
	if err != nil {
		return nil, err
	}
	s := &Server{Store: st, working: cfg.Workers > 0}
	s.closers = append(s.closers, func() error { st.Close(); return nil })
	fail := func(err error) (*Server, error) {
		s.Close(context.Background())
		return nil, err
	}
	if cfg.Migrate {
		if err := migrateServer(ctx, st, cfg.Logger); err != nil {
			return fail(err)
		}
	}
	if err := st.CheckKeys(ctx); err != nil {
		return fail(err)
	}
	// Chunks of uploads interrupted a day ago or more: no upload lasts that long.
	if _, err := st.SweepBlobs(ctx, time.Now().Add(-24*time.Hour)); err != nil {
		cfg.Logger.Warn("leftovers of interrupted uploads not removed", "error", err)
	}
	pc := cfg
	pc.Workers, pc.NoOCR = max(cfg.Workers, 1), false
	parts, err := newParts(ctx, pc, st)
	if err != nil {
		return fail(err)
	}
	s.closers = append(s.closers, parts.close...)
	s.Readers = parts.readers
	svc, err := newSearch(st, cfg)
	if err != nil {
		return fail(err)
	}
	s.Search = svc
	p, err := pipeline.New(pipeline.Config{
		OCRTimeout: cfg.OCRTimeout,
		Indexer:    indexer(svc),
		Store:      st, PDF: parts.pdf, OCR: parts.ocr, Extractor: parts.extractor, ExtractorFor: parts.extractorFor,
		Fallback: parts.fallback, ExtractRetry: cfg.ExtractRetry, WorkDir: cfg.WorkDir, Logger: cfg.Logger,
	})
	if err != nil {
		return fail(err)
	}
	if cfg.RescueAfter <= 0 {
		cfg.RescueAfter = DefaultRescueAfter
	}
	rc := &river.Config{
		Logger: quietRiverLogger(cfg.Logger),
		// Every worker sets its own timeout; this is only River's default,
		// which may not exceed the rescue delay.
		JobTimeout:           min(10*time.Minute, cfg.RescueAfter),
		RescueStuckJobsAfter: cfg.RescueAfter,
	}
	if s.working {
		workers := river.NewWorkers()
		p.Register(workers)
		rc.Workers = workers
		rc.Queues = map[string]river.QueueConfig{
			pipeline.QueueDefault: {MaxWorkers: 2},
			pipeline.QueueOCR:     {MaxWorkers: cfg.Workers},
		}
	}
	client, err := river.NewClient(riverpgxv5.New(st.Pool()), rc)
	if err != nil {
		return fail(err)
	}
	p.SetQueue(riverQueue[pgx.Tx]{client: client})
	s.River, s.Pipeline = client, p
	return s, nil
}

// Start starts working jobs (a no-op for an insert-only process).
func (s *Server) Start(ctx context.Context) error {
	if !s.working {
		return nil
	}
	return s.River.Start(ctx)
}

// Close stops the job workers as every way of running does (stopJobs)
// and closes the pool.
func (s *Server) Close(ctx context.Context) error {
	var errs []error
	if s.River != nil && s.working {
		errs = append(errs, stopJobs(ctx, s.River))
	}
	for i := len(s.closers) - 1; i >= 0; i-- {
		errs = append(errs, s.closers[i]())
	}
	return errors.Join(errs...)
}

// RiverUI returns River's web UI for operators, to mount under prefix.
func (s *Server) RiverUI(ctx context.Context, prefix string, log *slog.Logger) (http.Handler, error) {
	return riverUI(ctx, s.River, prefix, log)
}

// serverWorkDir is the folder of working copies of a server on the
// database at dsn: one per database in the user's cache folder. The
// workers of one database on a machine share a document's copy; a server
// of another database (another firm's, a test's) never removes it, though
// the same file makes the same document id there.
func serverWorkDir(dsn string) (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("server: no folder for working copies: %w", err)
	}
	sum := sha256.Sum256([]byte(dsn))
	return filepath.Join(dir, "medchron", "work", hex.EncodeToString(sum[:8])), nil
}
