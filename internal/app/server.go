package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
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

// ServerConfig says how to run against PostgreSQL.
type ServerConfig struct {
	// DatabaseURL is a postgres:// DSN ($DATABASE_URL).
	DatabaseURL string
	// Workers is the number of OCR workers in this process; 0 makes a
	// process that only inserts jobs (an API server without workers).
	Workers int
	// Extractor is "rules", "llm", or "" (llm when configured, else rules).
	Extractor string
	// Migrate applies medchron's and River's migrations at start-up.
	Migrate bool
	Logger  *slog.Logger
	// WorkDir holds working copies of original files for the PDF tools
	// while their documents are processed (default: the user cache folder).
	WorkDir string
	// KeyFile seals the originals; default ServerKeyFile(). Every machine
	// needs the same file.
	KeyFile string
	// Fallback is the extractor ("rules") that takes over a document the
	// configured one failed on every attempt; "" for none.
	Fallback string
	// RescueAfter is how long a job may stay running before River gives it
	// to another worker (its worker is presumed dead: killed, machine
	// lost). Default 35 minutes: longer than the longest job timeout, so a
	// live job is never run twice. $MEDCHRON_RESCUE_AFTER overrides it.
	RescueAfter time.Duration
}

// DefaultRescueAfter is ServerConfig.RescueAfter's default.
const DefaultRescueAfter = 35 * time.Minute

// Server is medchron on PostgreSQL: any number of these processes, on any
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
func OpenServer(ctx context.Context, cfg ServerConfig) (*Server, error) {
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
	parts, err := newParts(ctx, Config{Workers: max(cfg.Workers, 1), Extractor: cfg.Extractor, Fallback: cfg.Fallback, Logger: cfg.Logger, NoOCR: false}, st)
	if err != nil {
		return fail(err)
	}
	s.closers = append(s.closers, parts.close...)
	s.Readers = parts.readers
	svc, err := newSearch(st, cfg.Logger)
	if err != nil {
		return fail(err)
	}
	s.Search = svc
	ocrTimeout, _ := time.ParseDuration(os.Getenv("MEDCHRON_OCR_TIMEOUT"))
	p, err := pipeline.New(pipeline.Config{
		OCRTimeout: ocrTimeout,
		Indexer:    indexer(svc),
		Store:      st, PDF: parts.pdf, OCR: parts.ocr, Extractor: parts.extractor, ExtractorFor: parts.extractorFor,
		Fallback: parts.fallback, ExtractRetry: extractRetry(), WorkDir: cfg.WorkDir, Logger: cfg.Logger,
	})
	if err != nil {
		return fail(err)
	}
	if cfg.RescueAfter <= 0 {
		cfg.RescueAfter = DefaultRescueAfter
		if d, err := time.ParseDuration(os.Getenv("MEDCHRON_RESCUE_AFTER")); err == nil && d > 0 {
			cfg.RescueAfter = d
		}
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

// Close stops fetching jobs and lets running ones finish for up to a
// minute (then cancels them: River puts them back to be retried), and
// closes the pool.
func (s *Server) Close(ctx context.Context) error {
	var errs []error
	if s.River != nil && s.working {
		stopCtx, cancel := context.WithTimeout(ctx, time.Minute)
		if err := s.River.Stop(stopCtx); err != nil {
			hard, cancel2 := context.WithTimeout(context.Background(), 10*time.Second)
			if err := s.River.StopAndCancel(hard); err != nil {
				errs = append(errs, err)
			}
			cancel2()
		}
		cancel()
	}
	for i := len(s.closers) - 1; i >= 0; i-- {
		if err := s.closers[i](); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// RiverUI returns River's web UI for operators, to mount under prefix.
func (s *Server) RiverUI(ctx context.Context, prefix string, log *slog.Logger) (http.Handler, error) {
	return riverUI(ctx, s.River, prefix, log)
}
