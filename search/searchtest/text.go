package searchtest

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/search"
)

// phrasePages are pages where only page 2 holds "lumbar MRI" as a phrase,
// while page 1 repeats both words apart (a higher term frequency).
var phrasePages = []string{
	"Lumbar spine tender. Lumbar strain noted; lumbar flexion limited. The MRI was reviewed; an MRI of the knee and another MRI are pending.",
	"Follow-up visit. Vitals stable. Gait normal. Reviewed the lumbar MRI dated March 3 with the patient, then discussed therapy, medication and work status at length.",
	"MRI of the cervical spine shows a disc protrusion at C5-C6.",
	"Lumbar support brace dispensed.",
	"Right knee contusion, ice and rest.",
}

func testTextPhraseFirst(t *testing.T, s Store) {
	f := newFixture(t, s)
	m := f.matter("phrase")
	f.document(m, "records.pdf", phrasePages...)
	for _, q := range []string{"lumbar MRI", `"lumbar MRI"`, "LUMBAR   mri"} {
		hits, err := s.SearchText(f.ctx(), m, q, 10)
		if err != nil {
			t.Fatalf("SearchText(%q): %v", q, err)
		}
		got := keys(hits)
		if len(hits) == 0 || hits[0].Page != 2 || !hits[0].Exact {
			t.Fatalf("SearchText(%q) = %v; want records.pdf p.2 first, exact", q, got)
		}
		for _, h := range hits[1:] {
			if h.Exact {
				t.Errorf("SearchText(%q): %s marked exact", q, where(h))
			}
		}
		if !strings.Contains(strings.ToLower(hits[0].Snippet), "lumbar mri") {
			t.Errorf("SearchText(%q): snippet %q lacks the phrase", q, hits[0].Snippet)
		}
	}
	// Unquoted words: pages with both words come before pages with one.
	hits, err := s.SearchText(f.ctx(), m, "lumbar MRI", 10)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := keys(hits), []string{"records.pdf p.2", "records.pdf p.1"}; len(got) != 4 || !slices.Equal(got[:2], want) {
		t.Errorf("SearchText(lumbar MRI) = %v; want %v then p.3 and p.4", got, want)
	}
	// A quoted phrase is required as a phrase.
	hits, err = s.SearchText(f.ctx(), m, `"disc protrusion" cervical`, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].Page != 3 || !hits[0].Exact {
		t.Errorf(`SearchText("disc protrusion" cervical) = %v; want p.3 first, exact`, keys(hits))
	}
}

func testTextStemsAndFolds(t *testing.T, s Store) {
	f := newFixture(t, s)
	m := f.matter("stems")
	f.document(m, "er.pdf", "Patient sustained fractures of the left radius. Café au lait spots on the back. Résumé of treatment attached.")
	tests := []struct {
		query string
		found bool
	}{
		{"fracture", true},
		{"fractured", true},
		{"cafe", true},
		{"CAFÉ", true},
		{"resume", true},
		{"radius", true},
		{"femur", false},
		{"fractures femur", true}, // any word is enough in the last tier
		{`"left femur"`, false},
	}
	for _, tc := range tests {
		hits, err := s.SearchText(f.ctx(), m, tc.query, 5)
		if err != nil {
			t.Fatalf("SearchText(%q): %v", tc.query, err)
		}
		if (len(hits) > 0) != tc.found {
			t.Errorf("SearchText(%q) = %v; want found %v", tc.query, keys(hits), tc.found)
		}
	}
}

