package searchtest

import (
	"math"
	"slices"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/search"
)

func putPageVectors(t *testing.T, s Store, doc, model string, vecs map[int][]float32) {
	t.Helper()
	if err := s.PutPageVectors(t.Context(), doc, model, vecs); err != nil {
		t.Fatalf("PutPageVectors: %v", err)
	}
}

func searchVectors(t *testing.T, s Store, matter, model string, q []float32, limit int) []search.Hit {
	t.Helper()
	hits, err := s.SearchVectors(t.Context(), matter, model, q, limit)
	if err != nil {
		t.Fatalf("SearchVectors: %v", err)
	}
	return hits
}

func testVectorsRank(t *testing.T, s Store) {
	f := newFixture(t, s)
	m := f.matter("rank")
	d := f.document(m, "imaging.pdf", "MRI lumbar spine.", "X-ray of the knee.", "Billing statement.")
	putPageVectors(t, s, d, "test-4", map[int][]float32{1: {1, 0, 0, 0}, 2: {0.8, 0.6, 0, 0}, 3: {0, 0, 1, 0}})
	hits := searchVectors(t, s, m, "test-4", []float32{2, 0, 0, 0}, 10)
	if got, want := keys(hits), []string{"imaging.pdf p.1", "imaging.pdf p.2"}; !slices.Equal(got, want) {
		t.Fatalf("hits %v, want %v (a vector at right angles is no match)", got, want)
	}
	if math.Abs(hits[0].Score-1) > 1e-6 || math.Abs(hits[1].Score-0.8) > 1e-6 {
		t.Errorf("scores %.4f, %.4f; want cosine 1 and 0.8", hits[0].Score, hits[1].Score)
	}
	if hits[0].Snippet != "MRI lumbar spine." || hits[0].DocumentID != d || hits[0].Kind != search.KindPage {
		t.Errorf("hit %+v: want the page's text as snippet", hits[0])
	}
	if got := searchVectors(t, s, m, "test-4", []float32{2, 0, 0, 0}, 1); len(got) != 1 {
		t.Errorf("limit 1: %d hits", len(got))
	}
	if got := searchVectors(t, s, m, "test-4", []float32{0, 0, 0, 0}, 10); len(got) != 0 {
		t.Errorf("zero query vector: %v, want no hits", keys(got))
	}
}

func testVectorsModelScope(t *testing.T, s Store) {
	f := newFixture(t, s)
	m := f.matter("models")
	d := f.document(m, "notes.pdf", "one", "two")
	putPageVectors(t, s, d, "model-a", map[int][]float32{1: {1, 0, 0, 0}, 2: {0, 1, 0, 0}})
	putPageVectors(t, s, d, "model-b", map[int][]float32{1: {0, 1, 0}, 2: {1, 0, 0}})
	tests := []struct {
		model string
		q     []float32
		want  []string
	}{
		{"model-a", []float32{1, 0, 0, 0}, []string{"notes.pdf p.1"}},
		{"model-b", []float32{1, 0, 0}, []string{"notes.pdf p.2"}},
		{"model-a", []float32{1, 0, 0}, nil}, // other dimension: never compared
		{"model-c", []float32{1, 0, 0, 0}, nil},
	}
	for _, tc := range tests {
		if got := keys(searchVectors(t, s, m, tc.model, tc.q, 10)); !slices.Equal(got, tc.want) {
			t.Errorf("%s %v: hits %v, want %v", tc.model, tc.q, got, tc.want)
		}
	}
	models, err := s.VectorModels(t.Context(), m)
	if err != nil || !slices.Equal(models, []string{"model-a", "model-b"}) {
		t.Errorf("VectorModels = %v, %v; want [model-a model-b]", models, err)
	}
	if models, err := s.VectorModels(t.Context(), f.matter("empty")); err != nil || len(models) != 0 {
		t.Errorf("VectorModels of an empty matter = %v, %v", models, err)
	}
}

