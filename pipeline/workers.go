package pipeline

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/riverqueue/river"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/store"
)

// permanent reports whether err says that trying again cannot help (an
// error with a Permanent method saying so, as extract/pdf's page errors
// have for a page too large to render).
func permanent(err error) bool {
	var p interface{ Permanent() bool }
	return errors.As(err, &p) && p.Permanent()
}

// lastAttempt reports whether a failing job will not be retried.
func lastAttempt[T river.JobArgs](job *river.Job[T]) bool { return job.Attempt >= job.MaxAttempts }

// failDocument marks a document failed when its job has no attempt left,
// so that waiting users see why (in words safe to show: never record
// text, never a file name), and returns err, made safe, for River to
// record in its job row.
func (p *Pipeline) failDocument(ctx context.Context, lastTry bool, d store.Document, err error, texts ...string) error {
	if lastTry {
		// Said before the failure is stored: a waiting "medchron process"
		// prints its line for the file once it sees it, and that line is
		// the last.
		p.log.Warn("document failed", "document", d.ID, "error", SafeError(err, texts...))
		ctx, cancel := recordContext(ctx)
		defer cancel()
		if cur, derr := p.cfg.Store.Document(ctx, d.ID); derr == nil {
			_ = p.cfg.Store.SetDocumentStatus(ctx, d.ID, store.StatusFailed, userError(d, err, texts...), cur.Pages)
		}
		// Its matters are done with it: their chronologies are rebuilt
		// (without it), so that their processing ends.
		if qerr := p.cfg.Store.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
			matters, err := tx.DocumentMatters(ctx, d.ID)
			if err != nil {
				return err
			}
			return p.queueBuilds(ctx, tx, matters...)
		}); qerr != nil {
			p.log.Warn("chronology rebuild after a failed document not queued", "document", d.ID, "error", SafeError(qerr))
		}
		p.stored.fire()
		p.removeWork(d)
	}
	return safe(err, texts...)
}

// recordContext is a context for recording a job's failure: the job's
// values without its deadline or cancellation (which may be what made it
// fail), bounded by a minute of its own.
func recordContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
}

type ingestWorker struct {
	river.WorkerDefaults[IngestArgs]
	p *Pipeline
}

func (w *ingestWorker) Timeout(*river.Job[IngestArgs]) time.Duration { return ingestTimeout }

// Work reads the text layer of every page, stores the pages that have text,
// and queues OCR for the others (or extraction when none needs OCR).
func (w *ingestWorker) Work(ctx context.Context, job *river.Job[IngestArgs]) error {
	p := w.p
	p.log.Debug("job", "kind", job.Kind, "document", job.Args.DocumentID, "attempt", job.Attempt)
	d, err := p.cfg.Store.Document(ctx, job.Args.DocumentID)
	if err != nil {
		return fmt.Errorf("ingest %s: %w", job.Args.DocumentID, err)
	}
	if d.Status == store.StatusExtracted || d.Status == store.StatusFailed {
		return nil
	}
	path, err := p.originalPath(ctx, d)
	if err != nil {
		return p.failDocument(ctx, lastAttempt(job), d, err)
	}
	// The file is inspected and its text layer read side by side (two
	// reader processes): the inspection decides first, and a file that
	// fails it stops the text layer.
	tctx, stopText := context.WithCancel(ctx)
	defer stopText()
	type textLayer struct {
		pages []extract.Page
		err   error
	}
	read := make(chan textLayer, 1)
	go func() {
		pages, err := p.cfg.PDF.TextLayer(tctx, path)
		read <- textLayer{pages, err}
	}()
	insp, err := p.cfg.PDF.Inspect(ctx, path)
	if err != nil {
		stopText()
		<-read
		// Not a PDF that can be read: no attempt will change that.
		return p.failDocument(ctx, true, d, err)
	}
	tl := <-read
	pages, err := tl.pages, tl.err
	if err != nil {
		return p.failDocument(ctx, lastAttempt(job) || permanent(err), d, err)
	}
	var text []extract.Page
	var ocr []int
	for i := range pages {
		pg := pages[i]
		pg.DocumentID = d.ID
		pg.Number = i + 1
		switch {
		case pg.Source == extract.SourceText:
			text = append(text, pg)
		case p.cfg.OCR != nil:
			ocr = append(ocr, pg.Number)
		default:
			pg.Source = extract.SourceEmpty
			text = append(text, pg)
		}
	}
	p.log.Info("document read", "document", d.ID, "pages", len(pages), "text_pages", len(text), "ocr_pages", len(ocr))
	return p.cfg.Store.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		if err := tx.PutPages(ctx, text); err != nil {
			return err
		}
		if err := tx.PutPendingPages(ctx, d.ID, ocr); err != nil {
			return err
		}
		if err := tx.SetDocumentStatus(ctx, d.ID, store.StatusReading, "", len(pages)); err != nil {
			return err
		}
		pending, err := tx.PendingPages(ctx, d.ID)
		if err != nil {
			return err
		}
		if len(pending) == 0 {
			return p.queue.InsertTx(ctx, tx, river.InsertManyParams{Args: ExtractArgs{DocumentID: d.ID}})
		}
		heaviestFirst(pending, insp.Weights)
		jobs := make([]river.InsertManyParams, len(pending))
		for i, n := range pending {
			jobs[i] = river.InsertManyParams{Args: OCRPageArgs{DocumentID: d.ID, Page: n}}
		}
		return p.queue.InsertTx(ctx, tx, jobs...)
	})
}

