package pipeline

import (
	"context"
	"reflect"
	"sync"
	"time"

	"github.com/medchron/medchron/extract"
)

// A document whose pages all have a text layer is extracted while its
// pages are stored rather than after, when its extractor runs in the
// process (see Local): the ingest job starts the extraction on the pages
// it read, and the extract job, when it runs in the same process, takes
// the result if it was found on exactly the document and pages it reads
// back from the store, and extracts them itself otherwise. The result is
// the same either way; only the waiting changes.

// Local is implemented by extractors that run in the process, with no
// network service or model behind them (the rules extractor): cheap enough
// to run on a document that may yet go elsewhere, and answering the same
// pages the same way.
type Local interface {
	Local() bool
}

// Bounds on extractions run ahead.
const (
	// aheadMax is how many results wait for their extract jobs at most;
	// beyond it, documents are extracted by their jobs only.
	aheadMax = 4
	// aheadTTL is how long a result waits for its job (which another
	// process may have run) before it is dropped.
	aheadTTL = time.Minute
)

// aheadRun is one extraction run ahead: its input and, once done is
// closed, its result.
type aheadRun struct {
	extractor string
	doc       extract.Document
	pages     []extract.Page
	started   time.Time
	done      chan struct{}
	res       extract.Result
	err       error
}

// aheadRuns holds the extractions run ahead, by document id.
type aheadRuns struct {
	mu   sync.Mutex
	runs map[string]*aheadRun
}

// extractAhead starts extracting doc's pages (all with their text layer,
// being stored) with the configured extractor when it is Local, and
// returns a function that drops the run: to be called when the pages
// were not stored after all. The pages are copied without their word
// boxes, as the extract job reads them back.
func (p *Pipeline) extractAhead(ctx context.Context, doc extract.Document, pages []extract.Page) (drop func()) {
	ex := p.cfg.Extractor
	if l, ok := ex.(Local); !ok || !l.Local() {
		return func() {}
	}
	r := &aheadRun{extractor: ex.Name(), doc: doc, pages: make([]extract.Page, len(pages)),
		started: time.Now(), done: make(chan struct{})}
	for i, pg := range pages {
		pg.Words = nil
		r.pages[i] = pg
	}
	if !p.ahead.add(r) {
		return func() {}
	}
	// The ingest job ends before the extraction does: the run has a
	// context of its own.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), extractTimeout)
	go func() {
		defer cancel()
		defer close(r.done)
		r.res, r.err = ex.Extract(ctx, r.doc, r.pages)
	}()
	return func() {
		cancel()
		p.ahead.remove(r)
	}
}

// add holds r unless a run for its document is held or aheadMax runs
// are, after dropping runs older than aheadTTL.
func (a *aheadRuns) add(r *aheadRun) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	for id, old := range a.runs {
		if time.Since(old.started) > aheadTTL {
			delete(a.runs, id)
		}
	}
	if _, held := a.runs[r.doc.ID]; held || len(a.runs) >= aheadMax {
		return false
	}
	if a.runs == nil {
		a.runs = map[string]*aheadRun{}
	}
	a.runs[r.doc.ID] = r
	return true
}

// remove drops r if it is still held.
func (a *aheadRuns) remove(r *aheadRun) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.runs[r.doc.ID] == r {
		delete(a.runs, r.doc.ID)
	}
}

// take returns, and drops, the result of the run ahead on doc when the
// extractor named ex ran it on exactly doc and pages, waiting for it to
// finish (or for ctx); false when there is none, it differs or it failed.
func (a *aheadRuns) take(ctx context.Context, ex string, doc extract.Document, pages []extract.Page) (extract.Result, bool) {
	a.mu.Lock()
	r := a.runs[doc.ID]
	delete(a.runs, doc.ID)
	a.mu.Unlock()
	if r == nil || r.extractor != ex || r.doc != doc || !samePages(r.pages, pages) {
		return extract.Result{}, false
	}
	select {
	case <-r.done:
	case <-ctx.Done():
		return extract.Result{}, false
	}
	return r.res, r.err == nil
}

// samePages reports whether two documents' pages are the same pages, in
// every field; neither may have word boxes.
func samePages(a, b []extract.Page) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if len(x.Words) != 0 || len(y.Words) != 0 {
			return false
		}
		x.Words, y.Words = nil, nil
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return true
}
