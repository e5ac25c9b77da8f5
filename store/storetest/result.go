package storetest

import (
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/store"
)

// testResultRoundTrip stores every kind of fact and the extraction's
// patient, usage and page errors, and reads them back.
func testResultRoundTrip(t *testing.T, s store.Store) {
	_, d := addDocument(t, s, newIDs(t), "facts")
	want := sampleResult(d.ID)
	if err := s.PutResult(ctx(t), d.ID, want); err != nil {
		t.Fatal(err)
	}
	got, err := s.Result(ctx(t), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "Result", got, want)
}

// testResultReplace stores a second result over the first: nothing of the
// first is left.
func testResultReplace(t *testing.T, s store.Store) {
	_, d := addDocument(t, s, newIDs(t), "refacts")
	if err := s.PutResult(ctx(t), d.ID, sampleResult(d.ID)); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name string
		r    store.StoredResult
	}{
		{"fewer facts, other extractor", store.StoredResult{Extractor: "rules", Result: extract.Result{
			Encounters: []extract.Encounter{{Date: dates.New(2023, 12, 6), Provider: "Mercy General Hospital",
				Citations: []extract.Citation{{DocumentID: d.ID, Page: 1, Quote: "12/06/2023"}}}},
		}}},
		{"no facts", store.StoredResult{Extractor: "rules"}},
		{"all facts again", sampleResult(d.ID)},
	}
	for _, st := range steps {
		if err := s.PutResult(ctx(t), d.ID, st.r); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		got, err := s.Result(ctx(t), d.ID)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		equal(t, st.name, got, st.r)
	}
}

// testResultBumpsMatters checks that storing facts bumps the version of
// every matter holding the document, and of no other.
func testResultBumpsMatters(t *testing.T, s store.Store) {
	p := newIDs(t)
	m1, d := addDocument(t, s, p, "shared")
	m2 := putMatter(t, s, p.matter("second"))
	other := putMatter(t, s, p.matter("other"))
	again := d
	again.File = "copy.pdf"
	_, data := p.pdf("shared", "shared.pdf")
	if _, err := s.AddDocument(ctx(t), m2, again, data); err != nil {
		t.Fatal(err)
	}
	for round := 1; round <= 2; round++ {
		v1, v2, vo := version(t, s, m1), version(t, s, m2), version(t, s, other)
		if err := s.PutResult(ctx(t), d.ID, sampleResult(d.ID)); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			matter string
			want   int64
		}{{m1, v1 + 1}, {m2, v2 + 1}, {other, vo}} {
			if got := version(t, s, c.matter); got != c.want {
				t.Errorf("round %d: version of %s %d, want %d", round, c.matter, got, c.want)
			}
		}
	}
}
