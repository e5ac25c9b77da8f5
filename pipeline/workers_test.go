package pipeline

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/store"
)

// The worker tests run each stage on memStore and memQueue, without a
// database or River: what a stage stores and which jobs it queues.

// fakePDF is a document of len(texts) pages; an empty text is a page
// without a text layer. weights are what Inspect says of the pages.
type fakePDF struct {
	texts      []string
	weights    []int64
	inspectErr error
	textErr    error
}

func (f fakePDF) Sniff(name string, head, tail []byte, size int64) error { return nil }

func (f fakePDF) Inspect(ctx context.Context, path string) (Inspection, error) {
	return Inspection{Pages: len(f.texts), Weights: f.weights}, f.inspectErr
}

func (f fakePDF) TextLayer(ctx context.Context, path string) ([]extract.Page, error) {
	if f.textErr != nil {
		return nil, f.textErr
	}
	pages := make([]extract.Page, len(f.texts))
	for i, t := range f.texts {
		if t != "" {
			pages[i] = extract.Page{Text: t, Source: extract.SourceText}
		}
	}
	return pages, nil
}

func (f fakePDF) PageImage(ctx context.Context, path string, page int) ([]byte, int, error) {
	return []byte("image"), 300, nil
}

// fakeOCR reads "scanned text" from every page, or fails with err.
type fakeOCR struct {
	calls *int
	err   error
}

func (o fakeOCR) Recognize(ctx context.Context, img []byte, dpi int, documentID string, page int) (extract.Page, error) {
	*o.calls++
	if o.err != nil {
		return extract.Page{}, o.err
	}
	return extract.Page{Text: "scanned text", Source: extract.SourceOCR}, nil
}

// fakeExtractor finds one encounter per page on 2024-01-0N, or fails.
type fakeExtractor struct {
	name string
	err  error
}

func (e fakeExtractor) Name() string          { return e.name }
func (e fakeExtractor) PromptVersion() string { return "" }

func (e fakeExtractor) Extract(ctx context.Context, doc extract.Document, pages []extract.Page) (extract.Result, error) {
	if e.err != nil {
		return extract.Result{}, e.err
	}
	if doc.File != "document" {
		return extract.Result{}, errors.New("the extractor was given the file's name")
	}
	var r extract.Result
	for _, p := range pages {
		r.Encounters = append(r.Encounters, extract.Encounter{
			Date:      dates.New(2024, time.January, p.Number),
			Provider:  "Mercy Hospital",
			Citations: []extract.Citation{{DocumentID: doc.ID, Page: p.Number, Quote: p.Text}},
		})
	}
	return r, nil
}

// rig is a pipeline on a memStore with one matter holding one document.
type rig struct {
	p     *Pipeline
	st    *memStore
	q     *memQueue
	doc   store.Document
	ocr   *int
	ctx   context.Context
	match string
}

func newRig(t *testing.T, cfg Config) *rig {
	t.Helper()
	ctx := context.Background()
	st, q, calls := newMemStore(), &memQueue{}, new(int)
	cfg.Store, cfg.WorkDir, cfg.Logger = st, t.TempDir(), slog.New(slog.NewTextHandler(io.Discard, nil))
	if cfg.PDF == nil {
		cfg.PDF = fakePDF{texts: []string{"page one", "page two"}}
	}
	if cfg.Extractor == nil {
		cfg.Extractor = fakeExtractor{name: "rules"}
	}
	if o, ok := cfg.OCR.(fakeOCR); ok {
		o.calls = calls
		cfg.OCR = o
	}
	cfg.Now = func() time.Time { return time.Unix(0, 0) }
	p, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	p.SetQueue(q)
	m := chronology.Matter{ID: "m1", DateOfIncident: dates.New(2023, time.December, 6)}
	if err := st.PutMatter(ctx, m); err != nil {
		t.Fatal(err)
	}
	b, err := st.PutBlob(ctx, strings.NewReader("%PDF-1.7 fake"), 0)
	if err != nil {
		t.Fatal(err)
	}
	d := store.Document{Document: extract.Document{ID: DocumentID(b.SHA256), SHA256: b.SHA256, File: "mercy.pdf"}, Size: b.Size, Status: store.StatusQueued}
	if _, err := st.AddDocument(ctx, m.ID, d, nil); err != nil {
		t.Fatal(err)
	}
	return &rig{p: p, st: st, q: q, doc: d, ocr: calls, ctx: ctx, match: m.ID}
}

func job[T river.JobArgs](args T, attempt int) *river.Job[T] {
	return &river.Job[T]{JobRow: &rivertype.JobRow{Attempt: attempt, MaxAttempts: 3, Kind: args.Kind()}, Args: args}
}

