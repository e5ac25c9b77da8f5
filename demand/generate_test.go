package demand

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/report/reporttest"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/textutil"
)

func keys(d Draft) []string {
	var out []string
	for _, s := range d.Sections {
		out = append(out, s.Key)
	}
	return out
}

var allKeys = []string{KeyIntroduction, KeyFacts, KeyInjuries, KeyTreatment, KeyCausation, KeyGaps, KeyFutureCare,
	KeyLostWages, KeySpecials, KeyPainSuffering, KeyDemand, KeyExhibits}

func TestGenerateSections(t *testing.T) {
	noWork := reporttest.Sample()
	for i := range noWork.Entries {
		noWork.Entries[i].WorkStatus = ""
	}
	withoutWages := slices.DeleteFunc(slices.Clone(allKeys), func(k string) bool { return k == KeyLostWages })
	tests := []struct {
		name string
		c    chronology.Chronology
		in   Inputs
		want []string
	}{
		{"sample", reporttest.Sample(), Inputs{}, allKeys},
		{"no work status, no wage inputs", noWork, Inputs{}, withoutWages},
		{"no work status, wage inputs", noWork, Inputs{DailyWage: amt(100), DaysMissed: cnt(3)}, allKeys},
		{"empty chronology", chronology.Chronology{Matter: chronology.Matter{ID: "m1"}}, Inputs{}, withoutWages},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Generate(tt.c, Options{Now: testNow, Inputs: tt.in})
			if got := keys(d); !slices.Equal(got, tt.want) {
				t.Errorf("sections = %q, want %q", got, tt.want)
			}
			for _, s := range d.Sections {
				if s.Status != StatusDraft || s.Title == "" || strings.TrimSpace(s.Body) == "" {
					t.Errorf("section %s: status %q, title %q, body %d bytes", s.Key, s.Status, s.Title, len(s.Body))
				}
				if !strings.HasPrefix(s.Text(), DraftBanner+"\n") {
					t.Errorf("section %s does not open with the draft banner", s.Key)
				}
			}
		})
	}
}