// heaviestFirst orders pages (numbers from 1) by their weights, heaviest
// first (see Inspection.Weights), keeping the order of pages of one
// weight; without a weight for every page it leaves them as they are.
// The workers take a document's OCR jobs in the order they were queued.
func heaviestFirst(pages []int, weights []int64) {
	for _, n := range pages {
		if n < 1 || n > len(weights) {
			return
		}
	}
	slices.SortStableFunc(pages, func(a, b int) int { return cmp.Compare(weights[b-1], weights[a-1]) })
}

type ocrWorker struct {
	river.WorkerDefaults[OCRPageArgs]
	p *Pipeline
}

func (w *ocrWorker) Timeout(*river.Job[OCRPageArgs]) time.Duration { return w.p.cfg.OCRTimeout }

// Work OCRs one page. A page that still fails on its last attempt is stored
// with SourceError so that the document goes on without it.
func (w *ocrWorker) Work(ctx context.Context, job *river.Job[OCRPageArgs]) error {
	p := w.p
	a := job.Args
	pending, err := p.cfg.Store.PendingPages(ctx, a.DocumentID)
	if err != nil {
		return err
	}
	if !containsInt(pending, a.Page) {
		return p.afterPage(ctx, a.DocumentID) // done by an earlier delivery
	}
	d, err := p.cfg.Store.Document(ctx, a.DocumentID)
	if err != nil {
		return err
	}
	page, err := p.ocrPage(ctx, d, a.Page)
	if err != nil {
		if !lastAttempt(job) && !permanent(err) {
			return safe(err)
		}
		p.log.Warn("page unreadable", "document", d.ID, "page", a.Page, "error", SafeError(err))
		page = extract.Page{DocumentID: d.ID, Number: a.Page, Source: extract.SourceError, Err: userError(d, err)}
		// The job's time may be up (the OCR timed out): the failure must
		// still be recorded, or the document would wait for this page
		// forever.
		var cancel context.CancelFunc
		ctx, cancel = recordContext(ctx)
		defer cancel()
	}
	return p.cfg.Store.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		if err := tx.PutPages(ctx, []extract.Page{page}); err != nil {
			return err
		}
		return p.queueExtractWhenRead(ctx, tx, a.DocumentID)
	})
}

func (p *Pipeline) ocrPage(ctx context.Context, d store.Document, n int) (extract.Page, error) {
	path, err := p.originalPath(ctx, d)
	if err != nil {
		return extract.Page{}, err
	}
	if po, ok := p.cfg.OCR.(PageOCR); ok {
		page, err := po.OCRPage(ctx, path, n, d.ID)
		if err != nil {
			return extract.Page{}, fmt.Errorf("page %d: %w", n, err)
		}
		page.DocumentID, page.Number = d.ID, n
		return page, nil
	}
	img, dpi, err := p.cfg.PDF.PageImage(ctx, path, n)
	if err != nil {
		return extract.Page{}, fmt.Errorf("page %d: image: %w", n, err)
	}
	page, err := p.cfg.OCR.Recognize(ctx, img, dpi, d.ID, n)
	if err != nil {
		return extract.Page{}, fmt.Errorf("page %d: ocr: %w", n, err)
	}
	page.DocumentID, page.Number = d.ID, n
	return page, nil
}

