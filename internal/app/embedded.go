package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"riverqueue.com/riverui"

	"github.com/medchron/medchron/extract/sandbox"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/search"
	"github.com/medchron/medchron/store/sqlite"
)

// workDir is the folder of working copies beside the database. It also
// removes the plain copies of originals that older versions cached in
// "originals" beside it (files named by their SHA-256), and that folder
// when nothing else is in it.
func workDir(dbPath string) string {
	dir := filepath.Dir(dbPath)
	old := filepath.Join(dir, "originals")
	if entries, err := os.ReadDir(old); err == nil {
		for _, e := range entries {
			if oldCopy.MatchString(e.Name()) {
				os.Remove(filepath.Join(old, e.Name()))
			}
		}
		os.Remove(old) // fails, harmlessly, unless empty
	}
	return filepath.Join(dir, "work")
}

// oldCopy matches the names of the plain copies older versions cached.
var oldCopy = lazyre.New(`^([0-9a-f]{64}\.pdf|\.tmp-[0-9]+)$`)

// Embedded is the embedded way of running: one process on a SQLite file.
type Embedded struct {
	Store    *sqlite.Store
	River    *river.Client[*sql.Tx]
	Pipeline *pipeline.Pipeline
	// Search is nil when the store cannot index.
	Search *search.Service
	// Readers are the document reader processes (parsing, rendering and
	// OCR of record files, isolated).
	Readers *sandbox.Pool
	closers []func() error
}

// OpenEmbedded opens the SQLite store (migrating medchron's and River's
// tables), builds the pipeline and a River client on the same database.
// Call Start to run jobs and Close when done.
func OpenEmbedded(ctx context.Context, cfg Config) (*Embedded, error) {
	if cfg.DBPath == "" {
		cfg.DBPath = DefaultDBPath()
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.NumCPU()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if err := os.MkdirAll(filepath.Dir(cfg.DBPath), 0o700); err != nil {
		return nil, fmt.Errorf("database folder: %w", err)
	}
	if cfg.KeyFile == "" {
		cfg.KeyFile = EmbeddedKeyFile(cfg.DBPath)
	}
	if cfg.WorkDir == "" {
		cfg.WorkDir = workDir(cfg.DBPath)
	}
	unlock, err := sqlite.Lock(cfg.DBPath)
	if err != nil {
		return nil, err
	}
	keys, err := loadKeys(cfg.KeyFile, cfg.Logger, slog.LevelInfo)
	if err != nil {
		unlock()
		return nil, err
	}
	st, err := sqlite.Open(ctx, cfg.DBPath, sqlite.WithKeys(keys))
	if err != nil {
		unlock()
		return nil, err
	}
	e := &Embedded{Store: st}
	e.closers = append(e.closers, unlock, st.Close)
	fail := func(err error) (*Embedded, error) {
		e.Close(context.Background())
		return nil, err
	}
	driver := riversqlite.New(st.DB())
	migrator, err := rivermigrate.New(driver, nil)
	if err != nil {
		return fail(err)
	}
	if _, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fail(fmt.Errorf("migrate job tables in %s: %w", cfg.DBPath, err))
	}
	if n, err := st.RequeueOrphanedJobs(ctx); err != nil {
		return fail(err)
	} else if n > 0 {
		cfg.Logger.Info("resuming jobs interrupted by an earlier run", "jobs", n)
	}
	// Holding the lock, nothing else writes: what an interrupted upload
	// left can go now.
	if _, err := st.SweepBlobs(ctx, time.Now()); err != nil {
		return fail(err)
	}
	parts, err := newParts(ctx, cfg, st)
	if err != nil {
		return fail(err)
	}
	e.closers = append(e.closers, parts.close...)
	e.Readers = parts.readers
	svc, err := newSearch(st, cfg)
	if err != nil {
		return fail(err)
	}
	e.Search = svc
	p, err := pipeline.New(pipeline.Config{
		Indexer:      indexer(svc),
		Store:        st,
		PDF:          parts.pdf,
		OCR:          parts.ocr,
		Extractor:    parts.extractor,
		ExtractorFor: parts.extractorFor,
		Fallback:     parts.fallback,
		ExtractRetry: cfg.ExtractRetry,
		OCRTimeout:   cfg.OCRTimeout,
		WorkDir:      cfg.WorkDir,
		Logger:       cfg.Logger,
		Now:          cfg.Now,
	})
	if err != nil {
		return fail(err)
	}
	workers := river.NewWorkers()
	p.Register(workers)
	client, err := river.NewClient(driver, &river.Config{
		// SQLite has no LISTEN/NOTIFY, and a job inserted inside a
		// transaction (each stage queues the next with its results) wakes
		// no producer: it waits for the queue's next poll. The default
		// queue's stages hand off to each other within a run, so it polls
		// often; OCR pages last seconds each, and a fetch that filled
		// every OCR slot fetches again as each finishes, so its queue
		// polls less often (ocrPoll): the first pages of a scanned
		// document wait at most that long.
		Queues: map[string]river.QueueConfig{
			pipeline.QueueDefault: {MaxWorkers: 2, FetchPollInterval: handOffPoll},
			pipeline.QueueOCR:     {MaxWorkers: cfg.Workers, FetchPollInterval: ocrPoll},
		},
		Workers:           workers,
		FetchPollInterval: handOffPoll,
		FetchCooldown:     handOffPoll,
		Logger:            quietRiverLogger(cfg.Logger),
		JobTimeout:        10 * time.Minute,
	})
	if err != nil {
		return fail(err)
	}
	p.SetQueue(riverQueue[*sql.Tx]{client: client})
	e.River, e.Pipeline = client, p
	return e, nil
}

