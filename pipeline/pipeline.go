package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/riverqueue/river"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/store"
)

// PDFReader reads PDFs: validation, the text layer, and page images for OCR.
type PDFReader interface {
	// Sniff checks cheaply, from a file's first and last bytes and its
	// size, that it can be a PDF (not empty, not another format, not cut
	// off), so that an upload is refused at once; its error names the file.
	Sniff(name string, head, tail []byte, size int64) error
	// Inspect validates the PDF file at path and returns its page count
	// and, when it can tell them, its pages' weights. Its error says what
	// is wrong in words a paralegal understands.
	Inspect(ctx context.Context, path string) (Inspection, error)
	// TextLayer returns every page with the text of its text layer; pages
	// without real text have an empty Source and are OCR'd.
	TextLayer(ctx context.Context, path string) ([]extract.Page, error)
	// PageImage returns the image of one page to OCR and its resolution.
	PageImage(ctx context.Context, path string, page int) (img []byte, dpi int, err error)
}

// Inspection is what PDFReader.Inspect tells of a file.
type Inspection struct {
	Pages int
	// Weights, when known (one a page), say how long each page's OCR
	// takes compared with the others': for a scan, the encoded bytes of
	// its image, which grow with its ink and text. A document's pages are
	// read heaviest first, so that the last pages read are light ones and
	// the OCR workers finish together instead of one waiting on another's
	// long last page.
	Weights []int64
}

// OCR reads text and word boxes from a page image.
type OCR interface {
	Recognize(ctx context.Context, img []byte, dpi int, documentID string, page int) (extract.Page, error)
}

// PageOCR is an OCR that also reads the page image itself, from the
// stored original, in one step (package extract/sandbox does both in an
// isolated worker process). When Config.OCR implements it, the pipeline
// calls OCRPage instead of PDFReader.PageImage and OCR.Recognize.
type PageOCR interface {
	OCRPage(ctx context.Context, path string, page int, documentID string) (extract.Page, error)
}

// Indexer keeps the search index of a document's pages and a matter's
// entries current (package search implements it).
type Indexer interface {
	IndexDocument(ctx context.Context, documentID string, pages []extract.Page) error
	IndexEntries(ctx context.Context, matterID string, entries []chronology.Entry) error
}

// Queue inserts jobs. Package internal/app implements it over a River client.
type Queue interface {
	// InsertTx inserts jobs within the store transaction tx.
	InsertTx(ctx context.Context, tx store.Tx, jobs ...river.InsertManyParams) error
	// Active counts jobs that are not yet completed, cancelled or discarded.
	Active(ctx context.Context) (int, error)
}

// Config holds what a Pipeline runs with.
type Config struct {
	Store     Store
	PDF       PDFReader
	OCR       OCR // nil: pages without text are stored as empty
	Extractor extract.Extractor
	// ExtractorFor returns the extractor for a job that asks for a specific
	// one ("rules", "llm") and prompt version (reprocessing); nil means only
	// the configured Extractor is available.
	ExtractorFor func(name, promptVersion string) (extract.Extractor, error)
	// Fallback, when set, extracts a document whose extractor failed on
	// every attempt (an LLM endpoint down), instead of failing it; the
	// stored result names the extractor that produced it.
	Fallback extract.Extractor
	// ExtractRetry is the wait before the first retry of a failed
	// extraction (default 15 s), quadrupled for each later one.
	ExtractRetry time.Duration
	// Indexer, when set, indexes pages after extraction and entries after
	// each build. Indexing failures are logged, never fatal: search is
	// secondary to the chronology.
	Indexer Indexer
	// OCRTimeout bounds one page's OCR job (default 3 minutes). A worker
	// that dies holding a job leaves it to be rescued after this long.
	OCRTimeout time.Duration
	// WorkDir holds working copies of original files, decrypted for the
	// tools that need a path (pdftotext, pdftoppm), while their documents
	// are processed; default: medchron/work in the user cache folder. It is
	// owner-only (0700, files 0600).
	WorkDir string
	Logger  *slog.Logger
	// Now is the clock for generated_at; nil means time.Now.
	Now func() time.Time
}

// Pipeline runs the stages. Set its Queue (SetQueue) before submitting.
type Pipeline struct {
	cfg       Config
	queue     Queue
	log       *slog.Logger
	lastSweep time.Time
	// stored tells Wait, in this process, that a stage has stored its
	// work, so that it need not wait for its next look.
	stored signal
}

// signal wakes everyone waiting on it, each time it fires.
type signal struct {
	mu sync.Mutex
	ch chan struct{}
}

// next returns a channel that is closed when the signal next fires.
func (s *signal) next() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ch == nil {
		s.ch = make(chan struct{})
	}
	return s.ch
}