// afterPage queues extraction if no page of the document waits for OCR.
func (p *Pipeline) afterPage(ctx context.Context, docID string) error {
	return p.cfg.Store.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		return p.queueExtractWhenRead(ctx, tx, docID)
	})
}

func (p *Pipeline) queueExtractWhenRead(ctx context.Context, tx store.Tx, docID string) error {
	pending, err := tx.PendingPages(ctx, docID)
	if err != nil || len(pending) > 0 {
		return err
	}
	return p.queue.InsertTx(ctx, tx, river.InsertManyParams{Args: ExtractArgs{DocumentID: docID}})
}

type extractWorker struct {
	river.WorkerDefaults[ExtractArgs]
	p *Pipeline
}

func (w *extractWorker) Timeout(*river.Job[ExtractArgs]) time.Duration { return extractTimeout }

// NextRetry waits ExtractRetry before the second attempt and four times
// as long before each later one: an endpoint that is down gets minutes to
// come back before the fallback (if any) takes over.
func (w *extractWorker) NextRetry(job *river.Job[ExtractArgs]) time.Time {
	d := w.p.cfg.ExtractRetry
	for i := 1; i < job.Attempt && d < time.Hour; i++ {
		d *= 4
	}
	return time.Now().Add(d)
}

// Work runs the extractor over every page of the document and replaces its
// stored facts, then queues a chronology build for each matter holding it.
// When the extractor fails on the last attempt and a fallback is
// configured, the fallback extracts the document instead.
func (w *extractWorker) Work(ctx context.Context, job *river.Job[ExtractArgs]) error {
	p := w.p
	p.log.Debug("job", "kind", job.Kind, "document", job.Args.DocumentID, "attempt", job.Attempt)
	ex := p.cfg.Extractor
	if a := job.Args; a.Extractor != "" || a.PromptVersion != "" {
		if p.cfg.ExtractorFor == nil {
			return river.JobCancel(fmt.Errorf("extractor %q is not configured on this worker", a.Extractor))
		}
		var err error
		if ex, err = p.cfg.ExtractorFor(a.Extractor, a.PromptVersion); err != nil {
			return river.JobCancel(safe(err))
		}
	}
	d, err := p.cfg.Store.Document(ctx, job.Args.DocumentID)
	if err != nil {
		return err
	}
	pages, err := p.cfg.Store.PageTexts(ctx, d.ID)
	if err != nil {
		return err
	}
	// Extractors never see the file's name: it belongs to the matters that
	// uploaded it, and an extractor's errors name what it was given.
	doc := d.Document
	doc.File = "document"
	res, err := ex.Extract(ctx, doc, pages)
	if err != nil {
		texts := pageTexts(pages)
		if !lastAttempt(job) || p.cfg.Fallback == nil || p.cfg.Fallback.Name() == ex.Name() {
			return p.failDocument(ctx, lastAttempt(job), d, fmt.Errorf("%s: extract: %w", d.ID, err), texts...)
		}
		p.log.Warn("extractor failed on every attempt; using the fallback", "document", d.ID,
			"extractor", ex.Name(), "fallback", p.cfg.Fallback.Name(), "error", SafeError(err, texts...))
		ex = p.cfg.Fallback
		if res, err = ex.Extract(ctx, doc, pages); err != nil {
			return p.failDocument(ctx, true, d, fmt.Errorf("%s: extract (fallback %s): %w", d.ID, ex.Name(), err), texts...)
		}
	}
	p.log.Debug("extracted", "document", d.ID, "encounters", len(res.Encounters), "bills", len(res.Bills))
	matters, err := p.cfg.Store.DocumentMatters(ctx, d.ID)
	if err != nil {
		return err
	}
	err = p.cfg.Store.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		sr := store.StoredResult{Extractor: ex.Name(), PromptVersion: ex.PromptVersion(), Result: res}
		if err := tx.PutResult(ctx, d.ID, sr); err != nil {
			return err
		}
		if err := tx.SetDocumentStatus(ctx, d.ID, store.StatusExtracted, "", d.Pages); err != nil {
			return err
		}
		return p.queueBuilds(ctx, tx, matters...)
	})
	if err == nil {
		p.stored.fire()
		p.removeWork(d)
		if p.cfg.Indexer != nil {
			if ierr := p.cfg.Indexer.IndexDocument(ctx, d.ID, pages); ierr != nil {
				p.log.Warn("search index of document not updated", "document", d.ID, "error", SafeError(ierr))
			}
		}
	}
	return err
}