func testVectorsMatterScope(t *testing.T, s Store) {
	f := newFixture(t, s)
	a, b := f.matter("a"), f.matter("b")
	da := f.document(a, "a.pdf", "alpha")
	db := f.document(b, "b.pdf", "beta")
	v := map[int][]float32{1: {1, 1}}
	putPageVectors(t, s, da, "m", v)
	putPageVectors(t, s, db, "m", v)
	f.chronology(b, chronology.Entry{ID: "eb", Provider: "B Clinic"})
	if err := s.PutEntryVectors(t.Context(), b, "m", map[string][]float32{"eb": {1, 1}}); err != nil {
		t.Fatal(err)
	}
	if got := keys(searchVectors(t, s, a, "m", []float32{1, 1}, 10)); !slices.Equal(got, []string{"a.pdf p.1"}) {
		t.Errorf("matter a: %v, want only a.pdf p.1", got)
	}
	got := keys(searchVectors(t, s, b, "m", []float32{1, 1}, 10))
	slices.Sort(got)
	if !slices.Equal(got, []string{"b.pdf p.1", "entry eb"}) {
		t.Errorf("matter b: %v, want b.pdf p.1 and entry eb", got)
	}
	if models, _ := s.VectorModels(t.Context(), a); !slices.Equal(models, []string{"m"}) {
		t.Errorf("VectorModels(a) = %v", models)
	}
}

func testVectorsReplace(t *testing.T, s Store) {
	f := newFixture(t, s)
	m := f.matter("replace")
	d := f.document(m, "r.pdf", "one", "two", "three")
	putPageVectors(t, s, d, "m1", map[int][]float32{1: {1, 0}, 2: {1, 0.1}})
	putPageVectors(t, s, d, "m2", map[int][]float32{1: {1, 0}})
	putPageVectors(t, s, d, "m1", map[int][]float32{3: {1, 0}})
	if got := keys(searchVectors(t, s, m, "m1", []float32{1, 0}, 10)); !slices.Equal(got, []string{"r.pdf p.3"}) {
		t.Errorf("m1 after replace: %v, want only p.3", got)
	}
	if got := keys(searchVectors(t, s, m, "m2", []float32{1, 0}, 10)); !slices.Equal(got, []string{"r.pdf p.1"}) {
		t.Errorf("m2 after replacing m1: %v, want p.1 untouched", got)
	}
	putPageVectors(t, s, d, "m2", nil)
	if got := searchVectors(t, s, m, "m2", []float32{1, 0}, 10); len(got) != 0 {
		t.Errorf("m2 after replacing with none: %v", keys(got))
	}
}

func testVectorsEntries(t *testing.T, s Store) {
	f := newFixture(t, s)
	m := f.matter("entries")
	e1 := chronology.Entry{ID: "e1", Date: dates.New(2023, 5, 9), Provider: "Lakeside Imaging", VisitType: "MRI", Summary: "MRI lumbar spine: L4-L5 protrusion."}
	e2 := chronology.Entry{ID: "e2", Provider: "Harbor PT", Summary: "Therapeutic exercise."}
	f.chronology(m, e1, e2)
	vecs := map[string][]float32{"e1": {1, 0}, "e2": {0.6, 0.8}, "gone": {1, 0}}
	if err := s.PutEntryVectors(t.Context(), m, "m", vecs); err != nil {
		t.Fatal(err)
	}
	hits := searchVectors(t, s, m, "m", []float32{1, 0}, 10)
	if got := keys(hits); !slices.Equal(got, []string{"entry e1", "entry e2"}) {
		t.Fatalf("hits %v, want e1, e2 (a vector of an entry no longer in the chronology is never returned)", got)
	}
	h := hits[0]
	if h.Kind != search.KindEntry || h.Date != "2023-05-09" || h.Provider != "Lakeside Imaging" || h.Snippet != search.Snippet(search.EntryText(e1)) {
		t.Errorf("entry hit %+v", h)
	}
	if hits[1].Date != "" {
		t.Errorf("undated entry: date %q", hits[1].Date)
	}
	if err := s.PutEntryVectors(t.Context(), m, "m", map[string][]float32{"e2": {1, 0}}); err != nil {
		t.Fatal(err)
	}
	if got := keys(searchVectors(t, s, m, "m", []float32{1, 0}, 10)); !slices.Equal(got, []string{"entry e2"}) {
		t.Errorf("after replace: %v, want only e2", got)
	}
}
