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
	"regexp"
	"runtime"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"riverqueue.com/riverui"

	"github.com/medchron/medchron/extract/sandbox"
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
var oldCopy = regexp.MustCompile(`^([0-9a-f]{64}\.pdf|\.tmp-[0-9]+)$`)

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
	wake := newWaker()
	st, err := sqlite.Open(ctx, cfg.DBPath, sqlite.WithKeys(keys), sqlite.WithCommitHook(wake.committed))
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
	client, err := river.NewClient[*sql.Tx](newWakeDriver(st.DB(), wake), embeddedRiverConfig(workers, cfg.Workers, cfg.Logger))
	if err != nil {
		return fail(err)
	}
	p.SetQueue(riverQueue[*sql.Tx]{client: client})
	e.River, e.Pipeline = client, p
	return e, nil
}

// embeddedRiverConfig is the River configuration of the embedded mode,
// whose ocrWorkers OCR pages at a time.
//
// Each stage queues the next inside the transaction that stores its
// work. River's SQLite driver writes an insert notification in that same
// transaction, and its listener, which reads the notifications every 50
// ms and at once when the store commits (wakeDriver), wakes the queue's
// producer once the transaction has committed: the hand-off needs no
// polling of the queues, and a crash between the commit and the next job
// cannot lose a document. The default queue polls only as a backstop,
// once a second (River's default): each poll is a prepared UPDATE of the
// job table (some 0.6 ms of CPU), and at 20 ms its polls took 3 % of a
// core from Tesseract for the whole length of an OCR run (the OCR queue,
// see ocrPoll, queries nothing while its slots are busy). River sends at most one insert notification per queue every
// FetchCooldown, so that is kept at its minimum: a stage that queues the
// next moments after the one before it must not wait for the backstop
// poll; it also lets an OCR worker fetch its next page the moment it has
// finished one.
func embeddedRiverConfig(workers *river.Workers, ocrWorkers int, log *slog.Logger) *river.Config {
	return &river.Config{
		Queues: map[string]river.QueueConfig{
			pipeline.QueueDefault: {MaxWorkers: 2},
			pipeline.QueueOCR:     {MaxWorkers: ocrWorkers, FetchPollInterval: ocrPoll},
		},
		Workers:           workers,
		FetchPollInterval: backstopPoll,
		FetchCooldown:     river.FetchCooldownMin,
		Logger:            quietRiverLogger(log),
		JobTimeout:        10 * time.Minute,
	}
}

// backstopPoll is how often the queues look for jobs that no notification
// announced (see embeddedRiverConfig).
const backstopPoll = time.Second

// ocrPoll is how often the OCR queue looks for pages to read. A fetch that
// filled every OCR slot fetches again as each slot frees, but River misses
// a slot freed while a fetch is under way, which then waits for the next
// poll (0.45 s seen under load with a poll a second). While every slot is
// busy a poll costs nothing: River skips the query.
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
