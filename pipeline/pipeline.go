package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/riverqueue/river"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
)

// PDFReader reads PDFs: validation, the text layer, and page images for OCR.
type PDFReader interface {
	// Inspect validates a PDF and returns its page count. Its error names
	// the file and says what is wrong in words a paralegal understands.
	Inspect(ctx context.Context, name string, data []byte) (pages int, err error)
	// TextLayer returns every page with the text of its text layer; pages
	// without real text have an empty Source and are OCR'd.
	TextLayer(ctx context.Context, path string) ([]extract.Page, error)
	// PageImage returns the image of one page to OCR and its resolution.
	PageImage(ctx context.Context, path string, page int) (img []byte, dpi int, err error)
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
	InsertTx(ctx context.Context, tx Tx, jobs ...river.InsertManyParams) error
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
	// Indexer, when set, indexes pages after extraction and entries after
	// each build. Indexing failures are logged, never fatal: search is
	// secondary to the chronology.
	Indexer Indexer
	// OCRTimeout bounds one page's OCR job (default 3 minutes). A worker
	// that dies holding a job leaves it to be rescued after this long.
	OCRTimeout time.Duration
	// CacheDir holds local copies of original files for the tools that need
	// a path (pdftotext, pdftoppm); default: a medchron dir in the user cache.
	CacheDir string
	Logger   *slog.Logger
	// Now is the clock for generated_at; nil means time.Now.
	Now func() time.Time
}

// Pipeline runs the stages. Set its Queue (SetQueue) before submitting.
type Pipeline struct {
	cfg   Config
	queue Queue
	log   *slog.Logger
}

// New returns a Pipeline for cfg.
func New(cfg Config) (*Pipeline, error) {
	if cfg.Store == nil || cfg.PDF == nil || cfg.Extractor == nil {
		return nil, errors.New("pipeline: Store, PDF and Extractor are required")
	}
	if cfg.CacheDir == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			dir = os.TempDir()
		}
		cfg.CacheDir = filepath.Join(dir, "medchron", "originals")
	}
	if err := os.MkdirAll(cfg.CacheDir, 0o700); err != nil {
		return nil, fmt.Errorf("pipeline: cache dir: %w", err)
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
	return &Pipeline{cfg: cfg, log: cfg.Logger}, nil
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

// Input is one uploaded file.
type Input struct {
	Name string // base name shown to users
	Data []byte
}

// FileError is a file that could not be taken in; Err says why in words
// that name the file.
type FileError struct {
	File string
	Err  error
}

func (e *FileError) Error() string {
	msg := e.Err.Error()
	if strings.HasPrefix(msg, e.File) {
		return msg // the reader's errors already name the file
	}
	return e.File + ": " + msg
}
func (e *FileError) Unwrap() error { return e.Err }

// DocumentID returns the stable id of a document with the given content hash.
func DocumentID(sha string) string { return "doc-" + sha[:16] }

// Submit stores the files in the matter and queues their processing. A file
// that is not a readable PDF is reported in the returned errors and stored
// nowhere; the other files are still taken in. A file already processed is
// not processed again. The matter's chronology is always (re)built.
func (p *Pipeline) Submit(ctx context.Context, m chronology.Matter, files []Input) ([]DocumentRecord, []*FileError, error) {
	if p.queue == nil {
		return nil, nil, errors.New("pipeline: no queue")
	}
	if err := p.cfg.Store.PutMatter(ctx, m); err != nil {
		return nil, nil, fmt.Errorf("store matter %s: %w", m.ID, err)
	}
	var docs []DocumentRecord
	var bad []*FileError
	queued := 0
	for _, f := range files {
		pages, err := p.cfg.PDF.Inspect(ctx, f.Name, f.Data)
		if err != nil {
			bad = append(bad, &FileError{File: f.Name, Err: err})
			continue
		}
		sum := sha256.Sum256(f.Data)
		sha := hex.EncodeToString(sum[:])
		d := DocumentRecord{ID: DocumentID(sha), SHA256: sha, File: f.Name, Size: int64(len(f.Data)), Pages: pages, Status: StatusQueued}
		err = p.cfg.Store.WithTx(ctx, func(ctx context.Context, tx Tx) error {
			if _, err := tx.AddDocument(ctx, m.ID, d, f.Data); err != nil {
				return err
			}
			stored, err := tx.Document(ctx, d.ID)
			if err != nil {
				return err
			}
			d = stored
			if stored.Status == StatusExtracted || stored.Status == StatusFailed {
				return nil // already done; the build below picks it up
			}
			queued++
			return p.queue.InsertTx(ctx, tx, river.InsertManyParams{Args: IngestArgs{DocumentID: d.ID}})
		})
		if err != nil {
			return docs, bad, fmt.Errorf("store %s: %w", f.Name, err)
		}
		docs = append(docs, d)
	}
	if queued > 0 {
		return docs, bad, nil // their extraction queues the build
	}
	err := p.cfg.Store.WithTx(ctx, func(ctx context.Context, tx Tx) error {
		return p.queueBuilds(ctx, tx, m.ID)
	})
	return docs, bad, err
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
	var pr Progress
	docs, err := p.cfg.Store.MatterDocuments(ctx, matterID)
	if err != nil {
		return pr, err
	}
	for _, d := range docs {
		pr.Documents++
		pr.Pages += d.Pages
		switch d.Status {
		case StatusExtracted:
			pr.DocumentsDone++
			pr.PagesDone += d.Pages
			continue
		case StatusFailed:
			pr.DocumentsDone++
			pr.Failed++
			pr.PagesDone += d.Pages
			continue
		case StatusQueued:
			continue
		}
		pending, err := p.cfg.Store.PendingPages(ctx, d.ID)
		if err != nil {
			return pr, err
		}
		pr.PagesDone += d.Pages - len(pending)
	}
	if pr.DocumentsDone < pr.Documents {
		return pr, nil
	}
	mv, err := p.cfg.Store.MatterVersion(ctx, matterID)
	if err != nil {
		return pr, err
	}
	cv, err := p.cfg.Store.ChronologyVersion(ctx, matterID)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return pr, err
	}
	pr.Done = err == nil && cv == mv
	return pr, nil
}