func (r *rig) status(t *testing.T) store.Document {
	t.Helper()
	d, err := r.st.Document(r.ctx, r.doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestIngestWorker(t *testing.T) {
	tests := []struct {
		name        string
		cfg         Config
		wantPages   map[int]extract.PageSource
		wantPending []int
		wantOCR     []int // the order of the OCR jobs, when not wantPending's
		wantJobs    []river.JobArgs
		wantStatus  string
		wantErr     bool // the job fails without failing the document
	}{
		{
			name:       "text layer only: extraction queued",
			cfg:        Config{PDF: fakePDF{texts: []string{"one", "two"}}},
			wantPages:  map[int]extract.PageSource{1: extract.SourceText, 2: extract.SourceText},
			wantStatus: store.StatusReading,
		},
		{
			name:        "a scanned page waits for OCR",
			cfg:         Config{PDF: fakePDF{texts: []string{"one", "", "three"}}, OCR: fakeOCR{}},
			wantPages:   map[int]extract.PageSource{1: extract.SourceText, 3: extract.SourceText},
			wantPending: []int{2},
			wantStatus:  store.StatusReading,
		},
		{
			name: "scanned pages are queued heaviest first",
			cfg: Config{PDF: fakePDF{texts: []string{"", "", "three", "", ""}, weights: []int64{10, 50, 0, 30, 10}},
				OCR: fakeOCR{}},
			wantPages:   map[int]extract.PageSource{3: extract.SourceText},
			wantPending: []int{1, 2, 4, 5},
			wantOCR:     []int{2, 4, 1, 5},
			wantStatus:  store.StatusReading,
		},
		{
			name:        "without a weight for every page, in page order",
			cfg:         Config{PDF: fakePDF{texts: []string{"", "", ""}, weights: []int64{10, 50}}, OCR: fakeOCR{}},
			wantPages:   map[int]extract.PageSource{},
			wantPending: []int{1, 2, 3},
			wantStatus:  store.StatusReading,
		},
		{
			name:       "no OCR configured: the scanned page is stored empty",
			cfg:        Config{PDF: fakePDF{texts: []string{"one", ""}}},
			wantPages:  map[int]extract.PageSource{1: extract.SourceText, 2: extract.SourceEmpty},
			wantStatus: store.StatusReading,
		},
		{
			name:       "not a readable PDF: failed on the first attempt, its matter rebuilt",
			cfg:        Config{PDF: fakePDF{texts: []string{"one"}, inspectErr: errors.New("not a PDF")}},
			wantPages:  map[int]extract.PageSource{},
			wantStatus: store.StatusFailed,
		},
		{
			name:       "a text layer that cannot be read: failed on the first attempt",
			cfg:        Config{PDF: fakePDF{texts: []string{"one"}, textErr: &pdf.FileError{File: "a.pdf", Detail: "pdftotext output could not be read", Err: pdf.ErrCorrupt}}},
			wantPages:  map[int]extract.PageSource{},
			wantStatus: store.StatusFailed,
		},
		{
			name:       "a text layer that failed otherwise: tried again",
			cfg:        Config{PDF: fakePDF{texts: []string{"one"}, textErr: &pdf.FileError{File: "a.pdf", Detail: "pdftotext failed", Err: errors.New("signal: killed")}}},
			wantPages:  map[int]extract.PageSource{},
			wantStatus: store.StatusQueued,
			wantErr:    true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, tt.cfg)
			err := (&ingestWorker{p: r.p}).Work(r.ctx, job(IngestArgs{DocumentID: r.doc.ID}, 1))
			if (err != nil) != (tt.wantStatus == store.StatusFailed || tt.wantErr) {
				t.Fatalf("Work = %v", err)
			}
			got := map[int]extract.PageSource{}
			pages, _ := r.st.Pages(r.ctx, r.doc.ID)
			for _, p := range pages {
				got[p.Number] = p.Source
			}
			if !reflect.DeepEqual(got, tt.wantPages) {
				t.Errorf("stored pages = %v, want %v", got, tt.wantPages)
			}
			pending, _ := r.st.PendingPages(r.ctx, r.doc.ID)
			if !reflect.DeepEqual(pending, tt.wantPending) && len(pending)+len(tt.wantPending) > 0 {
				t.Errorf("pending pages = %v, want %v", pending, tt.wantPending)
			}
			var want []river.JobArgs
			switch {
			case tt.wantErr:
			case tt.wantStatus == store.StatusFailed:
				want = []river.JobArgs{BuildArgs{MatterID: r.match, Version: 2}}
			case len(tt.wantPending) > 0:
				order := tt.wantPending
				if tt.wantOCR != nil {
					order = tt.wantOCR
				}
				for _, n := range order {
					want = append(want, OCRPageArgs{DocumentID: r.doc.ID, Page: n})
				}
			default:
				want = []river.JobArgs{ExtractArgs{DocumentID: r.doc.ID}}
			}
			if jobs := r.q.take(); !reflect.DeepEqual(jobs, want) {
				t.Errorf("queued %v, want %v", jobs, want)
			}
			if d := r.status(t); d.Status != tt.wantStatus || (d.Status == store.StatusFailed) != (d.Error != "") {
				t.Errorf("document status %q (error %q), want %q", d.Status, d.Error, tt.wantStatus)
			}
		})
	}
}

