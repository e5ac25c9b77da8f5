package searchtest

import (
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/search"
)

func testHybridPhraseFirst(t *testing.T, s Store) {
	f := newFixture(t, s)
	m := f.matter("hybrid")
	d1 := f.document(m, "records.pdf", phrasePages...)
	d2 := f.document(m, "more.pdf", ClinicalPages(1, 30)...)
	f.chronology(m, chronology.Entry{ID: "e1", Date: dates.New(2023, 3, 3), Provider: "Lakeside Imaging", VisitType: "MRI",
		Summary: "Lumbar spine MRI: lumbar disc protrusion, lumbar foraminal stenosis, MRI reviewed."})
	svc := f.service()
	f.indexMatter(svc, m, d1, d2)
	hits, err := svc.Search(t.Context(), m, "lumbar MRI", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].Kind != search.KindPage || hits[0].File != "records.pdf" || hits[0].Page != 2 {
		t.Fatalf("Search(lumbar MRI) = %v; want records.pdf p.2 first", keys(hits))
	}
	if len(hits) != 10 {
		t.Errorf("%d hits, want the limit of 10", len(hits))
	}
	for i := 2; i < len(hits); i++ {
		if !hits[i].Exact && hits[i].Score > hits[i-1].Score {
			t.Errorf("hit %d (%s) scores %.4f above hit %d's %.4f", i, where(hits[i]), hits[i].Score, i-1, hits[i-1].Score)
		}
	}
	kinds := map[string]bool{}
	for _, h := range hits {
		kinds[h.Kind] = true
		if h.Snippet == "" {
			t.Errorf("%s has no snippet", where(h))
		}
	}
	if !kinds[search.KindEntry] {
		t.Errorf("no entry among %v", keys(hits))
	}
}

// misspeltPages: the query "radiculopaty" matches no word, only pieces.
var misspeltPages = []string{
	"Right knee contusion. Ice, rest and elevation advised.",
	"Assessment: cervical radiculopathy at C5-C6 with numbness of the left hand.",
	"Headache and dizziness since the collision; no loss of consciousness.",
}

func testHybridMisspelt(t *testing.T, s Store) {
	f := newFixture(t, s)
	m := f.matter("typo")
	d := f.document(m, "notes.pdf", misspeltPages...)
	svc := f.service()
	f.indexMatter(svc, m, d)
	if hits, err := s.SearchText(t.Context(), m, "radiculopaty", 5); err != nil || len(hits) != 0 {
		t.Fatalf("SearchText = %v, %v; the misspelling should match no word", keys(hits), err)
	}
	hits, err := svc.Search(t.Context(), m, "radiculopaty", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].Page != 2 {
		t.Errorf("Search(radiculopaty) = %v; want notes.pdf p.2 first, found by its vector", keys(hits))
	}
}

// renamed is an embedder that claims another model name.
type renamed struct {
	search.Embedder
	model string
}

func (r renamed) Model() string { return r.model }

func testHybridStale(t *testing.T, s Store) {
	f := newFixture(t, s)
	m := f.matter("stale")
	d := f.document(m, "notes.pdf", misspeltPages...)
	svc := f.service()
	if stale, err := svc.Stale(t.Context(), m); err != nil || stale {
		t.Errorf("Stale before indexing = %v, %v; want false", stale, err)
	}
	f.indexMatter(svc, m, d)
	if stale, err := svc.Stale(t.Context(), m); err != nil || stale {
		t.Errorf("Stale after indexing = %v, %v; want false", stale, err)
	}
	other := &search.Service{Index: s, Embedder: renamed{search.Local{}, "local-hash-v0"}}
	if stale, err := other.Stale(t.Context(), m); err != nil || !stale {
		t.Errorf("Stale with another model = %v, %v; want true", stale, err)
	}
	// Vectors of another model are never compared: only words match.
	if hits, err := other.Search(t.Context(), m, "radiculopaty", 5); err != nil || len(hits) != 0 {
		t.Errorf("Search with another model = %v, %v; want no hits", keys(hits), err)
	}
	// Re-embedding with the new model makes the matter current.
	pages, err := s.PageTexts(t.Context(), d)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.IndexDocument(t.Context(), d, pages); err != nil {
		t.Fatal(err)
	}
	if stale, err := other.Stale(t.Context(), m); err != nil || stale {
		t.Errorf("Stale after re-embedding = %v, %v; want false", stale, err)
	}
}