// TestGenerateSectionContents: what each section of a finished letter
// says, from the sample chronology and full inputs.
func TestGenerateSectionContents(t *testing.T) {
	d := finishedDraft()
	tests := []struct {
		key  string
		want []string
		not  []string
	}{
		{KeyIntroduction, []string{"Pat Lee", "Acme Mutual Insurance", "- Claimant: Jane Q. Doe", "- Your insured: Acme Freight LLC",
			"- Claim number: AM-22-104", "- Date of loss: March 14, 2023", "Dear Pat Lee:"}, []string{"verified", "Policy limits"}},
		{KeyFacts, []string{"describes it: “restrained driver, rear-ended at a stoplight by a box truck; neck and low back pain”. (Ex. 2, MC000003)",
			"the day of the incident. (Ex. 2, MC000003)", "cited for following too closely"}, nil},
		{KeyInjuries, []string{"- Cervical spine (neck): sprain of ligaments of cervical spine (S13.4XXA); first diagnosed March 14, 2023",
			"- Lumbar spine (low back): sprain of ligaments of lumbar spine (S33.5XXA)",
			"- MRI cervical spine without contrast, March 28, 2023, Valley Imaging Center: C5-C6 disc protrusion", "reduced cervical rotation"}, []string{"initial encounter"}},
		{KeyTreatment, []string{"### Summit Orthopedics", "attended 3 visits from March 20, 2023 to July 18, 2023",
			"Pain ratings fell from 7/10 on March 20, 2023 to 3/10 on July 18, 2023", "was seen once, on March 28, 2023, for imaging"}, []string{"Therapeutic exercise (97110)"}},
		{KeyCausation, []string{"sought care on March 14, 2023, the day of the incident", "for “neck stiffness after gardening”",
			"The record notes “cervical strain, resolving”", "no treatment of the cervical spine (neck) in the 285 days",
			"no complaint of or treatment to the lumbar spine (low back) before the incident"}, nil},
		{KeyGaps, []string{"From April 11, 2023 to June 20, 2023, 70 days", "The records do not give a reason"}, nil},
		{KeyFutureCare, []string{"“Refer to pain management”", "estimated at $8,500.00"}, nil},
		{KeyLostWages, []string{"works as a warehouse associate for Harbor Logistics", "“off work 3 days”", "last “full duty”",
			"missed 12 days of work at a daily wage of $168.00, a wage loss of $2,016.00", "The records place Jane Q. Doe off work for 17 days: from March 14, 2023, “off work 3 days” (Ex. 2, MC000003)"}, nil},
		{KeySpecials, []string{"| Saint Mary's Regional Medical Center | 03/14/2023 | $2,830.00 | $0.00 | $1,350.00 | $1,480.00 | Ex. 2, MC000006 |",
			"| Total | | $6,095.50 | $0.00 | $1,350.00 | $4,745.50 | |", "(PIP) $2,500.00", "(MedPay) $0.00", "out of pocket by Jane Q. Doe $310.25",
			"- Blue Plan Health: $1,200.00"}, nil},
		{KeyPainSuffering, []string{"- Driving: “neck pain, worse with driving”", "treated for 4 months"}, []string{"rated", "/10"}},
		{KeyDemand, []string{"| Economic damages | $16,611.50 |", "demands $95,000.00 in full settlement", "respond by February 16, 2026",
			"Rivera & Cole LLP, by Ana Rivera, Esq."}, nil},
		{KeyExhibits, []string{"- Exhibit 2: Saint Mary's Regional Medical Center, records and billing, MC000003–MC000004; MC000006",
			"- Exhibit 3: Summit Orthopedics, records and billing, Summit Ortho records.pdf pp. 1–5", "- Exhibit 4: Valley Imaging Center, records and billing, VI0001–VI0002"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			s, ok := d.Section(tt.key)
			if !ok {
				t.Fatalf("no section %s", tt.key)
			}
			for _, w := range tt.want {
				if !strings.Contains(s.Body, w) {
					t.Errorf("lacks %q:\n%s", w, s.Body)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(s.Body, w) {
					t.Errorf("holds %q:\n%s", w, s.Body)
				}
			}
			if err := Finished(s.Body, s.Unreviewed); err != nil {
				t.Errorf("not finished: %v", err)
			}
		})
	}
}

// TestGeneratePlaceholders: without inputs, each section that needs one
// holds a bracketed placeholder, so it cannot be approved.
func TestGeneratePlaceholders(t *testing.T) {
	d := Generate(reviewedSample(), Options{Now: testNow})
	tests := []struct{ key, want string }{
		{KeyIntroduction, "[Attorney to insert the claim number]"},
		{KeyIntroduction, "Your insured: [Attorney to insert the insured's name]"},
		{KeyFacts, "[Attorney to add how the insured caused the incident"},
		{KeyLostWages, "[Attorney to insert the days of work missed (the records show at least 17) and the daily wage.]"},
		{KeySpecials, "[Attorney to confirm PIP and MedPay payments, out-of-pocket costs and liens.]"},
		{KeyDemand, "demands [Attorney to insert the demand amount]"},
		{KeyDemand, "respond by [Attorney to insert the response deadline]"},
		{KeyDemand, "[Attorney to insert the firm and signature]"},
	}
	for _, tt := range tests {
		s, _ := d.Section(tt.key)
		if !strings.Contains(s.Body, tt.want) {
			t.Errorf("%s lacks %q:\n%s", tt.key, tt.want, s.Body)
		}
		if err := d.Approve(tt.key); err == nil {
			t.Errorf("%s approved with a placeholder", tt.key)
		}
	}
	c := reporttest.Sample()
	c.Matter.Client, c.Matter.DateOfIncident = "", chronology.Matter{}.DateOfIncident
	bare := Generate(c, Options{})
	f, _ := bare.Section(KeyFacts)
	if !strings.HasPrefix(f.Body, "On [Attorney to insert the date of loss], our client was injured") {
		t.Errorf("facts without client or date:\n%s", f.Body)
	}
}

func TestGenerateVariants(t *testing.T) {
	tests := []struct {
		variant     string
		intro, dem  []string
		placeholder bool
	}{
		{VariantBodilyInjury, []string{"for which your insured is responsible"}, []string{"demands $95,000.00 in full settlement of the claim against your insured"}, false},
		{VariantUMUIM, []string{"Your insured (our client): Acme Freight LLC", "uninsured/underinsured motorist benefits", "- Policy limits: $100,000.00"},
			[]string{"under the uninsured/underinsured motorist coverage of the policy, whose limits are $100,000.00"}, false},
		{VariantPolicyLimits, []string{"time-limited offer", "- Policy limits: $100,000.00"},
			[]string{"for the bodily-injury limits of the policy, $100,000.00", "open until 5:00 p.m. on February 16, 2026", "release of your insured only"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.variant, func(t *testing.T) {
			in := fullInputs()
			in.Variant = tt.variant
			d := Generate(reviewedSample(), Options{Inputs: in})
			for key, wants := range map[string][]string{KeyIntroduction: tt.intro, KeyDemand: tt.dem} {
				s, _ := d.Section(key)
				for _, w := range wants {
					if !strings.Contains(s.Body, w) {
						t.Errorf("%s lacks %q:\n%s", key, w, s.Body)
					}
				}
				if err := Finished(s.Body, s.Unreviewed); err != nil {
					t.Errorf("%s: %v", key, err)
				}
			}
			in.PolicyLimits = nil
			if tt.variant != VariantBodilyInjury {
				d := Generate(reviewedSample(), Options{Inputs: in})
				s, _ := d.Section(KeyDemand)
				if !strings.Contains(s.Body, "[Attorney to insert the policy limits]") {
					t.Errorf("no policy-limits placeholder:\n%s", s.Body)
				}
			}
		})
	}
}

// TestGenerateUsesEligibleEntries: rejected and ungrounded entries are
// never stated; each fact of an unreviewed entry is marked, listed in its
// section's Unreviewed, and a reviewed entry's facts are not marked.
func TestGenerateUsesEligibleEntries(t *testing.T) {
	c := reporttest.Sample()
	d := Generate(c, Options{Now: testNow})
	if got := []Exclusion{{"e6", "2023-04-11", "Riverside Physical Therapy", ReasonUngrounded}, {"e8", "2023-07-05", "Riverside Physical Therapy", ReasonRejected}}; !slices.Equal(d.Excluded, got) {
		t.Errorf("Excluded = %+v", d.Excluded)
	}
	byID := map[string]chronology.Entry{}
	for _, e := range c.Entries {
		byID[e.ID] = e
	}
	unreviewed := map[string]bool{}
	for _, s := range d.Sections {
		for _, id := range s.Unreviewed {
			unreviewed[id] = true
			if byID[id].Reviewed() {
				t.Errorf("section %s lists reviewed entry %s as unreviewed", s.Key, id)
			}
		}
		for _, id := range []string{"e6", "e8"} {
			if slices.Contains(s.Citations, byID[id].Citations[0]) {
				t.Errorf("section %s cites left-out entry %s", s.Key, id)
			}
		}
		for _, marker := range []string{"April 11, 2023, Riverside", "July 5, 2023", "scanned.pdf p. 2)", "scanned.pdf p. 6)"} {
			if s.Key != KeyGaps && strings.Contains(s.Body, marker) {
				t.Errorf("section %s mentions a left-out entry (%q)", s.Key, marker)
			}
		}
		if (len(s.Unreviewed) > 0) != strings.Contains(s.Body, UnreviewedMark) {
			t.Errorf("section %s: %d unreviewed entries, mark present %v", s.Key, len(s.Unreviewed), strings.Contains(s.Body, UnreviewedMark))
		}
	}
	for _, id := range []string{"e4", "e5", "e9"} {
		if !unreviewed[id] {
			t.Errorf("unreviewed entry %s is not listed as unreviewed by any section", id)
		}
	}
	tr, _ := d.Section(KeyTreatment)
	if !strings.Contains(tr.Body, "(Ex. 4, VI0001) "+UnreviewedMark) || strings.Contains(tr.Body, "(Ex. 2, MC000003) "+UnreviewedMark) {
		t.Errorf("marks on the wrong facts:\n%s", tr.Body)
	}
	for _, s := range d.Sections {
		if strings.Contains(strings.ToLower(s.Body), "verified") {
			t.Errorf("section %s claims verification:\n%s", s.Key, s.Body)
		}
	}
}

var dollarAmount = regexp.MustCompile(`\$[0-9][0-9,]*\.[0-9]{2}`)

// allowedAmounts are the amounts a letter may state: the chronology's
// specials, per provider and in total (billed, adjustments, paid,
// balance), and the attorney's inputs with what follows from them.
func allowedAmounts(c chronology.Chronology, in Inputs) map[string]bool {
	ok := map[string]bool{}
	add := func(v float64) { ok[textutil.Dollars(v)] = true }
	var adj, paid float64
	for _, p := range c.Specials.ByProvider {
		add(p.Charges)
		add(deref(p.Adjustments))
		add(deref(p.Paid))
		add(balance(p.Charges, deref(p.Adjustments), deref(p.Paid)))
		adj, paid = adj+deref(p.Adjustments), paid+deref(p.Paid)
	}
	add(c.Specials.TotalCharges)
	add(adj)
	add(paid)
	add(balance(c.Specials.TotalCharges, adj, paid))
	add(deref(c.Specials.UngroundedCharges))
	total := c.Specials.TotalCharges
	for _, v := range []*float64{in.PolicyLimits, in.DailyWage, in.PIP, in.MedPay, in.OutOfPocket, in.FutureCareCost, in.DemandAmount} {
		if v != nil {
			add(*v)
		}
	}
	for _, l := range in.Liens {
		add(l.Amount)
	}
	if in.DailyWage != nil && in.DaysMissed != nil {
		w := *in.DailyWage * float64(*in.DaysMissed)
		add(w)
		total += w
	}
	total += deref(in.FutureCareCost)
	add(total)
	return ok
}

func TestGenerateInventsNoAmounts(t *testing.T) {
	for _, in := range []Inputs{{}, fullInputs()} {
		c := reviewedSample()
		d := Generate(c, Options{Inputs: in})
		ok := allowedAmounts(c, in)
		for _, s := range d.Sections {
			for _, m := range dollarAmount.FindAllString(s.Body, -1) {
				if !ok[m] {
					t.Errorf("section %s states %s, which neither the specials nor the inputs give", s.Key, m)
				}
			}
		}
	}
}

// TestTreatmentPerProvider: one narrative per provider, not a paragraph
// per visit, each short.
func TestTreatmentPerProvider(t *testing.T) {
	c := reviewedSample()
	// Twenty more therapy visits make no more paragraphs.
	for i := range 20 {
		e := c.Entries[4]
		e.ID, e.Date = e.ID+string(rune('a'+i)), e.Date.AddDays(7*(i+1))
		c.Entries = append(c.Entries, e)
	}
	d := Generate(c, Options{})
	s, _ := d.Section(KeyTreatment)
	blocks := strings.Split(s.Body, "### ")[1:]
	if len(blocks) != 4 {
		t.Fatalf("%d provider blocks, want 4:\n%s", len(blocks), s.Body)
	}
	for _, b := range blocks {
		name, text, _ := strings.Cut(b, "\n\n")
		if n := strings.Count(strings.TrimSpace(text), "\n\n"); n != 0 {
			t.Errorf("%s has %d paragraphs, want 1", name, n+1)
		}
		if n := wordCount(text); n > 120 {
			t.Errorf("%s: %d words, want at most 120", name, n)
		}
	}
	if !strings.Contains(s.Body, "attended 22 physical therapy visits") {
		t.Errorf("the therapy run is not counted:\n%s", s.Body)
	}
}

func TestRecordText(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
		ok   bool
	}{
		{"Neck pain after collision. Pain 8/10.", 20, "Neck pain after collision", true},
		{"1. C5-C6 protrusion 2. C6-C7 bulge", 20, "C5-C6 protrusion", true},
		{"Seen by Dr. Reyes today. Better.", 20, "Seen by Dr. Reyes today", true},
		{"one two three four five, six seven eight nine ten", 7, "one two three four five", true},
		{"one two three four five six seven eight nine ten", 7, "", false},
		{"Patient Name: Jane DOS: 2023-01-01 Clinician: X", 20, "", false},
		{"M54.2, S13.4XXD P Progress resistance", 20, "", false},
		{"Cut by the extractor…", 20, "", false},
	}
	for _, tt := range tests {
		got, ok := brief(tt.in, tt.max)
		if got != tt.want || ok != tt.ok {
			t.Errorf("brief(%q, %d) = %q, %v; want %q, %v", tt.in, tt.max, got, ok, tt.want, tt.ok)
		}
	}
}

func TestOccupation(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Goal is to return to full duty as a retail store manager.", "retail store manager"},
		{"Works as a forklift operator at Harbor.", "forklift operator"},
		{"Neck pain.", ""},
	}
	for _, tt := range tests {
		c := chronology.Chronology{Entries: []chronology.Entry{{Complaints: tt.text, Citations: []extract.Citation{{}}}}}
		if got := Occupation(c); got != tt.want {
			t.Errorf("Occupation(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
