package pipeline

import (
	"context"
	"reflect"
	"sync/atomic"
	"testing"

	"github.com/medchron/medchron/extract"
)

// localExtractor is fakeExtractor run in the process (Local), counting
// its calls.
type localExtractor struct {
	fakeExtractor
	calls *atomic.Int32
}

func (e localExtractor) Local() bool { return true }

func (e localExtractor) Extract(ctx context.Context, doc extract.Document, pages []extract.Page) (extract.Result, error) {
	e.calls.Add(1)
	return e.fakeExtractor.Extract(ctx, doc, pages)
}

// ingestAndExtract runs the ingest and extract jobs of the rig's document
// and returns the stored result; between them, between runs, may change
// what is stored.
func ingestAndExtract(t *testing.T, r *rig, between func()) extract.Result {
	t.Helper()
	if err := (&ingestWorker{p: r.p}).Work(r.ctx, job(IngestArgs{DocumentID: r.doc.ID}, 1)); err != nil {
		t.Fatal(err)
	}
	if between != nil {
		between()
	}
	if err := (&extractWorker{p: r.p}).Work(r.ctx, job(ExtractArgs{DocumentID: r.doc.ID}, 1)); err != nil {
		t.Fatal(err)
	}
	res, err := r.st.Result(r.ctx, r.doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	return res.Result
}

func TestExtractAhead(t *testing.T) {
	// What the extract job stores when it extracts the pages itself.
	want := ingestAndExtract(t, newRig(t, Config{}), nil)

	calls := new(atomic.Int32)
	r := newRig(t, Config{Extractor: localExtractor{fakeExtractor{name: "rules"}, calls}})
	if got := ingestAndExtract(t, r, nil); !reflect.DeepEqual(got, want) {
		t.Errorf("extracted ahead:\n%+v\nwant\n%+v", got, want)
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("extractor called %d times, want once (ahead of the extract job)", n)
	}
	if len(r.p.ahead.runs) != 0 {
		t.Errorf("%d runs still held after the extract job", len(r.p.ahead.runs))
	}
}

func TestExtractAheadPagesChanged(t *testing.T) {
	// A page stored again between ingest and extraction (another
	// delivery of the job): the result ahead is of other pages, and the
	// extract job extracts what is stored.
	r := newRig(t, Config{Extractor: localExtractor{fakeExtractor{name: "rules"}, new(atomic.Int32)}})
	got := ingestAndExtract(t, r, func() {
		page := extract.Page{DocumentID: r.doc.ID, Number: 2, Text: "page two, read again", Source: extract.SourceText}
		if err := r.st.PutPages(r.ctx, []extract.Page{page}); err != nil {
			t.Fatal(err)
		}
	})
	if q := got.Encounters[1].Citations[0].Quote; q != "page two, read again" {
		t.Errorf("second encounter quotes %q, want the page as stored", q)
	}
}

func TestExtractAheadNotLocal(t *testing.T) {
	// An extractor with a service behind it is never run ahead: the
	// ingest job leaves no run.
	r := newRig(t, Config{})
	if err := (&ingestWorker{p: r.p}).Work(r.ctx, job(IngestArgs{DocumentID: r.doc.ID}, 1)); err != nil {
		t.Fatal(err)
	}
	if len(r.p.ahead.runs) != 0 {
		t.Errorf("%d runs held for an extractor that is not Local", len(r.p.ahead.runs))
	}
}