type buildWorker struct {
	river.WorkerDefaults[BuildArgs]
	p *Pipeline
}

func (w *buildWorker) Timeout(*river.Job[BuildArgs]) time.Duration { return buildTimeout }

// Work rebuilds the matter's chronology unless one of at least the job's
// version is stored already.
func (w *buildWorker) Work(ctx context.Context, job *river.Job[BuildArgs]) error {
	p := w.p
	id := job.Args.MatterID
	p.log.Debug("job", "kind", job.Kind, "attempt", job.Attempt)
	if built, err := p.cfg.Store.ChronologyVersion(ctx, id); err == nil && built >= job.Args.Version {
		return nil
	} else if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	version, err := p.cfg.Store.MatterVersion(ctx, id)
	if err != nil {
		return err
	}
	c, err := p.BuildChronology(ctx, id)
	if err != nil {
		return err
	}
	p.log.Debug("chronology built", "entries", len(c.Entries), "bills", len(c.Bills))
	if err := p.cfg.Store.PutChronology(ctx, id, version, c); err != nil {
		return err
	}
	p.stored.fire()
	if p.cfg.Indexer != nil {
		if err := p.cfg.Indexer.IndexEntries(ctx, id, c.AllEntries()); err != nil {
			p.log.Warn("search index of entries not updated", "matter", id, "error", SafeError(err))
		}
	}
	return nil
}

// BuildChronology builds the matter's chronology from what is stored now.
// Documents still being processed are left out; failed ones are listed with
// no pages of facts.
func (p *Pipeline) BuildChronology(ctx context.Context, matterID string) (chronology.Chronology, error) {
	m, err := p.cfg.Store.Matter(ctx, matterID)
	if err != nil {
		return chronology.Chronology{}, err
	}
	docs, err := p.cfg.Store.MatterDocuments(ctx, matterID)
	if err != nil {
		return chronology.Chronology{}, err
	}
	var sources []chronology.Source
	var usage extract.Usage
	for _, d := range docs {
		if d.Status != store.StatusExtracted {
			continue
		}
		pages, err := p.cfg.Store.PageTexts(ctx, d.ID)
		if err != nil {
			return chronology.Chronology{}, err
		}
		r, err := p.cfg.Store.Result(ctx, d.ID)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return chronology.Chronology{}, err
		}
		usage.PromptTokens += r.Result.Usage.PromptTokens
		usage.CompletionTokens += r.Result.Usage.CompletionTokens
		sources = append(sources, chronology.Source{
			Document:      chronology.Document{Document: d.Document},
			Pages:         pages,
			Result:        r.Result,
			Extractor:     r.Extractor,
			PromptVersion: r.PromptVersion,
		})
	}
	c := chronology.Build(m, sources, chronology.Options{GapDays: m.GapDays, GeneratedAt: p.cfg.Now().UTC()})
	if usage != (extract.Usage{}) {
		c.Usage = &usage
	}
	return c, nil
}

// queueBuilds queues a chronology build for the current version of each
// matter, within tx.
func (p *Pipeline) queueBuilds(ctx context.Context, tx store.Tx, matterIDs ...string) error {
	jobs := make([]river.InsertManyParams, 0, len(matterIDs))
	for _, m := range matterIDs {
		v, err := tx.MatterVersion(ctx, m)
		if err != nil {
			return err
		}
		jobs = append(jobs, river.InsertManyParams{Args: BuildArgs{MatterID: m, Version: v}})
	}
	return p.queue.InsertTx(ctx, tx, jobs...)
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
