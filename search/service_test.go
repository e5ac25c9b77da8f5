package search

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

func page(doc string, n int) Hit {
	return Hit{Kind: KindPage, DocumentID: doc, File: doc + ".pdf", Page: n}
}
func entry(id string) Hit       { return Hit{Kind: KindEntry, EntryID: id} }
func with(h Hit, sn string) Hit { h.Snippet = sn; return h }
func exact(h Hit) Hit           { h.Exact = true; return h }
func rrf(ranks ...int) (s float64) {
	for _, r := range ranks {
		s += 1 / float64(RRFK+r)
	}
	return s
}

func TestFuse(t *testing.T) {
	text := []Hit{with(page("a", 1), "text a1"), with(entry("e1"), "text e1"), exact(with(page("a", 2), "text a2"))}
	vec := []Hit{with(page("a", 3), "vec a3"), with(entry("e1"), "vec e1"), with(page("a", 1), "vec a1"), with(page("b", 1), "vec b1")}
	got := Fuse(4, text, vec)
	want := []struct {
		key     string
		score   float64
		snippet string
	}{
		{"a.pdf p.2", rrf(3), "text a2"},    // exact first, whatever its score
		{"a.pdf p.1", rrf(1, 3), "text a1"}, // in both lists, snippet from the text list
		{"entry e1", rrf(2, 2), "text e1"},  // in both lists
		{"a.pdf p.3", rrf(1), "vec a3"},     // only a vector hit
	}
	if len(got) != len(want) {
		t.Fatalf("%d hits, want %d (the limit)", len(got), len(want))
	}
	for i, w := range want {
		h := got[i]
		key := h.File + " p." + string(rune('0'+h.Page))
		if h.Kind == KindEntry {
			key = "entry " + h.EntryID
		}
		if key != w.key || math.Abs(h.Score-w.score) > 1e-12 || h.Snippet != w.snippet {
			t.Errorf("hit %d = %s %.5f %q; want %s %.5f %q", i, key, h.Score, h.Snippet, w.key, w.score, w.snippet)
		}
	}
	if !got[0].Exact || got[1].Exact {
		t.Errorf("exact flags %v %v", got[0].Exact, got[1].Exact)
	}
	if got := Fuse(10); len(got) != 0 {
		t.Errorf("Fuse of nothing = %v", got)
	}
}

// fakeIndex records vectors and answers searches from fixed lists.
type fakeIndex struct {
	text, vec   []Hit
	pageVecs    map[int][]float32
	entryVecs   map[string][]float32
	vecQueried  bool
	models      []string
	searchLimit []int
}

func (f *fakeIndex) PutPageVectors(_ context.Context, _, _ string, v map[int][]float32) error {
	f.pageVecs = v
	return nil
}
func (f *fakeIndex) PutEntryVectors(_ context.Context, _, _ string, v map[string][]float32) error {
	f.entryVecs = v
	return nil
}
func (f *fakeIndex) SearchText(_ context.Context, _, _ string, limit int) ([]Hit, error) {
	f.searchLimit = append(f.searchLimit, limit)
	return f.text, nil
}
func (f *fakeIndex) SearchVectors(_ context.Context, _, _ string, _ []float32, limit int) ([]Hit, error) {
	f.vecQueried = true
	f.searchLimit = append(f.searchLimit, limit)
	return f.vec, nil
}
func (f *fakeIndex) VectorModels(context.Context, string) ([]string, error) { return f.models, nil }

type failingEmbedder struct{ Local }

func (failingEmbedder) Embed(context.Context, []string) ([][]float32, error) {
	return nil, errors.New("connection refused")
}

func TestServiceIndex(t *testing.T) {
	idx := &fakeIndex{}
	svc := &Service{Index: idx, Embedder: Local{}}
	pages := []extract.Page{{Number: 1, Text: "MRI lumbar"}, {Number: 2, Source: extract.SourceEmpty}, {Number: 3, Text: "knee"}}
	if err := svc.IndexDocument(t.Context(), "d", pages); err != nil {
		t.Fatal(err)
	}
	if len(idx.pageVecs) != 2 || idx.pageVecs[1] == nil || idx.pageVecs[3] == nil {
		t.Errorf("page vectors for pages %v, want 1 and 3", reflect.ValueOf(idx.pageVecs).MapKeys())
	}
	if !reflect.DeepEqual(idx.pageVecs[1], embedOne(t, "MRI lumbar")) {
		t.Error("page 1's vector is not the embedding of its text")
	}
	bad := &Service{Index: idx, Embedder: failingEmbedder{}}
	if err := bad.IndexDocument(t.Context(), "d", pages); err == nil || !strings.Contains(err.Error(), "index document d") {
		t.Errorf("IndexDocument with a failing embedder: %v", err)
	}
}

func TestServiceSearch(t *testing.T) {
	idx := &fakeIndex{text: []Hit{page("a", 1)}, vec: []Hit{page("a", 2), page("a", 1)}}
	svc := &Service{Index: idx, Embedder: Local{}}
	hits, err := svc.Search(t.Context(), "m", "lumbar", 5)
	if err != nil || len(hits) != 2 || hits[0].Page != 1 {
		t.Fatalf("Search = %v, %v", hits, err)
	}
	if !reflect.DeepEqual(idx.searchLimit, []int{15, 15}) {
		t.Errorf("lists fetched with limits %v, want 3×5 each", idx.searchLimit)
	}
	// A query with no word searches nothing.
	idx.searchLimit = nil
	if hits, err := svc.Search(t.Context(), "m", ` "*" `, 5); err != nil || hits != nil || idx.searchLimit != nil {
		t.Errorf("empty query: %v, %v, searched %v", hits, err, idx.searchLimit)
	}
	// An embedder that fails leaves the full-text hits, with a warning
	// that does not quote the query.
	var logs bytes.Buffer
	idx.vecQueried = false
	bad := &Service{Index: idx, Embedder: failingEmbedder{}, Logger: slog.New(slog.NewTextHandler(&logs, nil))}
	hits, err = bad.Search(t.Context(), "m", "secret lumbar", 5)
	if err != nil || len(hits) != 1 || idx.vecQueried {
		t.Errorf("failing embedder: %v, %v, vectors searched %v", hits, err, idx.vecQueried)
	}
	if !strings.Contains(logs.String(), "connection refused") || strings.Contains(logs.String(), "secret") {
		t.Errorf("log %q", logs.String())
	}
	// Stale: only when another model's vectors are present.
	for _, tc := range []struct {
		models []string
		want   bool
	}{{nil, false}, {[]string{LocalModel}, false}, {[]string{"other"}, true}, {[]string{LocalModel, "other"}, false}} {
		idx.models = tc.models
		if got, err := svc.Stale(t.Context(), "m"); err != nil || got != tc.want {
			t.Errorf("Stale with %v = %v, %v", tc.models, got, err)
		}
	}
}