// TestIngestFailedTxLeavesNothing: when queueing fails, the pages and the
// status written in the same transaction are not kept, and the job fails
// so that River retries it.
func TestIngestFailedTxLeavesNothing(t *testing.T) {
	r := newRig(t, Config{})
	r.q.fail = errors.New("queue down")
	if err := (&ingestWorker{p: r.p}).Work(r.ctx, job(IngestArgs{DocumentID: r.doc.ID}, 1)); err == nil {
		t.Fatal("Work succeeded with the queue down")
	}
	if pages, _ := r.st.Pages(r.ctx, r.doc.ID); len(pages) != 0 {
		t.Errorf("%d pages stored by a failed transaction", len(pages))
	}
	if d := r.status(t); d.Status != store.StatusQueued {
		t.Errorf("status %q after a failed transaction, want %q", d.Status, store.StatusQueued)
	}
}

func TestOCRWorker(t *testing.T) {
	tests := []struct {
		name      string
		ocrErr    error
		attempt   int
		redeliver bool // the page was stored by an earlier delivery
		wantErr   bool
		wantCalls int
		wantPage  extract.PageSource
		wantJobs  []river.JobArgs
	}{
		{name: "page read, extraction queued", attempt: 1, wantCalls: 1, wantPage: extract.SourceOCR, wantJobs: []river.JobArgs{ExtractArgs{}}},
		{name: "redelivered: no OCR again, extraction queued", attempt: 1, redeliver: true, wantCalls: 0, wantPage: extract.SourceOCR, wantJobs: []river.JobArgs{ExtractArgs{}}},
		{name: "failure with attempts left: retried", ocrErr: errors.New("tesseract crashed"), attempt: 1, wantErr: true, wantCalls: 1},
		{name: "failure on the last attempt: page stored as an error", ocrErr: errors.New("tesseract crashed"), attempt: 3, wantCalls: 1, wantPage: extract.SourceError, wantJobs: []river.JobArgs{ExtractArgs{}}},
		{name: "a page too large to render: given up at once", ocrErr: &pdf.FileError{File: "x.pdf", Page: 2, Err: pdf.ErrTooLarge}, attempt: 1, wantCalls: 1, wantPage: extract.SourceError, wantJobs: []river.JobArgs{ExtractArgs{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, Config{PDF: fakePDF{texts: []string{"one", ""}}, OCR: fakeOCR{err: tt.ocrErr}})
			if err := (&ingestWorker{p: r.p}).Work(r.ctx, job(IngestArgs{DocumentID: r.doc.ID}, 1)); err != nil {
				t.Fatal(err)
			}
			r.q.take()
			w := &ocrWorker{p: r.p}
			if tt.redeliver {
				if err := r.st.PutPages(r.ctx, []extract.Page{{DocumentID: r.doc.ID, Number: 2, Source: extract.SourceOCR}}); err != nil {
					t.Fatal(err)
				}
			}
			err := w.Work(r.ctx, job(OCRPageArgs{DocumentID: r.doc.ID, Page: 2}, tt.attempt))
			if (err != nil) != tt.wantErr {
				t.Fatalf("Work = %v, want error %v", err, tt.wantErr)
			}
			if *r.ocr != tt.wantCalls {
				t.Errorf("OCR ran %d times, want %d", *r.ocr, tt.wantCalls)
			}
			p, perr := r.st.Page(r.ctx, r.doc.ID, 2)
			switch {
			case tt.wantPage == "" && perr == nil:
				t.Errorf("page 2 stored (%s) after a failure to retry", p.Source)
			case tt.wantPage != "" && (perr != nil || p.Source != tt.wantPage):
				t.Errorf("page 2 = %q, %v; want %q", p.Source, perr, tt.wantPage)
			case tt.wantPage == extract.SourceError && p.Err == "":
				t.Error("unreadable page stored without a reason")
			}
			for i := range tt.wantJobs {
				tt.wantJobs[i] = ExtractArgs{DocumentID: r.doc.ID}
			}
			if jobs := r.q.take(); !reflect.DeepEqual(jobs, tt.wantJobs) {
				t.Errorf("queued %v, want %v", jobs, tt.wantJobs)
			}
		})
	}
}