// handOffPoll is how often the default queue looks for a job a stage
// queued: the wait between two stages of a document, 10-20 ms on average
// with River's jitter.
const handOffPoll = 20 * time.Millisecond

// ocrPoll is how often the OCR queue looks for pages to read.
const ocrPoll = 100 * time.Millisecond

// Start starts working jobs, including any left unfinished by an earlier run.
func (e *Embedded) Start(ctx context.Context) error { return e.River.Start(ctx) }

// Close stops the job workers as every way of running does (stopJobs)
// and closes everything opened.
func (e *Embedded) Close(ctx context.Context) error {
	var errs []error
	if e.River != nil {
		errs = append(errs, stopJobs(ctx, e.River))
	}
	for i := len(e.closers) - 1; i >= 0; i-- {
		errs = append(errs, e.closers[i]())
	}
	return errors.Join(errs...)
}

// RiverUI returns River's operator UI mounted under prefix.
func (e *Embedded) RiverUI(ctx context.Context, prefix string, log *slog.Logger) (http.Handler, error) {
	return riverUI(ctx, e.River, prefix, log)
}

// riverUI starts River's web UI over client, mounted under prefix; job
// arguments (document ids) are hidden by default.
func riverUI[TTx any](ctx context.Context, client *river.Client[TTx], prefix string, log *slog.Logger) (http.Handler, error) {
	h, err := riverui.NewHandler(&riverui.HandlerOpts{
		Endpoints:                riverui.NewEndpoints(client, nil),
		JobListHideArgsByDefault: true,
		Logger:                   quietRiverLogger(log),
		Prefix:                   prefix,
	})
	if err != nil {
		return nil, err
	}
	if err := h.Start(ctx); err != nil {
		return nil, err
	}
	return h, nil
}

// quietRiverLogger keeps River's informational chatter out of a user's
// terminal: only its warnings and errors pass.
func quietRiverLogger(l *slog.Logger) *slog.Logger {
	return slog.New(levelFilter{h: l.Handler(), min: slog.LevelWarn})
}

type levelFilter struct {
	h   slog.Handler
	min slog.Level
}

func (f levelFilter) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= f.min && f.h.Enabled(ctx, l)
}
func (f levelFilter) Handle(ctx context.Context, r slog.Record) error { return f.h.Handle(ctx, r) }
func (f levelFilter) WithAttrs(a []slog.Attr) slog.Handler {
	return levelFilter{h: f.h.WithAttrs(a), min: f.min}
}
func (f levelFilter) WithGroup(n string) slog.Handler {
	return levelFilter{h: f.h.WithGroup(n), min: f.min}
}
