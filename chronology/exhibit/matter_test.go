package exhibit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// TestMatterDocs: the chronology's numbered documents in order, each under
// the provider of its earliest dated citing entry; an unnumbered document
// is left out; Load reads by the document's id.
func TestMatterDocs(t *testing.T) {
	cite := func(doc string) []extract.Citation { return []extract.Citation{{DocumentID: doc, Page: 1}} }
	c := chronology.Chronology{
		Documents: []chronology.Document{
			{Document: extract.Document{ID: "d1", File: "er.pdf", Pages: 2}, BatesFirst: "MC000001", BatesLast: "MC000002"},
			{Document: extract.Document{ID: "d2", File: "blank.pdf"}},
			{Document: extract.Document{ID: "d3", File: "pt.pdf", Pages: 1}, BatesFirst: "MC000003", BatesLast: "MC000003"},
		},
		Entries: []chronology.Entry{
			{ID: "e2", Date: dates.New(2024, 3, 9), Provider: "Later Clinic", Citations: cite("d1")},
			{ID: "e1", Date: dates.New(2024, 3, 1), Provider: "Saint Mary's", Citations: cite("d1")},
			{ID: "e3", Provider: "Undated PT", Citations: cite("d3")},
		},
	}
	var loaded []string
	docs := MatterDocs(c, Sources{Load: func(id string) ([]byte, error) { loaded = append(loaded, id); return nil, nil }})
	if len(docs) != 2 || docs[0].File != "er.pdf" || docs[1].File != "pt.pdf" {
		t.Fatalf("docs = %+v", docs)
	}
	if docs[0].Provider != "Saint Mary's" || docs[1].Provider != "Undated PT" {
		t.Errorf("providers %q, %q", docs[0].Provider, docs[1].Provider)
	}
	for _, d := range docs {
		d.Load()
	}
	if len(loaded) != 2 || loaded[0] != "d1" || loaded[1] != "d3" {
		t.Errorf("loaded %q", loaded)
	}
	// Bookmarks per encounter, on the page of its first citation, in page
	// order; another provider's encounter in the packet names it; a
	// rejected entry has none.
	c.Entries = append(c.Entries, chronology.Entry{ID: "e4", Date: dates.New(2024, 3, 2), Provider: "Saint Mary's", VisitType: "imaging",
		Citations: []extract.Citation{{DocumentID: "d1", Page: 2}}}, chronology.Entry{ID: "e5", Date: dates.New(2024, 3, 3), Review: chronology.ReviewRejected, Citations: cite("d1")})
	c.Entries[0].VisitType = "follow-up"
	docs = MatterDocs(c, Sources{})
	want := []Mark{{"2024-03-01", 1}, {"2024-03-09 follow-up, Later Clinic", 1}, {"2024-03-02 imaging", 2}}
	if fmt.Sprint(docs[0].Marks) != fmt.Sprint(want) {
		t.Errorf("marks %+v, want %+v", docs[0].Marks, want)
	}
	if fmt.Sprint(docs[1].Marks) != fmt.Sprint([]Mark{{"undated", 1}}) {
		t.Errorf("undated document's marks %+v", docs[1].Marks)
	}
	if _, err := WriteMatter(context.Background(), io.Discard, chronology.Chronology{}, Sources{}); !errors.Is(err, ErrNoDocuments) {
		t.Errorf("empty matter: %v", err)
	}
}
