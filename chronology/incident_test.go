package chronology

import (
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

func TestCheckIncidentDate(t *testing.T) {
	incident := dates.New(2024, 3, 14)
	page := func(doc string, n int, text string) extract.Page {
		return extract.Page{DocumentID: doc, Number: n, Text: text}
	}
	er := func(id string, d dates.Date, visit string) Entry {
		return Entry{ID: id, Date: d, ProviderID: "p-er", VisitType: visit,
			Citations: []extract.Citation{{DocumentID: "d-er", Page: 1, Quote: "ED visit"}}}
	}
	type want struct {
		date   dates.Date
		source string
		pages  int
	}
	tests := []struct {
		name     string
		incident dates.Date
		pages    []extract.Page
		entries  []Entry
		kinds    map[string]string
		want     []want
	}{
		{"no incident date", dates.Date{}, []extract.Page{page("a", 1, "DOI: 03/13/2024")}, nil, nil, nil},
		{"printed DOI agrees", incident, []extract.Page{page("a", 1, "Patient: J. Doe  DOI: 03/14/2024  Claim 123")}, nil, nil, nil},
		{"printed DOI one day off on two pages", incident, []extract.Page{
			page("a", 1, "DOI: 03/13/2024"), page("a", 2, "Date of Injury 3/13/24"), page("b", 4, "date of accident: March 13, 2024")},
			nil, nil, []want{{dates.New(2024, 3, 13), "printed", 3}}},
		{"two disagreeing dates", incident, []extract.Page{
			page("a", 1, "D.O.I.: 03/13/2024"), page("b", 1, "Accident date - 03/12/2024")},
			nil, nil, []want{{dates.New(2024, 3, 13), "printed", 1}, {dates.New(2024, 3, 12), "printed", 1}}},
		{"label without a date nearby", incident, []extract.Page{page("a", 1, "Date of injury unknown to patient; seen 03/13/2024")}, nil, nil, nil},
		{"DOI on the same page twice counts the page once", incident, []extract.Page{page("a", 1, "DOI 03/13/2024 ... DOI 03/13/2024")},
			nil, nil, []want{{dates.New(2024, 3, 13), "printed", 1}}},
		{"ER the day before the incident", incident, nil,
			[]Entry{er("e1", dates.New(2024, 3, 13), "emergency visit"), er("e2", dates.New(2024, 3, 20), "emergency visit")}, nil,
			[]want{{dates.New(2024, 3, 13), "first_care", 1}}},
		{"ER on the incident date", incident, nil, []Entry{er("e1", incident, "emergency visit")}, nil, nil},
		{"EMS by provider kind", incident, nil, []Entry{er("e1", dates.New(2024, 3, 15), "")}, map[string]string{"p-er": "ems"},
			[]want{{dates.New(2024, 3, 15), "first_care", 1}}},
		{"ER years before is history", incident, nil, []Entry{er("e1", dates.New(2019, 6, 1), "emergency visit")}, nil, nil},
		{"office visit is not first care", incident, nil, []Entry{er("e1", dates.New(2024, 3, 13), "office visit")}, nil, nil},
		{"printed agreeing date outweighs the ER date", incident, []extract.Page{page("a", 1, "DOI: 03/14/2024")},
			[]Entry{er("e1", dates.New(2024, 3, 15), "emergency visit")}, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := CheckIncidentDate(tc.incident, tc.pages, tc.entries, tc.kinds)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d findings %+v, want %d", len(got), got, len(tc.want))
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Date != w.date || g.Source != w.source || len(g.Citations) != w.pages {
					t.Errorf("finding %d = %s %s on %d page(s), want %s %s on %d", i, g.Date, g.Source, len(g.Citations), w.date, w.source, w.pages)
				}
				for _, c := range g.Citations {
					if w.source == "printed" && !extract.Grounded(c.Quote, pageOf(tc.pages, c)) {
						t.Errorf("quote %q is not on page %s:%d", c.Quote, c.DocumentID, c.Page)
					}
				}
				if g.Message(tc.incident) == "" {
					t.Error("empty message")
				}
			}
		})
	}
}

func pageOf(ps []extract.Page, c extract.Citation) extract.Page {
	for _, p := range ps {
		if p.DocumentID == c.DocumentID && p.Number == c.Page {
			return p
		}
	}
	return extract.Page{}
}

// TestBuildIncidentFlag: Build raises incident_date flags, citing the
// pages, when the matter's date of incident is a day off from the records
// (a printed "DOI" and the first ER visit), and none when it agrees.
func TestBuildIncidentFlag(t *testing.T) {
	doiPage := "COASTAL ORTHOPAEDICS\nPatient: J. Doe   DOI: 03/10/2023\nClaim no. 44-1"
	tests := []struct {
		name     string
		incident dates.Date
		want     []string // documents cited, in order
	}{
		{"agrees", incident, nil},
		{"one day late", incident.AddDays(1), []string{"doc-doi", "doc-er"}},
		{"none", dates.Date{}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := richMatter()
			m.DateOfIncident = tc.incident
			srcs := append(richSources(), source("doc-doi", "intake.pdf", []extract.Page{textPage("doc-doi", 1, doiPage)}, extract.Result{}))
			c := Build(m, srcs, Options{})
			var got []Flag
			for _, f := range c.Flags {
				if f.Kind == FlagIncidentDate {
					got = append(got, f)
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("%d incident_date flags %+v, want %d", len(got), got, len(tc.want))
			}
			for i, f := range got {
				if len(f.Citations) != 1 || f.Citations[0].DocumentID != tc.want[i] || f.Citations[0].Bates == "" {
					t.Errorf("flag %d cites %+v, want a page of %s with its Bates number", i, f.Citations, tc.want[i])
				}
			}
		})
	}
}