func testTextMatterScope(t *testing.T, s Store) {
	f := newFixture(t, s)
	a, b := f.matter("a"), f.matter("b")
	f.document(a, "a-only.pdf", "Whiplash associated disorder grade II.")
	f.document(b, "b-only.pdf", "Whiplash associated disorder grade III.")
	shared := f.document(a, "shared-in-a.pdf", "Whiplash follow-up, improving.")
	f.link(b, shared, "shared-in-b.pdf")
	f.chronology(b, chronology.Entry{ID: "e-b", Provider: "Whiplash Clinic", Date: dates.New(2024, 2, 1)})
	for matter, want := range map[string][]string{
		a: {"a-only.pdf", "shared-in-a.pdf"},
		b: {"b-only.pdf", "shared-in-b.pdf", "entry e-b"},
	} {
		hits, err := s.SearchText(f.ctx(), matter, "whiplash", 10)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hits {
			if h.Kind == search.KindPage {
				got = append(got, h.File)
			} else {
				got = append(got, "entry "+h.EntryID)
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("matter %s: hits %v, want %v", matter, got, want)
		}
	}
	if hits, err := s.SearchText(f.ctx(), "m-"+f.prefix+"-none", "whiplash", 10); err != nil || len(hits) != 0 {
		t.Errorf("unknown matter: %v, %v; want no hits", keys(hits), err)
	}
}

func testTextHostileQueries(t *testing.T, s Store) {
	f := newFixture(t, s)
	m := f.matter("hostile")
	f.document(m, "notes.pdf", "Lumbar pain, not improving. Text: see MRI report and PT notes.")
	tests := []struct {
		query string
		found bool // the page must be found
	}{
		{"AND OR NOT", true},
		{"NOT", true},
		{"lumbar AND", true},
		{"OR lumbar", true},
		{`"`, false},
		{`""""`, false},
		{`"unclosed lumbar`, true},
		{`lumbar"pain`, true},
		{"*", false},
		{"lumbar*", true},
		{"-lumbar", true},
		{"lumbar -pain", true},
		{":", false},
		{"text:lumbar", true},
		{"{text document_id}: lumbar", true},
		{"NEAR(lumbar pain, 2)", true},
		{"^lumbar", true},
		{"(lumbar", true},
		{"lumbar)", true},
		{"'lumbar'", true},
		{"+", false},
		{"", false},
		{"   ", false},
		{"🙂", false},
		{"lumbar\x00pain", true},
		{strings.Repeat("lumbar ", 200), true},
	}
	for _, tc := range tests {
		hits, err := s.SearchText(f.ctx(), m, tc.query, 5)
		if err != nil {
			t.Errorf("SearchText(%q): %v", tc.query, err)
			continue
		}
		if tc.found && len(hits) == 0 {
			t.Errorf("SearchText(%q): no hits, want notes.pdf p.1", tc.query)
		}
	}
}

func testTextFollowsPages(t *testing.T, s Store) {
	f := newFixture(t, s)
	m := f.matter("follow")
	d := f.document(m, "pt.pdf", "Original wording about acupuncture sessions.", "")
	count := func(q string) int {
		t.Helper()
		hits, err := s.SearchText(f.ctx(), m, q, 10)
		if err != nil {
			t.Fatal(err)
		}
		return len(hits)
	}
	if n := count("acupuncture"); n != 1 {
		t.Fatalf("before replace: %d hits for acupuncture, want 1", n)
	}
	f.pages(d, "Replacement wording about chiropractic adjustment.")
	if n := count("acupuncture"); n != 0 {
		t.Errorf("after replace: %d hits for the old text, want 0", n)
	}
	if n := count("chiropractic"); n != 1 {
		t.Errorf("after replace: %d hits for the new text, want 1", n)
	}
	// The page waiting for OCR is found once its text arrives.
	if err := s.PutPages(f.ctx(), []extract.Page{{DocumentID: d, Number: 2, Source: extract.SourceOCR, Text: "Osteopathic manipulation performed."}}); err != nil {
		t.Fatal(err)
	}
	if n := count("osteopathic"); n != 1 {
		t.Errorf("OCR page: %d hits, want 1", n)
	}
	// Storing the same pages again (a redelivered job) adds nothing.
	f.pages(d, "Replacement wording about chiropractic adjustment.", "Osteopathic manipulation performed.")
	if n := count("chiropractic OR osteopathic wording manipulation"); n != 2 {
		t.Errorf("after storing the pages again: %d hits, want 2", n)
	}
}

func testTextEntries(t *testing.T, s Store) {
	f := newFixture(t, s)
	m := f.matter("entries")
	ortho := chronology.Entry{ID: "e1", Date: dates.New(2023, 3, 14), Provider: "Riverside Orthopedics", VisitType: "consult",
		Findings: "positive straight leg raise", Diagnoses: []extract.Coded{{Code: "M54.16", Description: "Radiculopathy, lumbar region"}}}
	pt := chronology.Entry{ID: "e2", Date: dates.New(2023, 4, 2), Provider: "Harbor Physical Therapy", Summary: "Therapeutic exercise, pain 4/10."}
	f.chronology(m, ortho, pt)
	tests := []struct {
		query string
		want  string // entry id of the first hit
	}{
		{"radiculopathy", "e1"},
		{"M54.16", "e1"},
		{"straight leg raise", "e1"},
		{"harbor therapy", "e2"},
		{"2023-04-02", "e2"},
	}
	for _, tc := range tests {
		hits, err := s.SearchText(f.ctx(), m, tc.query, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].Kind != search.KindEntry || hits[0].EntryID != tc.want {
			t.Errorf("SearchText(%q) = %v; want entry %s first", tc.query, keys(hits), tc.want)
		}
	}
	hits, _ := s.SearchText(f.ctx(), m, "radiculopathy", 5)
	if len(hits) > 0 && (hits[0].Date != "2023-03-14" || hits[0].Provider != "Riverside Orthopedics") {
		t.Errorf("entry hit date %q provider %q", hits[0].Date, hits[0].Provider)
	}
	// A rebuilt chronology replaces the entries searched.
	f.chronology(m, pt)
	if hits, _ := s.SearchText(f.ctx(), m, "radiculopathy", 5); len(hits) != 0 {
		t.Errorf("after the rebuild: %v, want no hits", keys(hits))
	}
}

func testTextSnippets(t *testing.T, s Store) {
	f := newFixture(t, s)
	m := f.matter("snippets")
	long := strings.Repeat("Routine therapy visit,\nno change in the plan. ", 40) +
		"Imaging showed grade I spondylolisthesis at L5-S1. " + strings.Repeat("Patient tolerated treatment well.\n", 40)
	f.document(m, "long.pdf", long)
	hits, err := s.SearchText(f.ctx(), m, "spondylolisthesis", 5)
	if err != nil || len(hits) != 1 {
		t.Fatalf("SearchText = %v, %v; want one hit", keys(hits), err)
	}
	sn := hits[0].Snippet
	if n := utf8.RuneCountInString(sn); n > search.MaxSnippet || n < 20 {
		t.Errorf("snippet of %d runes, want 20 to %d: %q", n, search.MaxSnippet, sn)
	}
	if !strings.Contains(sn, "spondylolisthesis") || strings.Contains(sn, "\n") {
		t.Errorf("snippet %q: want the match, on one line", sn)
	}
}
