package eval

import (
	"bytes"
	"strings"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/fixture"
)

func date(t *testing.T, s string) dates.Date {
	t.Helper()
	d, err := dates.ParseISO(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCompareAndTotal(t *testing.T) {
	truth := fixture.Truth{
		Providers: []fixture.Provider{{Name: "Mercy General Hospital", Aliases: []string{"MERCY GENERAL"}}},
		Encounters: []fixture.Encounter{
			{Date: date(t, "2023-03-14"), Provider: "Mercy General Hospital", Diagnoses: []string{"S13.4XXA"}, Pages: []int{1}},
			{Date: date(t, "2023-03-20"), Provider: "Mercy General Hospital", Pages: []int{2}},
		},
		Bills:    []fixture.Bill{{Date: date(t, "2023-03-14"), Code: "99284", Charge: 1250}},
		Specials: fixture.Specials{Total: 1250},
	}
	c := chronology.Chronology{
		Providers: []chronology.Provider{{ID: "p1", Name: "MERCY GENERAL"}},
		Entries: []chronology.Entry{
			{Date: date(t, "2023-03-14"), ProviderID: "p1", Provider: "MERCY GENERAL", Grounded: true,
				Diagnoses: []extract.Coded{{Code: "S13.4XXA"}, {Code: "M54.2"}}, Citations: []extract.Citation{{Page: 1}}},
			{Date: date(t, "2023-04-01"), ProviderID: "p1", Provider: "MERCY GENERAL"},
		},
		Bills:    []chronology.Bill{{Date: date(t, "2023-03-14"), Code: "99284", Charge: 1250}},
		Specials: chronology.Specials{TotalCharges: 1250},
	}
	r := Compare(c, truth)
	tests := []struct {
		field      string
		tp, fp, fn int
	}{
		{"encounters", 1, 1, 1},
		{"icd10", 1, 1, 0},
		{"bill_lines", 1, 0, 0},
		{"providers", 1, 0, 0},
	}
	for _, tt := range tests {
		s := r.Field(tt.field)
		if s.TP != tt.tp || s.FP != tt.fp || s.FN != tt.fn {
			t.Errorf("%s: TP/FP/FN %d/%d/%d, want %d/%d/%d", tt.field, s.TP, s.FP, s.FN, tt.tp, tt.fp, tt.fn)
		}
	}
	if !r.SpecialsExact() || r.Entries != 2 || r.GroundedEntries != 1 {
		t.Errorf("exact %v, entries %d/%d", r.SpecialsExact(), r.GroundedEntries, r.Entries)
	}

	// A second file that finds everything: the total sums the counts.
	perfect := Report{Scores: []Score{{Field: "encounters", TP: 8}, {Field: "icd10", TP: 3}}, Entries: 8, GroundedEntries: 8,
		SpecialsTotal: 10, TruthTotal: 10.5, Grounding: Grounding{Checked: 4, NotOnPage: 1}}
	tot := Total([]Report{r, perfect})
	if s := tot.Field("encounters"); s.TP != 9 || s.FP != 1 || s.FN != 1 {
		t.Errorf("total encounters %+v", s)
	}
	if got, want := tot.Field("encounters").F1(), 0.9; got < want-1e-9 || got > want+1e-9 {
		t.Errorf("total encounters F1 %.4f, want %.4f", got, want)
	}
	if tot.GroundedShare != 0.9 || tot.Grounding.NotOnPage != 1 || tot.SpecialsTotal != 1260 || tot.SpecialsExact() {
		t.Errorf("total: share %.2f, not on page %d, specials %.2f/%.2f", tot.GroundedShare, tot.Grounding.NotOnPage, tot.SpecialsTotal, tot.TruthTotal)
	}
}

func TestCheckGrounding(t *testing.T) {
	page := extract.Page{DocumentID: "d", Number: 1, Source: extract.SourceText, Text: "Date of Service: 03/14/2023\nTOTAL CHARGES $1,250.00"}
	lookup := func(doc string, n int) (extract.Page, bool) {
		if doc == "d" && n == 1 {
			return page, true
		}
		return extract.Page{}, false
	}
	cite := func(doc string, n int, q string) []extract.Citation {
		return []extract.Citation{{DocumentID: doc, Page: n, Quote: q}}
	}
	cases := []struct {
		name               string
		c                  chronology.Chronology
		checked, notOnPage int
	}{
		{"grounded entry", chronology.Chronology{Entries: []chronology.Entry{{Grounded: true, Citations: cite("d", 1, "Date of Service: 03/14/2023")}}}, 1, 0},
		{"invented quote marked verified", chronology.Chronology{Bills: []chronology.Bill{{Grounded: true, Citations: cite("d", 1, "TOTAL CHARGES $1,000,000")}}}, 1, 1},
		{"unknown page", chronology.Chronology{Entries: []chronology.Entry{{Grounded: true, Citations: cite("d", 2, "Date of Service")}}}, 1, 1},
		{"unverified is not counted", chronology.Chronology{Bills: []chronology.Bill{{Grounded: false, Citations: cite("d", 1, "invented")}}}, 0, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := CheckGrounding(tc.c, lookup)
			if g.Checked != tc.checked || g.NotOnPage != tc.notOnPage {
				t.Errorf("checked %d, not on page %d; want %d, %d", g.Checked, g.NotOnPage, tc.checked, tc.notOnPage)
			}
			for _, ex := range g.Examples {
				if strings.Contains(ex, "CHARGES") || strings.Contains(ex, "Service") {
					t.Errorf("example %q holds page text", ex)
				}
			}
		})
	}
}

func TestWriteRuns(t *testing.T) {
	r := Report{Scores: []Score{{Field: "encounters", TP: 2, FN: 2}}, SpecialsTotal: 5, TruthTotal: 5, Entries: 2, GroundedEntries: 2, Grounding: Grounding{Checked: 3}}
	var buf bytes.Buffer
	WriteRuns(&buf, []Run{{Name: "a.pdf", Extractor: "rules", Pages: 3, Report: r}, {Name: "b.pdf", Extractor: "rules", Err: errTest}})
	out := buf.String()
	for _, want := range []string{"| a.pdf | rules | 3 | 0.0 | 0.667 |", "| b.pdf | rules | 0 | 0.0 | failed: boom |", "micro-averaged over 1 file(s)", "specials total exact in 1 of 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

type testErr string

func (e testErr) Error() string { return string(e) }

const errTest = testErr("boom")

// TestCompareUndated: a record without a date of service is scored as an
// undated entry (provider + a cited page of the record), never as a missed
// encounter.
func TestCompareUndated(t *testing.T) {
	truth := fixture.Truth{
		Providers: []fixture.Provider{{Name: "Lakeside PT"}, {Name: "Mercy General Hospital"}},
		Encounters: []fixture.Encounter{
			{Date: date(t, "2023-03-14"), Provider: "Mercy General Hospital", Pages: []int{1}},
			{Undated: true, Provider: "Lakeside PT", Pages: []int{4, 5}},
			{Undated: true, Provider: "Lakeside PT", Pages: []int{7}},
		},
	}
	c := chronology.Chronology{
		Providers: []chronology.Provider{{ID: "p1", Name: "Mercy General Hospital"}, {ID: "p2", Name: "Lakeside PT"}},
		Entries: []chronology.Entry{
			{Date: date(t, "2023-03-14"), ProviderID: "p1", Provider: "Mercy General Hospital", Citations: []extract.Citation{{Page: 1}}},
		},
		UndatedEntries: []chronology.Entry{
			{ProviderID: "p2", Provider: "Lakeside PT", Citations: []extract.Citation{{Page: 5}}}, // the first record, cited on its second page
			{ProviderID: "p1", Provider: "Mercy General Hospital", Citations: []extract.Citation{{Page: 9}}},
		},
	}
	r := Compare(c, truth)
	if s := r.Field("encounters"); s.TP != 1 || s.FP != 0 || s.FN != 0 {
		t.Errorf("encounters TP/FP/FN %d/%d/%d, want 1/0/0", s.TP, s.FP, s.FN)
	}
	if s := r.Field("undated_entries"); s.TP != 1 || s.FP != 1 || s.FN != 1 {
		t.Errorf("undated_entries TP/FP/FN %d/%d/%d, want 1/1/1 (missed %v, extra %v)", s.TP, s.FP, s.FN, s.Missed, s.Extra)
	}
}

// TestScorePages: every page of a record should be cited, and no other.
func TestScorePages(t *testing.T) {
	cite := func(pages ...int) []extract.Citation {
		var cs []extract.Citation
		for _, p := range pages {
			cs = append(cs, extract.Citation{DocumentID: "d", Page: p, Quote: "q"})
		}
		return cs
	}
	tests := []struct {
		name       string
		cited      []extract.Citation
		want       []int
		tp, fp, fn int
	}{
		{"first page only", cite(3, 3), []int{3, 4, 5}, 1, 0, 2},
		{"every page", cite(3, 5, 4), []int{3, 4, 5}, 3, 0, 0},
		{"a page of another record", cite(3, 6), []int{3}, 1, 1, 0},
	}
	for _, tt := range tests {
		tp, fp, fn := scorePages(tt.cited, tt.want, 0, 0, 0)
		if tp != tt.tp || fp != tt.fp || fn != tt.fn {
			t.Errorf("%s: %d %d %d", tt.name, tp, fp, fn)
		}
	}
}