// Wait blocks until the matter is processed, calling report (if not nil)
// whenever progress changes. A matter whose jobs are all finished but whose
// chronology is stale gets a build queued, so Wait never hangs on it.
func (p *Pipeline) Wait(ctx context.Context, matterID string, report func(Progress)) (Progress, error) {
	var last Progress
	idle := 0
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
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
		select {
		case <-ctx.Done():
			return pr, ctx.Err()
		case <-tick.C:
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
			if d.Status == StatusExtracted || d.Status == StatusFailed {
				continue
			}
			pending, _ := p.cfg.Store.PendingPages(ctx, d.ID)
			msg := "processing stopped before this document was finished: its jobs failed (see the job errors)"
			if len(pending) > 0 {
				msg = fmt.Sprintf("processing stopped with %d page(s) not read: their jobs failed (see the job errors)", len(pending))
			}
			p.log.Warn("document left unfinished", "document", d.ID, "pending_pages", len(pending))
			if err := p.cfg.Store.SetDocumentStatus(ctx, d.ID, StatusFailed, msg, d.Pages); err != nil {
				return err
			}
		}
	}
	return p.cfg.Store.WithTx(ctx, func(ctx context.Context, tx Tx) error {
		return p.queueBuilds(ctx, tx, matterID)
	})
}

// originalPath returns a local file holding the document's original bytes,
// copying them from the store once per machine.
func (p *Pipeline) originalPath(ctx context.Context, d DocumentRecord) (string, error) {
	path := filepath.Join(p.cfg.CacheDir, d.SHA256+".pdf")
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	data, err := p.cfg.Store.DocumentBlob(ctx, d.ID)
	if err != nil {
		return "", fmt.Errorf("original of %s: %w", d.File, err)
	}
	tmp, err := os.CreateTemp(p.cfg.CacheDir, ".tmp-*")
	if err != nil {
		return "", err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return path, os.Rename(tmp.Name(), path)
}
