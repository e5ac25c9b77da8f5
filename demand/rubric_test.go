package demand

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/internal/textutil"
)

// The rubric matter is the chronology medchron made of a generated
// 76-page record set (ER, imaging, orthopedics, 35 therapy and 17
// chiropractic visits, pain management, a pre-incident primary-care
// visit, bills). Made with:
//
//	go run ./cmd/genfixtures -bench-pages 75 -bench-out /tmp/b75
//	medchron process --matter m75 --incident-date 2023-09-23 --out /tmp/out75 /tmp/b75/born-digital.pdf
//	gzip -9 -c /tmp/out75/chronology.json > demand/testdata/matter75.chronology.json.gz
const rubricMatter = "testdata/matter75.chronology.json.gz"

func loadRubricMatter(t *testing.T) chronology.Chronology {
	t.Helper()
	f, err := os.Open(rubricMatter)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var c chronology.Chronology
	if err := json.NewDecoder(zr).Decode(&c); err != nil {
		t.Fatalf("%s: %v", rubricMatter, err)
	}
	return c
}

// reviewAll marks every entry not rejected as verified, as a paralegal
// who checked them would.
func reviewAll(c chronology.Chronology) chronology.Chronology {
	c.Entries = slices.Clone(c.Entries)
	for i := range c.Entries {
		if c.Entries[i].Review != chronology.ReviewRejected {
			c.Entries[i].Review = chronology.ReviewVerified
		}
	}
	return c
}

// sectionWordLimits bound each section's length in words; treatment is
// bounded per provider instead.
var sectionWordLimits = map[string]int{
	KeyIntroduction: 160, KeyFacts: 150, KeyInjuries: 450, KeyCausation: 260, KeyGaps: 120, KeyFutureCare: 150,
	KeyLostWages: 200, KeySpecials: 260, KeyPainSuffering: 260, KeyDemand: 200, KeyExhibits: 150,
}

// leaks are artefacts of a page that must never reach the letter: page
// furniture, demographics, signature blocks, flowsheet headings, cut-off
// text.
var leaks = regexp.MustCompile(`(?i)patient name|date of birth|\bdob\b|account #|page \d+ of \d+|dictated by|electronically signed|triage / nursing|flowsheet|fax:|printed on|…|\x00`)

// batesOutsideCitation is a Bates number not inside a citation or the
// exhibits list.
var batesInCitation = regexp.MustCompile(`\(Ex\. \d+, [^()]*\)|Ex\. \d+, [A-Z]+\d{4,}`)
var batesNumber = regexp.MustCompile(`\b[A-Z]{2,}\d{4,}\b`)

// TestRubricGeneratedMatter grades the letter of the generated matter:
// every section present, every amount reconciled to the specials (and
// the specials to the bill lines), no page artefacts, lengths in bounds,
// every section approvable once reviewed and filled in, and no bracket
// left in the approved letter.
func TestRubricGeneratedMatter(t *testing.T) {
	raw := loadRubricMatter(t)
	c := reviewAll(raw)
	in := fullInputs()
	d := Generate(c, Options{Now: testNow, Inputs: in})

	if got := keys(d); !slices.Equal(got, allKeys) {
		t.Errorf("sections = %q, want %q", got, allKeys)
	}

	// Bills ↔ specials: the specials are the sum of the charge lines.
	var lines float64
	byProv := map[string]float64{}
	for _, b := range c.Bills {
		if b.Grounded && !b.EOB && (b.Kind == chronology.BillCharge || b.Kind == "") {
			lines += b.Charge
			byProv[b.ProviderID] += b.Charge
		}
	}
	if math.Abs(lines-c.Specials.TotalCharges) > 0.005 {
		t.Errorf("bill lines total %.2f, specials %.2f", lines, c.Specials.TotalCharges)
	}
	for _, p := range c.Specials.ByProvider {
		if math.Abs(byProv[p.ProviderID]-p.Charges) > 0.005 {
			t.Errorf("%s: bill lines %.2f, specials %.2f", p.Provider, byProv[p.ProviderID], p.Charges)
		}
	}
	// Specials ↔ letter: every amount stated is one the specials or the
	// inputs give, and the specials table shows each provider's charges.
	ok := allowedAmounts(c, in)
	var stated, reconciled int
	for _, s := range d.Sections {
		for _, m := range dollarAmount.FindAllString(s.Body, -1) {
			stated++
			if ok[m] {
				reconciled++
			} else {
				t.Errorf("section %s states %s, which neither the specials nor the inputs give", s.Key, m)
			}
		}
	}
	sp, _ := d.Section(KeySpecials)
	for _, p := range c.Specials.ByProvider {
		if !strings.Contains(sp.Body, "| "+tableCell(clean(p.Provider))+" | ") || !strings.Contains(sp.Body, textutil.Dollars(p.Charges)) {
			t.Errorf("the specials table lacks %s %s", p.Provider, textutil.Dollars(p.Charges))
		}
	}
	t.Logf("amounts: %d stated, %d reconciled to the specials or the inputs; specials %s = bill lines %s",
		stated, reconciled, textutil.Dollars(c.Specials.TotalCharges), textutil.Dollars(lines))

	var table strings.Builder
	for _, s := range d.Sections {
		if m := leaks.FindString(s.Body); m != "" {
			t.Errorf("section %s leaks %q", s.Key, m)
		}
		rest := batesInCitation.ReplaceAllString(s.Body, "")
		if s.Key != KeyExhibits {
			if m := batesNumber.FindString(rest); m != "" {
				t.Errorf("section %s states Bates number %s outside a citation", s.Key, m)
			}
		}
		n := wordCount(s.Body)
		fmt.Fprintf(&table, "%-20s %4d words %3d citations\n", s.Key, n, len(s.Citations))
		if s.Key == KeyTreatment {
			for _, b := range strings.Split(s.Body, "### ")[1:] {
				name, text, _ := strings.Cut(b, "\n\n")
				w := wordCount(text)
				fmt.Fprintf(&table, "  %-34s %4d words\n", name, w)
				if w > 120 {
					t.Errorf("treatment at %s: %d words, want at most 120", name, w)
				}
			}
			continue
		}
		if max := sectionWordLimits[s.Key]; n > max {
			t.Errorf("section %s: %d words, want at most %d", s.Key, n, max)
		}
	}
	t.Logf("words per section (generated 76-page matter, all entries reviewed, full inputs):\n%s", table.String())

	for _, s := range d.Sections {
		if err := d.Approve(s.Key); err != nil {
			t.Errorf("section %s cannot be approved: %v", s.Key, err)
		}
	}
	var md strings.Builder
	if err := WriteMarkdown(&md, d); err != nil {
		t.Fatal(err)
	}
	if d.Approved() && strings.ContainsAny(md.String(), "[]") {
		t.Error("the approved letter holds a bracket")
	}

	// As extracted, before any review: the same letter, every fact marked,
	// and no section stating facts can be approved.
	asIs := Generate(raw, Options{Now: testNow, Inputs: in})
	marks := 0
	for _, s := range asIs.Sections {
		marks += strings.Count(s.Body, UnreviewedMark)
		if len(s.Unreviewed) > 0 {
			if err := asIs.Approve(s.Key); err == nil {
				t.Errorf("section %s approved with unreviewed facts", s.Key)
			}
		}
	}
	if marks == 0 {
		t.Error("no fact is marked unreviewed in the letter of an unreviewed chronology")
	}
	t.Logf("before review: %d facts marked %s", marks, UnreviewedMark)
}
