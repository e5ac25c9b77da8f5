package sqlite_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/search/searchtest"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/seal"
	"github.com/medchron/medchron/store/sqlite"
)

func openTemp(tb testing.TB) *sqlite.Store {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "medchron.db"), sqlite.WithKeys(seal.Ephemeral()))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// TestSearchConformance runs the shared search suite, one SQLite file for
// all subtests (they make their own matters).
func TestSearchConformance(t *testing.T) {
	s := openTemp(t)
	searchtest.Run(t, func(t *testing.T) searchtest.Store { return s })
}

// TestSearchFTSRows: the full-text table holds exactly one row per page
// with text, however often pages are stored again or replaced.
func TestSearchFTSRows(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	if err := s.PutMatter(ctx, chronology.Matter{ID: "m"}); err != nil {
		t.Fatal(err)
	}
	data := []byte("%PDF-1.7\n%%EOF\n")
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	doc := pipeline.DocumentID(sha)
	rec := store.Document{Document: extract.Document{ID: doc, SHA256: sha, File: "a.pdf"}, Size: int64(len(data)), Status: store.StatusQueued}
	if _, err := s.AddDocument(ctx, "m", rec, data); err != nil {
		t.Fatal(err)
	}
	page := func(n int, text string) extract.Page {
		return extract.Page{DocumentID: doc, Number: n, Source: extract.SourceText, Text: text}
	}
	steps := []struct {
		name  string
		pages []extract.Page
		want  int
	}{
		{"first", []extract.Page{page(1, "alpha"), page(2, "beta"), page(3, "")}, 2},
		{"again", []extract.Page{page(1, "alpha"), page(2, "beta"), page(3, "")}, 2},
		{"replaced", []extract.Page{page(1, "gamma"), page(2, "")}, 1},
		{"filled", []extract.Page{page(2, "delta"), page(3, "epsilon")}, 3},
	}
	for _, st := range steps {
		if err := s.PutPages(ctx, st.pages); err != nil {
			t.Fatal(err)
		}
		var n int
		if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM pages_fts`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != st.want {
			t.Errorf("%s: %d rows in pages_fts, want %d", st.name, n, st.want)
		}
	}
}

// BenchmarkSearch measures search latency over a matter of 2,000 pages:
//
//	go test ./store/sqlite -run '^$' -bench BenchmarkSearch -benchtime 200x
func BenchmarkSearch(b *testing.B) {
	searchtest.Benchmark(b, openTemp(b), 2000)
}