// fire wakes those waiting on the channels next returned so far.
func (s *signal) fire() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ch != nil {
		close(s.ch)
		s.ch = nil
	}
}

// New returns a Pipeline for cfg.
func New(cfg Config) (*Pipeline, error) {
	if cfg.Store == nil || cfg.PDF == nil || cfg.Extractor == nil {
		return nil, errors.New("pipeline: Store, PDF and Extractor are required")
	}
	if cfg.WorkDir == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			return nil, fmt.Errorf("pipeline: no folder for working copies: %w", err)
		}
		cfg.WorkDir = filepath.Join(dir, "medchron", "work")
	}
	if err := os.MkdirAll(cfg.WorkDir, 0o700); err != nil {
		return nil, fmt.Errorf("pipeline: work folder: %w", err)
	}
	if err := os.Chmod(cfg.WorkDir, 0o700); err != nil {
		return nil, fmt.Errorf("pipeline: work folder: %w", err)
	}
	if cfg.ExtractRetry <= 0 {
		cfg.ExtractRetry = 15 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.OCRTimeout <= 0 {
		cfg.OCRTimeout = ocrTimeout
	}
	p := &Pipeline{cfg: cfg, log: cfg.Logger}
	p.sweepWork(workMaxAge)
	return p, nil
}

// SetQueue sets the queue that jobs are inserted into. River's client needs
// the workers (which need the Pipeline) before it exists, hence the setter.
func (p *Pipeline) SetQueue(q Queue) { p.queue = q }

// Register adds the pipeline's workers to River's worker registry.
func (p *Pipeline) Register(w *river.Workers) {
	river.AddWorker(w, &ingestWorker{p: p})
	river.AddWorker(w, &ocrWorker{p: p})
	river.AddWorker(w, &extractWorker{p: p})
	river.AddWorker(w, &buildWorker{p: p})
}

// Progress is how far a matter's processing has come.
type Progress struct {
	Documents, DocumentsDone int
	Pages, PagesDone         int
	Failed                   int
	Done                     bool // every document done and the chronology current
}

// Progress reports how far the matter's processing has come.
func (p *Pipeline) Progress(ctx context.Context, matterID string) (Progress, error) {
	pr, _, err := p.ProgressByDocument(ctx, matterID)
	return pr, err
}

// Wait blocks until the matter is processed, calling report (if not nil)
// whenever progress changes. A matter whose jobs are all finished but whose
// chronology is stale gets a build queued, so Wait never hangs on it.
func (p *Pipeline) Wait(ctx context.Context, matterID string, report func(Progress)) (Progress, error) {
	var last Progress
	idle := 0
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	ticked := true // the idle count counts ticks, not stages stored here
	for {
		stored := p.stored.next() // before the look, so that no store is missed
		pr, err := p.Progress(ctx, matterID)
		if err != nil {
			return pr, err
		}
		if report != nil && pr != last {
			report(pr)
		}
		last = pr
		if pr.Done {
			return pr, nil
		}
		if ticked {
			if active, err := p.queue.Active(ctx); err == nil && active == 0 {
				idle++
				if idle == 10 { // a second with no job left, yet not done
					idle = 0
					if err := p.settle(ctx, matterID, pr); err != nil {
						return pr, err
					}
				}
			} else {
				idle = 0
			}
		}
		select {
		case <-ctx.Done():
			return pr, ctx.Err()
		case <-tick.C:
			ticked = true
		case <-stored:
			ticked = false
		}
	}
}

// settle finishes a matter whose jobs are all gone but which is not done:
// a document left unfinished (its jobs failed for good, for example on a
// storage error) is marked failed with a reason, so that the user hears of
// it; then the chronology is rebuilt from what is stored.
func (p *Pipeline) settle(ctx context.Context, matterID string, pr Progress) error {
	if pr.DocumentsDone < pr.Documents {
		docs, err := p.cfg.Store.MatterDocuments(ctx, matterID)
		if err != nil {
			return err
		}
		for _, d := range docs {
			if d.Status == store.StatusExtracted || d.Status == store.StatusFailed {
				continue
			}
			pending, _ := p.cfg.Store.PendingPages(ctx, d.ID)
			msg := "processing stopped before this document was finished: its jobs failed (see the job errors)"
			if len(pending) > 0 {
				msg = fmt.Sprintf("processing stopped with %d page(s) not read: their jobs failed (see the job errors)", len(pending))
			}
			p.log.Warn("document left unfinished", "document", d.ID, "pending_pages", len(pending))
			if err := p.cfg.Store.SetDocumentStatus(ctx, d.ID, store.StatusFailed, msg, d.Pages); err != nil {
				return err
			}
		}
	}
	return p.cfg.Store.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		return p.queueBuilds(ctx, tx, matterID)
	})
}
