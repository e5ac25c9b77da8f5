package chronology

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

func flagsOf(c Chronology, kind string) []Flag {
	var out []Flag
	for _, f := range c.Flags {
		if f.Kind == kind {
			out = append(out, f)
		}
	}
	return out
}

func TestBuildRich(t *testing.T) {
	c := Build(richMatter(), richSources(), Options{})

	t.Run("documents and bates", func(t *testing.T) {
		want := [][2]string{{"MC000001", "MC000003"}, {"MC000004", "MC000004"}, {"MC000005", "MC000008"}, {"MC000009", "MC000011"}}
		for i, d := range c.Documents {
			if [2]string{d.BatesFirst, d.BatesLast} != want[i] {
				t.Errorf("%s bates %s–%s, want %v", d.ID, d.BatesFirst, d.BatesLast, want[i])
			}
		}
		ps := c.Documents[2].PageSources
		if !slices.Equal(ps, []extract.PageSource{"text", "ocr", "error", "text"}) {
			t.Errorf("page sources %v", ps)
		}
		if c.Matter.Client != "Jane Roe" || c.Matter.GapDays != 30 || c.Schema != SchemaVersion {
			t.Errorf("matter %+v schema %q", c.Matter, c.Schema)
		}
	})

	t.Run("providers", func(t *testing.T) {
		var names []string
		for _, p := range c.Providers {
			names = append(names, p.Name)
		}
		want := []string{"Advanced Physical Therapy", "Coastal Orthopaedics", "Saint Mary's Regional Medical Center",
			"Valley Ambulance Service", "Valley Family Medicine"}
		if !slices.Equal(names, want) {
			t.Errorf("providers %q\nwant %q", names, want)
		}
	})

	t.Run("entries merged and ordered", func(t *testing.T) {
		var got []string
		for _, e := range c.Entries {
			got = append(got, e.Date.String()+" "+e.Provider)
		}
		want := []string{"2022-06-01 Valley Family Medicine", "2023-03-10 Saint Mary's Regional Medical Center",
			"2023-04-20 Coastal Orthopaedics", "2023-04-25 Advanced Physical Therapy"}
		if !slices.Equal(got, want) {
			t.Fatalf("entries %q\nwant %q", got, want)
		}
		er := c.Entries[1]
		if len(er.Diagnoses) != 2 || len(er.Procedures) != 1 || er.Findings == "" || er.PainScore == nil || *er.PainScore != 8 {
			t.Errorf("ER entry not merged: %+v", er)
		}
		if len(er.Citations) != 3 || er.Citations[0].Bates != "MC000001" || er.Citations[2].Bates != "MC000002" {
			t.Errorf("ER citations %+v", er.Citations)
		}
		for _, cit := range er.Citations {
			if cit.DocumentID == "doc-bundle" {
				t.Errorf("ER entry cites the duplicate page: %+v", cit)
			}
		}
		if !strings.HasPrefix(er.Summary, "Emergency visit at Saint Mary's Regional Medical Center") ||
			!strings.Contains(er.Summary, "(pain 8/10)") || !strings.Contains(er.Summary, "(S13.4XXA)") {
			t.Errorf("summary %q", er.Summary)
		}
		if er.Review != ReviewUnreviewed || er.Extractor != "rules" || !strings.HasPrefix(er.ID, "ent-") {
			t.Errorf("ER metadata %+v", er)
		}
	})

	t.Run("verification", func(t *testing.T) {
		for _, e := range c.Entries {
			wantOK := e.Provider != "Coastal Orthopaedics"
			if e.Grounded != wantOK {
				t.Errorf("%s %s verified=%v", e.Date, e.Provider, e.Grounded)
			}
		}
		fs := flagsOf(c, FlagUngrounded)
		if len(fs) != 1 || fs[0].EntryIDs[0] != c.Entries[2].ID || len(fs[0].Citations) != 1 ||
			!strings.Contains(fs[0].Citations[0].Quote, "denies") {
			t.Errorf("unverified flags %+v", fs)
		}
	})

	t.Run("pre-incident", func(t *testing.T) {
		if !c.Entries[0].PreIncident || c.Entries[1].PreIncident {
			t.Errorf("pre_incident %v %v", c.Entries[0].PreIncident, c.Entries[1].PreIncident)
		}
		fs := flagsOf(c, FlagPreExisting)
		if len(fs) != 1 || !strings.Contains(fs[0].Message, "lumbar") || fs[0].EntryIDs[0] != c.Entries[0].ID ||
			fs[0].Citations[0].DocumentID != "doc-pcp" {
			t.Errorf("pre_existing flags %+v", fs)
		}
	})

	t.Run("gaps", func(t *testing.T) {
		if len(c.Gaps) != 1 || c.Gaps[0].Days != 41 || c.Gaps[0].AfterEntryID != c.Entries[1].ID || c.Gaps[0].BeforeEntryID != c.Entries[2].ID {
			t.Errorf("gaps %+v", c.Gaps)
		}
	})

	t.Run("duplicates", func(t *testing.T) {
		want := []Duplicate{
			{DocumentID: "doc-bundle", Page: 1, DuplicateOf: PageRef{"doc-er", 1}, Similarity: 1},
			{DocumentID: "doc-bundle", Page: 2, DuplicateOf: PageRef{"doc-er", 3}, Similarity: 1},
		}
		if !slices.Equal(c.Duplicates, want) {
			t.Errorf("duplicates %+v", c.Duplicates)
		}
	})

	t.Run("bills and specials", func(t *testing.T) {
		if len(c.Bills) != 4 {
			t.Fatalf("%d bills, want 4 (duplicate page lines dropped): %+v", len(c.Bills), c.Bills)
		}
		if c.Specials.TotalCharges != 3860.55 || c.Specials.TotalPaid == nil || *c.Specials.TotalPaid != 900 {
			t.Errorf("specials %+v", c.Specials)
		}
		var by []string
		for _, p := range c.Specials.ByProvider {
			by = append(by, p.Provider)
		}
		if !slices.Equal(by, []string{"Saint Mary's Regional Medical Center", "Valley Ambulance Service", "Coastal Orthopaedics"}) ||
			c.Specials.ByProvider[0].Charges != 1560.55 {
			t.Errorf("by provider %+v", c.Specials.ByProvider)
		}
		fs := flagsOf(c, FlagBillTotalMismatch)
		if len(fs) != 1 || fs[0].Citations[0].DocumentID != "doc-ortho" || !strings.Contains(fs[0].Message, "$525.00") {
			t.Errorf("total mismatch flags %+v", fs)
		}
		var totals []string
		for _, bt := range c.BillTotals {
			s := fmt.Sprintf("%s %s %v", bt.Provider, bt.Kind, bt.Total)
			if bt.Reconciled != nil {
				s += fmt.Sprintf(" %v %v", *bt.LinesTotal, *bt.Reconciled)
			}
			totals = append(totals, s)
		}
		want := []string{"Saint Mary's Regional Medical Center charges 1560.55 1560.55 true",
			"Coastal Orthopaedics charges 525 425 false", "Coastal Orthopaedics balance 500"}
		if !slices.Equal(totals, want) {
			t.Errorf("bill totals %q\nwant %q", totals, want)
		}
		fs = flagsOf(c, FlagBillWithoutRecord)
		if len(fs) != 1 || !strings.Contains(fs[0].Message, "Valley Ambulance Service") || fs[0].Citations[0].Bates != "MC000011" {
			t.Errorf("bill without record %+v", fs)
		}
	})

	t.Run("missing records", func(t *testing.T) {
		fs := flagsOf(c, FlagMissingRecords)
		if len(fs) != 1 || !strings.Contains(fs[0].Message, "MRI lumbar spine") ||
			!strings.Contains(fs[0].Citations[0].Quote, "MRI") {
			t.Errorf("missing records %+v", fs)
		}
	})

	t.Run("page flags", func(t *testing.T) {
		low := flagsOf(c, FlagLowOCRConfidence)
		if len(low) != 1 || low[0].Citations[0].Page != 2 || low[0].Citations[0].Bates != "MC000006" {
			t.Errorf("low OCR %+v", low)
		}
		bad := flagsOf(c, FlagPageError)
		if len(bad) != 1 || bad[0].Citations[0].Page != 3 || !strings.Contains(bad[0].Citations[0].Quote, "broken content stream") {
			t.Errorf("page error %+v", bad)
		}
	})

	if c.Usage == nil || c.Usage.PromptTokens != 10 {
		t.Errorf("usage %+v", c.Usage)
	}
}