func TestExtractWorker(t *testing.T) {
	down := errors.New("endpoint down")
	tests := []struct {
		name          string
		extractor     fakeExtractor
		fallback      extract.Extractor
		attempt       int
		wantErr       bool
		wantStatus    string
		wantExtractor string // of the stored result; empty: none stored
	}{
		{name: "facts stored, build queued", extractor: fakeExtractor{name: "rules"}, attempt: 1, wantStatus: store.StatusExtracted, wantExtractor: "rules"},
		{name: "failure with attempts left: retried, nothing stored", extractor: fakeExtractor{name: "llm:m", err: down}, attempt: 1, wantErr: true, wantStatus: store.StatusReading},
		{name: "failure on the last attempt: document failed", extractor: fakeExtractor{name: "llm:m", err: down}, attempt: 3, wantErr: true, wantStatus: store.StatusFailed},
		{name: "failure on the last attempt with a fallback: the fallback's facts", extractor: fakeExtractor{name: "llm:m", err: down},
			fallback: fakeExtractor{name: "rules"}, attempt: 3, wantStatus: store.StatusExtracted, wantExtractor: "rules"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, Config{Extractor: tt.extractor, Fallback: tt.fallback})
			if err := (&ingestWorker{p: r.p}).Work(r.ctx, job(IngestArgs{DocumentID: r.doc.ID}, 1)); err != nil {
				t.Fatal(err)
			}
			r.q.take()
			before, _ := r.st.MatterVersion(r.ctx, r.match)
			err := (&extractWorker{p: r.p}).Work(r.ctx, job(ExtractArgs{DocumentID: r.doc.ID}, tt.attempt))
			if (err != nil) != tt.wantErr {
				t.Fatalf("Work = %v, want error %v", err, tt.wantErr)
			}
			if d := r.status(t); d.Status != tt.wantStatus {
				t.Errorf("status %q, want %q", d.Status, tt.wantStatus)
			}
			res, rerr := r.st.Result(r.ctx, r.doc.ID)
			if tt.wantExtractor == "" {
				if !errors.Is(rerr, store.ErrNotFound) {
					t.Errorf("Result = %v, %v; want none stored", res.Extractor, rerr)
				}
			} else if rerr != nil || res.Extractor != tt.wantExtractor || len(res.Result.Encounters) != 2 {
				t.Errorf("Result by %q with %d encounters, %v; want %q with 2", res.Extractor, len(res.Result.Encounters), rerr, tt.wantExtractor)
			}
			var want []river.JobArgs
			switch {
			case tt.wantStatus == store.StatusExtracted:
				want = []river.JobArgs{BuildArgs{MatterID: r.match, Version: before + 1}}
			case tt.wantStatus == store.StatusFailed:
				want = []river.JobArgs{BuildArgs{MatterID: r.match, Version: before}}
			}
			if jobs := r.q.take(); !reflect.DeepEqual(jobs, want) {
				t.Errorf("queued %v, want %v", jobs, want)
			}
		})
	}
}

// TestBuildWorker builds the chronology at the matter's version, cites the
// document under its file name in the matter, and skips a job whose
// version is built already.
func TestBuildWorker(t *testing.T) {
	r := newRig(t, Config{})
	for _, w := range []func() error{
		func() error { return (&ingestWorker{p: r.p}).Work(r.ctx, job(IngestArgs{DocumentID: r.doc.ID}, 1)) },
		func() error { return (&extractWorker{p: r.p}).Work(r.ctx, job(ExtractArgs{DocumentID: r.doc.ID}, 1)) },
	} {
		if err := w(); err != nil {
			t.Fatal(err)
		}
	}
	version, _ := r.st.MatterVersion(r.ctx, r.match)
	if err := (&buildWorker{p: r.p}).Work(r.ctx, job(BuildArgs{MatterID: r.match, Version: version}, 1)); err != nil {
		t.Fatal(err)
	}
	c, built, err := r.st.Chronology(r.ctx, r.match)
	if err != nil || built != version {
		t.Fatalf("Chronology built at %d, %v; want %d", built, err, version)
	}
	if len(c.Documents) != 1 || c.Documents[0].File != "mercy.pdf" || c.Documents[0].ID != r.doc.ID {
		t.Errorf("documents %+v, want mercy.pdf", c.Documents)
	}
	if n := len(c.AllEntries()); n != 2 {
		t.Errorf("%d entries, want 2 (one per page)", n)
	}
	// A job for a version already built does nothing, even when the
	// store changed since.
	r.st.chrons[r.match] = builtChronology{chronology.Chronology{}, version}
	if err := (&buildWorker{p: r.p}).Work(r.ctx, job(BuildArgs{MatterID: r.match, Version: version}, 1)); err != nil {
		t.Fatal(err)
	}
	if c, _, _ := r.st.Chronology(r.ctx, r.match); len(c.AllEntries()) != 0 {
		t.Error("a build job of a version already built rebuilt the chronology")
	}
}
