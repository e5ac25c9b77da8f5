package storetest

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/store"
)

// withoutWords is pages as PageTexts returns them.
func withoutWords(pages []extract.Page) []extract.Page {
	out := make([]extract.Page, len(pages))
	for i, p := range pages {
		p.Words = nil
		out[i] = p
	}
	return out
}

// testPages stores pages out of order and reads them back in page order,
// with and without their words.
func testPages(t *testing.T, s store.Store) {
	_, d := addDocument(t, s, newIDs(t), "pages")
	want := samplePages(d.ID)
	if err := s.PutPages(ctx(t), []extract.Page{want[2], want[0], want[1]}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Pages(ctx(t), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "Pages", got, want)
	texts, err := s.PageTexts(ctx(t), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "PageTexts", texts, withoutWords(want))
	for _, w := range want {
		one, err := s.Page(ctx(t), d.ID, w.Number)
		if err != nil {
			t.Fatalf("Page %d: %v", w.Number, err)
		}
		equal(t, fmt.Sprintf("Page %d", w.Number), one, w)
	}
	between, err := s.PagesBetween(ctx(t), d.ID, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "PagesBetween 2-3", between, want[1:3])
	if past, err := s.PagesBetween(ctx(t), d.ID, 4, 9); err != nil || len(past) != 0 {
		t.Errorf("PagesBetween 4-9 of a 3-page document: %d pages, %v; want none", len(past), err)
	}
	if _, err := s.Page(ctx(t), d.ID, 99); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Page 99 of a 3-page document: %v, want ErrNotFound", err)
	}
	if err := s.PutPages(ctx(t), nil); err != nil {
		t.Errorf("PutPages of no pages: %v", err)
	}
}

// testPendingPages records pages waiting for OCR around pages already read.
func testPendingPages(t *testing.T, s store.Store) {
	_, d := addDocument(t, s, newIDs(t), "pending")
	read := samplePages(d.ID)
	if err := s.PutPages(ctx(t), []extract.Page{read[1]}); err != nil { // page 2 has text
		t.Fatal(err)
	}
	if err := s.PutPendingPages(ctx(t), d.ID, []int{4, 1, 2, 3}); err != nil {
		t.Fatal(err)
	}
	// Recording them twice changes nothing.
	if err := s.PutPendingPages(ctx(t), d.ID, []int{1, 2}); err != nil {
		t.Fatal(err)
	}
	pending, err := s.PendingPages(ctx(t), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "PendingPages", pending, []int{1, 3, 4})
	got, err := s.Pages(ctx(t), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	waiting := func(n int) extract.Page { return extract.Page{DocumentID: d.ID, Number: n} }
	equal(t, "Pages with pending ones", got, []extract.Page{waiting(1), read[1], waiting(3), waiting(4)})

	// OCR results replace pending pages one by one.
	steps := []struct {
		page    extract.Page
		pending []int
	}{
		{read[0], []int{3, 4}},
		{read[2], []int{4}},
		{extract.Page{DocumentID: d.ID, Number: 4, Source: extract.SourceEmpty, Width: 612, Height: 792}, nil},
	}
	for _, st := range steps {
		if err := s.PutPages(ctx(t), []extract.Page{st.page}); err != nil {
			t.Fatal(err)
		}
		pending, err := s.PendingPages(ctx(t), d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(pending, st.pending) {
			t.Errorf("PendingPages after page %d = %v, want %v", st.page.Number, pending, st.pending)
		}
	}
	got, err = s.Pages(ctx(t), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "Pages after OCR", got, append(read, steps[2].page))
	// A page once read is not turned back into a pending one.
	if err := s.PutPendingPages(ctx(t), d.ID, []int{1, 2, 3, 4}); err != nil {
		t.Fatal(err)
	}
	if pending, err := s.PendingPages(ctx(t), d.ID); len(pending) != 0 || err != nil {
		t.Errorf("PendingPages after re-recording read pages = %v, %v; want none", pending, err)
	}
}

// testPagesReplace replaces a page's text and words.
func testPagesReplace(t *testing.T, s store.Store) {
	_, d := addDocument(t, s, newIDs(t), "replace")
	first := samplePages(d.ID)
	if err := s.PutPages(ctx(t), first); err != nil {
		t.Fatal(err)
	}
	// Page 1 read again by OCR, page 2 found empty: the old words go.
	again := []extract.Page{
		{DocumentID: d.ID, Number: 1, Source: extract.SourceOCR, Text: "Mercy General Hospital",
			Words: wordsOf(0, 71, 93, "Mercy", "General", "Hospital"), Width: 612, Height: 792, Confidence: 93},
		{DocumentID: d.ID, Number: 2, Source: extract.SourceEmpty},
	}
	if err := s.PutPages(ctx(t), again); err != nil {
		t.Fatal(err)
	}
	got, err := s.Pages(ctx(t), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "Pages after replacing", got, []extract.Page{again[0], again[1], first[2]})
}
