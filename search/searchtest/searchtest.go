package searchtest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/search"
	"github.com/medchron/medchron/store"
)

// Store is what the suite runs on: the pipeline's storage (to add
// matters, documents, pages and chronologies) and the search index.
type Store interface {
	store.Store
	search.Index
}

// Run runs the conformance suite on the stores open returns. open is
// called once per subtest; it may return the same store every time.
func Run(t *testing.T, open func(t *testing.T) Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s Store)
	}{
		{"TextPhraseFirst", testTextPhraseFirst},
		{"TextStemsAndFolds", testTextStemsAndFolds},
		{"TextMatterScope", testTextMatterScope},
		{"TextHostileQueries", testTextHostileQueries},
		{"TextFollowsPages", testTextFollowsPages},
		{"TextEntries", testTextEntries},
		{"TextSnippets", testTextSnippets},
		{"VectorsRank", testVectorsRank},
		{"VectorsModelScope", testVectorsModelScope},
		{"VectorsMatterScope", testVectorsMatterScope},
		{"VectorsReplace", testVectorsReplace},
		{"VectorsEntries", testVectorsEntries},
		{"HybridPhraseFirst", testHybridPhraseFirst},
		{"HybridMisspelt", testHybridMisspelt},
		{"HybridStale", testHybridStale},
	}
	t.Run("searchtest", func(t *testing.T) {
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				t.Parallel()
				tc.fn(t, open(t))
			})
		}
	})
}

// fixture adds records with ids unique to one subtest.
type fixture struct {
	tb     testing.TB
	s      Store
	prefix string
}

func newFixture(tb testing.TB, s Store) *fixture {
	var b [5]byte
	if _, err := rand.Read(b[:]); err != nil {
		tb.Fatal(err)
	}
	return &fixture{tb: tb, s: s, prefix: hex.EncodeToString(b[:])}
}

func (f *fixture) ctx() context.Context { return context.Background() }

// matter stores a matter and returns its id.
func (f *fixture) matter(name string) string {
	f.tb.Helper()
	id := "m-" + f.prefix + "-" + name
	if err := f.s.PutMatter(f.ctx(), chronology.Matter{ID: id, Name: "Doe v. Acme Freight"}); err != nil {
		f.tb.Fatalf("PutMatter: %v", err)
	}
	return id
}

// document stores a document of the given page texts in the matter and
// returns its id. Pages with text are text-layer pages; "" makes a page
// waiting for OCR.
func (f *fixture) document(matterID, file string, texts ...string) string {
	f.tb.Helper()
	data := []byte("%PDF-1.7\n% " + f.prefix + " " + file + "\n%%EOF\n")
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	d := store.Document{Document: extract.Document{ID: pipeline.DocumentID(sha), SHA256: sha, File: file, Pages: len(texts)}, Size: int64(len(data)), Status: store.StatusExtracted}
	if _, err := f.s.AddDocument(f.ctx(), matterID, d, data); err != nil {
		f.tb.Fatalf("AddDocument: %v", err)
	}
	f.pages(d.ID, texts...)
	return d.ID
}

// link adds an existing document to another matter under a file name.
func (f *fixture) link(matterID, documentID, file string) {
	f.tb.Helper()
	d, err := f.s.Document(f.ctx(), documentID)
	if err != nil {
		f.tb.Fatal(err)
	}
	data, err := f.s.DocumentBlob(f.ctx(), documentID)
	if err != nil {
		f.tb.Fatal(err)
	}
	d.File = file
	if _, err := f.s.AddDocument(f.ctx(), matterID, d, data); err != nil {
		f.tb.Fatalf("AddDocument: %v", err)
	}
}

// pages stores (or replaces) pages 1… of a document.
func (f *fixture) pages(documentID string, texts ...string) {
	f.tb.Helper()
	var pages []extract.Page
	var pending []int
	for i, t := range texts {
		if t == "" {
			pending = append(pending, i+1)
			continue
		}
		pages = append(pages, extract.Page{DocumentID: documentID, Number: i + 1, Source: extract.SourceText, Text: t})
	}
	if err := f.s.PutPages(f.ctx(), pages); err != nil {
		f.tb.Fatalf("PutPages: %v", err)
	}
	if err := f.s.PutPendingPages(f.ctx(), documentID, pending); err != nil {
		f.tb.Fatalf("PutPendingPages: %v", err)
	}
}

// chronology replaces the matter's chronology with these entries.
func (f *fixture) chronology(matterID string, entries ...chronology.Entry) {
	f.tb.Helper()
	v, err := f.s.MatterVersion(f.ctx(), matterID)
	if err != nil {
		f.tb.Fatal(err)
	}
	c := chronology.Chronology{Schema: chronology.SchemaVersion, Matter: chronology.Matter{ID: matterID}, Entries: entries}
	if err := f.s.PutChronology(f.ctx(), matterID, v, c); err != nil {
		f.tb.Fatalf("PutChronology: %v", err)
	}
}

// service is a search.Service on the store with the local embedder.
func (f *fixture) service() *search.Service {
	return &search.Service{Index: f.s, Embedder: search.Local{}}
}

// indexMatter embeds every page of the documents and the entries.
func (f *fixture) indexMatter(svc *search.Service, matterID string, documentIDs ...string) {
	f.tb.Helper()
	for _, id := range documentIDs {
		pages, err := f.s.PageTexts(f.ctx(), id)
		if err != nil {
			f.tb.Fatal(err)
		}
		if err := svc.IndexDocument(f.ctx(), id, pages); err != nil {
			f.tb.Fatal(err)
		}
	}
	c, _, err := f.s.Chronology(f.ctx(), matterID)
	if err == nil {
		err = svc.IndexEntries(f.ctx(), matterID, c.Entries)
	}
	if err != nil && !isNotFound(err) {
		f.tb.Fatal(err)
	}
}

func isNotFound(err error) bool { return errors.Is(err, store.ErrNotFound) }

// where names a hit for messages.
func where(h search.Hit) string {
	if h.Kind == search.KindEntry {
		return "entry " + h.EntryID
	}
	return h.File + " p." + strconv.Itoa(h.Page)
}

// keys lists "file p.N" or "entry ID" of the page hits, in order.
func keys(hits []search.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, where(h))
	}
	return out
}
