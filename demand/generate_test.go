package demand

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/report/reporttest"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/textutil"
)

func keys(d Draft) []string {
	var out []string
	for _, s := range d.Sections {
		out = append(out, s.Key)
	}
	return out
}

func TestGenerateSectionsInOrder(t *testing.T) {
	d := sampleDraft()
	want := []string{KeyIntroduction, KeyFacts, KeyPriorHistory, KeyTreatment, KeySpecials, KeyPainSuffering, KeyDemand, KeyExcluded}
	if got := keys(d); !slices.Equal(got, want) {
		t.Errorf("sections = %q, want %q", got, want)
	}
	for _, s := range d.Sections {
		if s.Status != StatusDraft {
			t.Errorf("section %s status %q, want draft", s.Key, s.Status)
		}
		if !strings.HasPrefix(s.Text(), DraftBanner+"\n") {
			t.Errorf("section %s does not start with the draft banner", s.Key)
		}
		if strings.TrimSpace(s.Body) == "" || s.Title == "" {
			t.Errorf("section %s is empty", s.Key)
		}
	}
	if !d.GeneratedAt.Equal(testNow) || d.Matter.ID != "M-2023-0147" {
		t.Errorf("draft header = %v %q", d.GeneratedAt, d.Matter.ID)
	}

	// Without pre-incident entries there is no prior-history section.
	c := reporttest.Sample()
	c.Entries = slices.DeleteFunc(c.Entries, func(e chronology.Entry) bool { return e.PreIncident })
	if got := keys(Generate(c, Options{})); slices.Contains(got, KeyPriorHistory) {
		t.Errorf("sections = %q, want no prior history", got)
	}
}

var citation = `\[[^\[\]]+, p\. [0-9]+\]`

// factSentences splits a paragraph into its cited sentences and returns
// any text that is not followed by a citation.
var citedSentence = regexp.MustCompile(`^[^\[\]]+?[.”] ` + citation + `(?: |$)`)

func uncited(paragraph string) string {
	rest := paragraph
	for rest != "" {
		m := citedSentence.FindString(rest)
		if m == "" {
			return rest
		}
		// A sentence must hold one sentence: no ". X" inside it except
		// after abbreviations and initials.
		body := m[:strings.Index(m, " [")]
		for _, loc := range regexp.MustCompile(`(\S+)\. [A-Z]`).FindAllStringSubmatch(body, -1) {
			if w := strings.ToLower(loc[1]); len(w) > 1 && !abbreviations[w] {
				return body
			}
		}
		rest = rest[len(m):]
	}
	return ""
}

func TestGenerateTreatmentSentencesAreCited(t *testing.T) {
	d := sampleDraft()
	s, _ := d.Section(KeyTreatment)
	var paragraphs, headings int
	for _, p := range strings.Split(s.Body, "\n\n") {
		p = strings.TrimSpace(p)
		if strings.HasPrefix(p, "### ") {
			headings++
			continue
		}
		paragraphs++
		if u := uncited(p); u != "" {
			t.Errorf("uncited text in treatment: %q", u)
		}
	}
	if headings != 4 || paragraphs != 6 {
		t.Errorf("%d provider headings and %d visit paragraphs, want 4 and 6", headings, paragraphs)
	}
	// The same for the cited lines of the other sections.
	for _, key := range []string{KeyPriorHistory, KeyPainSuffering} {
		s, _ := d.Section(key)
		for _, ln := range strings.Split(s.Body, "\n") {
			if strings.HasPrefix(ln, "- ") && strings.Contains(ln, "pain rated") {
				if u := uncited(strings.TrimPrefix(ln, "- ")); u != "" {
					t.Errorf("uncited pain line: %q", u)
				}
			}
		}
	}
	if !strings.Contains(s.Body, "Pain was rated 8/10. [Saint Mary's Regional Medical Center, MC000004, p. 4]") {
		t.Error("the pain score does not cite the page that holds it")
	}
	if !strings.Contains(s.Body, "[Riverside Physical Therapy, PT notes, scanned.pdf, p. 1]") {
		t.Error("a page without Bates does not cite its file")
	}
}

