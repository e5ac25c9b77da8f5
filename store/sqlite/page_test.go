package sqlite_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/store"
)

// TestPutPagesMany stores more pages than one insert statement holds, one
// of them twice in the same call (the later wins, as row by row), and
// reads back every page and its full-text row.
func TestPutPagesMany(t *testing.T) {
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
	const n = 250
	var pages []extract.Page
	for i := 1; i <= n; i++ {
		pages = append(pages, extract.Page{DocumentID: doc, Number: i, Source: extract.SourceText, Text: fmt.Sprintf("page %d text", i),
			Words: []extract.Word{{Text: "page", Box: extract.Box{X0: 1, Y0: 2, X1: 3, Y1: 4}}}, Width: 612, Height: 792})
	}
	twice := pages[4]
	twice.Text = "page five again"
	if err := s.PutPages(ctx, append(pages, twice)); err != nil {
		t.Fatal(err)
	}
	pages[4] = twice
	got, err := s.Pages(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, pages) {
		t.Fatalf("read %d pages back, not the %d stored", len(got), len(pages))
	}
	var rows int
	if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM pages_fts`).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if rows != n {
		t.Errorf("%d rows in pages_fts, want %d", rows, n)
	}
	if err := s.PutPendingPages(ctx, doc, []int{1, n + 1, n + 2}); err != nil {
		t.Fatal(err)
	}
	if pending, err := s.PendingPages(ctx, doc); err != nil || !reflect.DeepEqual(pending, []int{n + 1, n + 2}) {
		t.Errorf("PendingPages = %v, %v; want [%d %d]", pending, err, n+1, n+2)
	}
}