func TestBuildDoesNotModifySources(t *testing.T) {
	srcs := richSources()
	Build(richMatter(), srcs, Options{})
	if b := srcs[0].Result.Encounters[0].Citations[0].Bates; b != "" {
		t.Errorf("Build wrote Bates %q into its input", b)
	}
	if srcs[0].Document.BatesFirst != "" || srcs[0].Document.PageSources != nil {
		t.Error("Build modified the input documents")
	}
}

func TestBuildIdempotent(t *testing.T) {
	opt := Options{GeneratedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	a, _ := json.Marshal(Build(richMatter(), richSources(), opt))
	b, _ := json.Marshal(Build(richMatter(), richSources(), opt))
	if !bytes.Equal(a, b) {
		t.Fatal("two builds of the same matter differ")
	}
	if !bytes.Contains(a, []byte(`"generated_at":"2026-01-02T03:04:05Z"`)) {
		t.Error("generated_at missing")
	}
	// Re-ordering the encounters inside a document changes nothing.
	srcs := richSources()
	slices.Reverse(srcs[0].Result.Encounters)
	slices.Reverse(srcs[0].Result.Bills)
	c, _ := json.Marshal(Build(richMatter(), srcs, opt))
	if !bytes.Equal(a, c) {
		t.Error("the order of facts within a document changed the chronology")
	}
}

func TestBuildEmpty(t *testing.T) {
	for _, srcs := range [][]Source{nil, {source("d", "empty.pdf", nil, extract.Result{})}} {
		js, err := json.Marshal(Build(Matter{ID: "m"}, srcs, Options{}))
		if err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{`"documents":[`, `"providers":[]`, `"entries":[]`, `"gaps":[]`, `"bills":[]`, `"by_provider":[]`, `"total_charges":0`} {
			if !bytes.Contains(js, []byte(key)) {
				t.Errorf("%s missing in %s", key, js)
			}
		}
		if bytes.Contains(js, []byte("null")) {
			t.Errorf("null in empty chronology: %s", js)
		}
	}
}

func TestBuildUndatedAndUncited(t *testing.T) {
	src := source("d", "a.pdf", []extract.Page{textPage("d", 1, "Progress note, date illegible. Neck pain improving.")}, extract.Result{
		Encounters: []extract.Encounter{
			{Provider: "Clinic", Citations: []extract.Citation{cite("d", 1, "Neck pain improving")}},
			{Date: incident, Provider: "Clinic"},
		},
	})
	c := Build(Matter{ID: "m"}, []Source{src}, Options{})
	if len(c.Entries) != 0 {
		t.Errorf("entries %+v", c.Entries)
	}
	if fs := flagsOf(c, FlagUndated); len(fs) != 1 || fs[0].Citations[0].Bates != "MC000001" {
		t.Errorf("undated flags %+v", fs)
	}
}

// BenchmarkBuild builds a matter of 300 visit notes (two pages each, one a
// bill) across 30 documents.
func BenchmarkBuild(b *testing.B) {
	var srcs []Source
	day := incident
	for di := range 30 {
		id := fmt.Sprintf("doc-%02d", di)
		var pages []extract.Page
		var res extract.Result
		for range 10 {
			day = day.AddDays(3)
			n := len(pages) + 1
			note := "Lakeside Chiropractic daily note. Date of service: " + day.String() + ". " +
				strings.Repeat("Patient reports neck pain improving with adjustments and home exercise. ", 20) + id
			pages = append(pages, textPage(id, n, note), textPage(id, n+1, "Statement "+day.String()+" 98941 CMT 95.00 "+id))
			res.Encounters = append(res.Encounters, extract.Encounter{Date: day, Provider: "Lakeside Chiropractic", ProviderKind: "chiropractic",
				Citations: []extract.Citation{cite(id, n, "Date of service: "+day.String())}})
			res.Bills = append(res.Bills, extract.BillLine{Date: day, Provider: "LAKESIDE CHIROPRACTIC", Code: "98941", Charge: 95,
				Citations: []extract.Citation{cite(id, n+1, day.String()+" 98941 CMT 95.00")}})
		}
		srcs = append(srcs, source(id, id+".pdf", pages, res))
	}
	for b.Loop() {
		c := Build(richMatter(), srcs, Options{})
		if len(c.Entries) != 300 || len(c.Bills) != 300 {
			b.Fatalf("entries %d bills %d", len(c.Entries), len(c.Bills))
		}
	}
}

// TestCodeDescriptionsShared: a code printed alone takes the words another
// note of the matter printed beside it, without changing the input.
func TestCodeDescriptionsShared(t *testing.T) {
	page := func(n int, text string) extract.Page {
		return extract.Page{DocumentID: "d1", Number: n, Source: extract.SourceText, Text: text}
	}
	enc := func(day, pg int, quote string, dx extract.Coded) extract.Encounter {
		return extract.Encounter{Date: dates.New(2024, time.January, day), Provider: "Momentum Physical Therapy",
			Diagnoses: []extract.Coded{dx}, Citations: []extract.Citation{{DocumentID: "d1", Page: pg, Quote: quote}}}
	}
	first := enc(2, 1, "Date of Service: 01/02/2024", extract.Coded{Code: "M54.2", Description: "Cervicalgia"})
	second := enc(9, 2, "Date of Service: 01/09/2024", extract.Coded{Code: "M54.2", Description: "M54.2"})
	src := Source{Document: Document{Document: extract.Document{ID: "d1", File: "pt.pdf", SHA256: "00", Pages: 2}},
		Pages:  []extract.Page{page(1, "Date of Service: 01/02/2024\nA: M54.2 Cervicalgia"), page(2, "Date of Service: 01/09/2024\nA: M54.2")},
		Result: extract.Result{Encounters: []extract.Encounter{first, second}}}
	c := Build(Matter{ID: "m"}, []Source{src}, Options{})
	if len(c.Entries) != 2 {
		t.Fatalf("%d entries", len(c.Entries))
	}
	if got := c.Entries[1].Diagnoses[0].Description; got != "Cervicalgia" {
		t.Errorf("description %q, want Cervicalgia", got)
	}
	if src.Result.Encounters[1].Diagnoses[0].Description != "M54.2" {
		t.Error("the input was modified")
	}
}

// TestSummaryCombinedAssessmentPlan: one "Assessment and Plan" section
// fills both fields; the summary says it once.
func TestSummaryCombinedAssessmentPlan(t *testing.T) {
	e := Entry{VisitType: "office visit", Provider: "Oakwood Family Medicine",
		Assessment: "1. Low back pain (M54.50) 2. Naproxen 500 mg", Plan: "1. Low back pain  (M54.50)\n2. Naproxen 500 mg"}
	s := summarize(&e)
	if strings.Contains(s, "plan:") || !strings.Contains(s, "Assessment: Low back pain (M54.50), Naproxen 500 mg.") {
		t.Errorf("summary %q", s)
	}
	e.Plan = "Return in 4 weeks."
	if s := summarize(&e); !strings.Contains(s, "Plan: Return in 4 weeks.") {
		t.Errorf("summary with a plan of its own %q", s)
	}
}

// TestMergedVisitType: a day a hospital's progress note and a
// consultant's note both record is named by the consultation, in either
// order, though "inpatient visit" is the longer name; of two names that
// both say what happened, the longer still wins.
func TestMergedVisitType(t *testing.T) {
	page := func(n int, text string) extract.Page {
		return extract.Page{DocumentID: "d1", Number: n, Source: extract.SourceText, Text: text}
	}
	enc := func(pg int, visit string) extract.Encounter {
		return extract.Encounter{Date: dates.New(2024, time.May, 17), Provider: "Saint Luke's Regional Hospital", VisitType: visit,
			Citations: []extract.Citation{{DocumentID: "d1", Page: pg, Quote: "Date of Service: 05/17/2024"}}}
	}
	for _, tc := range []struct{ first, second, want string }{
		{"inpatient visit", "consultation", "consultation"},
		{"consultation", "inpatient visit", "consultation"},
		{"Progress note", "consultation", "consultation"},
		{"emergency visit", "hospital admission", "hospital admission"},
		{"follow-up", "office visit", "office visit"},
	} {
		src := Source{Document: Document{Document: extract.Document{ID: "d1", File: "h.pdf", SHA256: "00", Pages: 2}},
			Pages:  []extract.Page{page(1, "Date of Service: 05/17/2024\nProgress note"), page(2, "Date of Service: 05/17/2024\nConsultation")},
			Result: extract.Result{Encounters: []extract.Encounter{enc(1, tc.first), enc(2, tc.second)}}}
		c := Build(Matter{ID: "m"}, []Source{src}, Options{})
		if len(c.Entries) != 1 {
			t.Fatalf("%q then %q: %d entries", tc.first, tc.second, len(c.Entries))
		}
		if got := c.Entries[0].VisitType; got != tc.want {
			t.Errorf("%q then %q: visit type %q, want %q", tc.first, tc.second, got, tc.want)
		}
	}
}