func TestUncitedDetectsMissingCitation(t *testing.T) {
	tests := []struct{ in, want string }{
		{"On May 1, 2023, X was seen. [P, B1, p. 1] Pain was rated 3/10. [P, B1, p. 2]", ""},
		{"X was seen with Dr. Reyes, MD. [P, f.pdf, p. 1]", ""},
		{"X was seen. Pain was 3/10. [P, B1, p. 2]", "X was seen. Pain was 3/10."},
		{"X was seen. [P, B1, p. 1] Pain was rated 3/10.", "Pain was rated 3/10."},
	}
	for _, tt := range tests {
		if got := uncited(tt.in); got != tt.want {
			t.Errorf("uncited(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGenerateUsesOnlyVerifiedEntries(t *testing.T) {
	c := reporttest.Sample()
	d := Generate(c, Options{Now: testNow})
	bad := map[string]extract.Citation{}
	for _, e := range c.Entries {
		if !e.Grounded || e.Review == chronology.ReviewRejected {
			bad[e.ID] = e.Citations[0]
		}
	}
	if len(bad) != 2 {
		t.Fatalf("sample should hold two unusable entries, has %d", len(bad))
	}
	for _, s := range d.Sections {
		for id, c := range bad {
			if slices.Contains(s.Citations, c) {
				t.Errorf("section %s cites entry %s", s.Key, id)
			}
		}
		if s.Key == KeyExcluded {
			continue
		}
		for _, marker := range []string{"On April 11, 2023,", "July 5, 2023", "scanned.pdf, p. 2]", "scanned.pdf, p. 6]"} {
			if strings.Contains(s.Body, marker) {
				t.Errorf("section %s mentions an excluded entry (%q)", s.Key, marker)
			}
		}
	}
	if got := []Exclusion{{"e6", "2023-04-11", "Riverside Physical Therapy", ReasonUnverified}, {"e8", "2023-07-05", "Riverside Physical Therapy", ReasonRejected}}; !slices.Equal(d.Excluded, got) {
		t.Errorf("Excluded = %+v", d.Excluded)
	}
	note, _ := d.Section(KeyExcluded)
	for _, want := range []string{"leaves out 2", "1 unverified", "1 rejected", "(entry e6): unverified", "(entry e8): rejected"} {
		if !strings.Contains(note.Body, want) {
			t.Errorf("the note lacks %q:\n%s", want, note.Body)
		}
	}
}

func TestGeneratePreIncidentOnlyInPriorHistory(t *testing.T) {
	d := sampleDraft()
	for _, s := range d.Sections {
		has := strings.Contains(s.Body, "Lakeside Family Medicine") || strings.Contains(s.Body, "June 2, 2022")
		if has != (s.Key == KeyPriorHistory) {
			t.Errorf("section %s mentions the pre-incident visit: %v", s.Key, has)
		}
	}
	p, _ := d.Section(KeyPriorHistory)
	if u := uncited(strings.TrimPrefix(p.Body, "The records also include care before the incident, noted here for completeness. ")); u != "" {
		t.Errorf("uncited prior history: %q", u)
	}
}

var amount = regexp.MustCompile(`-?\$[0-9][0-9,]*(?:\.[0-9]{2})?`)

func TestGenerateInventsNoAmounts(t *testing.T) {
	c := reporttest.Sample()
	d := Generate(c, Options{})
	allowed := map[string]bool{textutil.Dollars(c.Specials.TotalCharges): true, textutil.Dollars(*c.Specials.TotalPaid): true}
	for _, p := range c.Specials.ByProvider {
		allowed[textutil.Dollars(p.Charges)] = true
	}
	for _, s := range d.Sections {
		for _, m := range amount.FindAllString(s.Body, -1) {
			if !allowed[m] {
				t.Errorf("section %s states %s, which is not in the specials", s.Key, m)
			}
		}
	}
	sp, _ := d.Section(KeySpecials)
	if !strings.Contains(sp.Body, "| Total | | $6,095.50 | |") || c.Specials.TotalCharges != 6095.5 {
		t.Errorf("specials table total is not the chronology's %v:\n%s", c.Specials.TotalCharges, sp.Body)
	}
	var rows int
	for _, ln := range strings.Split(sp.Body, "\n") {
		if strings.HasPrefix(ln, "| ") && !strings.HasPrefix(ln, "| Provider") && !strings.HasPrefix(ln, "| Total") && !strings.HasPrefix(ln, "| ---") {
			rows++
		}
	}
	if rows != len(c.Specials.ByProvider) {
		t.Errorf("%d provider rows in the specials table, want %d", rows, len(c.Specials.ByProvider))
	}
	dm, _ := d.Section(KeyDemand)
	if !strings.Contains(dm.Body, "we demand "+DemandPlaceholder) {
		t.Errorf("demand section lacks the placeholder:\n%s", dm.Body)
	}
}

func TestGenerateFacts(t *testing.T) {
	d := sampleDraft()
	f, _ := d.Section(KeyFacts)
	for _, want := range []string{
		"On March 14, 2023, Jane Q. Doe was injured",
		"“restrained driver, rear-ended at a stoplight by a box truck; neck and low back pain”. [Saint Mary's Regional Medical Center, MC000003, p. 3]",
		"the day of the incident. [",
	} {
		if !strings.Contains(f.Body, want) {
			t.Errorf("facts lack %q:\n%s", want, f.Body)
		}
	}
	// Without a date of incident or client, placeholders stand in.
	c := reporttest.Sample()
	c.Matter.DateOfIncident, c.Matter.Client = dates.Date{}, ""
	d = Generate(c, Options{})
	f, _ = d.Section(KeyFacts)
	if !strings.Contains(f.Body, "On [Attorney to insert date of incident], our client was injured") {
		t.Errorf("facts without date of incident:\n%s", f.Body)
	}
}

func TestApproveAndEdit(t *testing.T) {
	d := sampleDraft()
	for _, k := range keys(d) {
		if d.Approved() {
			t.Fatal("approved before every section was")
		}
		if err := d.Approve(k); err != nil {
			t.Fatal(err)
		}
	}
	if !d.Approved() {
		t.Fatal("not approved after approving every section")
	}
	s, _ := d.Section(KeyDemand)
	if strings.Contains(s.Text(), DraftBanner) {
		t.Error("an approved section still shows the draft banner")
	}
	if err := d.Edit(KeyDemand, "We demand $1."); err != nil {
		t.Fatal(err)
	}
	if d.Approved() || s.Status != StatusDraft {
		t.Error("an edited section must be approved again")
	}
	if err := d.Approve("nope"); err == nil {
		t.Error("approving an unknown section succeeded")
	}
}

func TestGenerateEmptyChronology(t *testing.T) {
	d := Generate(chronology.Chronology{Matter: chronology.Matter{ID: "m1"}}, Options{})
	want := []string{KeyIntroduction, KeyFacts, KeyTreatment, KeySpecials, KeyPainSuffering, KeyDemand, KeyExcluded}
	if got := keys(d); !slices.Equal(got, want) {
		t.Errorf("sections = %q, want %q", got, want)
	}
	tr, _ := d.Section(KeyTreatment)
	if !strings.Contains(tr.Body, "no verified treatment entries") {
		t.Errorf("treatment without entries:\n%s", tr.Body)
	}
	sp, _ := d.Section(KeySpecials)
	if !strings.Contains(sp.Body, "| Total | | $0.00 | |") {
		t.Errorf("specials without bills:\n%s", sp.Body)
	}
	if d.GeneratedAt.IsZero() {
		t.Error("GeneratedAt not set")
	}
	_ = docxParts(t, d)
}

// TestEntryParagraphCombinedAssessmentPlan: an entry whose assessment and
// plan are one section's text states it once.
func TestEntryParagraphCombinedAssessmentPlan(t *testing.T) {
	e := chronology.Entry{VisitType: "office visit", Provider: "Oakwood Family Medicine",
		Assessment: "Low back pain; naproxen and home stretching", Plan: "Low back pain;  naproxen and home stretching",
		Citations: []extract.Citation{{DocumentID: "d1", Page: 2, Quote: "Low back pain"}}}
	p, _ := entryParagraph(newCiter(chronology.Chronology{}), "Ms. Doe", e)
	if strings.Contains(p, "The plan was") || !strings.Contains(p, "The assessment was") {
		t.Errorf("paragraph %q", p)
	}
	e.Plan = "Return in four weeks"
	if p, _ := entryParagraph(newCiter(chronology.Chronology{}), "Ms. Doe", e); !strings.Contains(p, "The plan was return in four weeks") && !strings.Contains(p, "The plan was Return in four weeks") {
		t.Errorf("paragraph with a plan of its own %q", p)
	}
}
