package check

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
)

// TestCheckSentence checks one sentence at a time: want lists the kinds of
// the findings that must fail ("" for none), in order.
func TestCheckSentence(t *testing.T) {
	k := New(sample(), Options{
		Amounts: []Figure{{Label: "demand", Amount: 75000}, {Label: "lost wages", Amount: 2208}, {Label: "future care", Amount: 15000}},
		Names:   []string{"Bayside Medical Staffing"},
		Dates:   []NamedDate{{Label: "response deadline", Date: dates.New(2025, 1, 31)}},
		Eligible: func(e chronology.Entry) bool {
			return e.Review == chronology.ReviewVerified || e.Review == chronology.ReviewCorrected
		},
	})
	for _, tc := range []struct {
		name, text string
		fail       []Kind
		findings   int // at least this many findings
	}{
		{"bill line", "The emergency visit was billed at $1,250.00.", nil, 1},
		{"visit charges", "Mercy General Hospital charged $1,560.55 for the visit of March 14, 2024.", nil, 3},
		{"grand total", "The medical expenses total $2,345.55.", nil, 1},
		{"paid total", "Of these, $200.00 was paid.", nil, 1},
		{"provider balance", "Summit Orthopedic Associates is owed $225.00.", nil, 2},
		{"kind total", "Physical therapy cost $360.00.", nil, 1},
		{"total balance", "The balance due is $2,145.55.", nil, 1},
		{"attorney input", "We demand $75,000.00 in settlement.", nil, 1},
		{"economic damages", "Economic damages come to $19,553.55.", nil, 1},
		{"sum of inputs", "Wages and future care come to $17,208.00.", nil, 1},
		{"employer and carrier", "She works for Bayside Medical Staffing; Acme Mutual Insurance Company insures the driver.", nil, 0},
		{"a name not given", "She works for Bayview Medical Staffing.", []Kind{KindProvider}, 1},
		{"invented amount", "Mercy General Hospital charged $1,850.00.", []Kind{KindAmount}, 2},
		{"another provider's amount", "Active Life Physical Therapy charged $1,560.55.", []Kind{KindAmount}, 2},
		{"entry date", "On March 21, 2024, she saw Summit Orthopedic Associates.", nil, 2},
		{"numeric date", "She was seen on 04/03/2024 at Active Life PT.", nil, 2},
		{"ISO date and range end", "Therapy ran from 2024-04-08 to 2024-04-10.", nil, 2},
		{"incident", "On March 14, 2024, she was rear-ended.", nil, 1},
		{"attorney date", "Please respond by January 31, 2025.", nil, 1},
		{"wrong date", "On March 22, 2024, she saw Summit Orthopedic Associates.", []Kind{KindDate}, 2},
		{"date of another provider", "On April 1, 2024, she saw Summit Orthopedic Associates.", []Kind{KindDate}, 2},
		{"date printed in cited record", "The plan was follow-up with orthopedics on 03/21/2024. [Mercy General Hospital, MC000003, p. 3]", nil, 2},
		{"unknown provider", "She was then treated at Lakeside Spine Clinic.", []Kind{KindProvider}, 1},
		{"alias", "MERCY GEN HOSP ED records note neck pain.", nil, 1},
		{"shortened name", "Summit Orthopedic examined her neck.", nil, 1},
		{"clinician", "Dr. Paul Grant found a C5-C6 disc protrusion.", nil, 2},
		{"unknown clinician", "Dr. Helen Park found a disc protrusion.", []Kind{KindProvider}, 2},
		{"clinician with credential", "She was examined by Sarah Lee, MD.", nil, 1},
		{"code", "She was diagnosed with cervicalgia (M54.2).", nil, 2},
		{"code not in chronology", "She was diagnosed with a sprain of ligaments of the cervical spine (S13.4XXD).", []Kind{KindDiagnosis}, 2},
		{"diagnosis name", "The orthopedist diagnosed cervical radiculopathy.", nil, 1},
		{"invented diagnosis", "She suffered a lumbar disc herniation.", []Kind{KindDiagnosis}, 1},
		{"negated diagnosis", "X-rays showed no fracture.", nil, 0},
		{"wrong side", "She suffered a cervical sprain and a right shoulder impingement.", []Kind{KindDiagnosis}, 2},
		{"visit count", "Active Life Physical Therapy saw her for 3 visits.", nil, 2},
		{"visit count in words", "She attended three physical therapy sessions.", nil, 1},
		{"matter count", "The records show 6 visits.", nil, 1},
		{"matter count after incident", "Since the collision she had five visits.", nil, 1},
		{"wrong visit count", "She attended twelve physical therapy sessions.", []Kind{KindVisitCount}, 1},
		{"wrong provider count", "Summit Orthopedic Associates saw her for 4 visits.", []Kind{KindVisitCount}, 2},
		{"a span of days is no count", "No treatment in the 260 days between that visit and the incident.", nil, 0},
		{"frequency is no count", "Therapy was prescribed at 2 visits per week.", nil, 0},
		{"planned visits are no count", "He recommended 12 more sessions.", nil, 0},
		{"citation to an unknown page", "She had neck pain. [Mercy General Hospital, MC000099, p. 99]", []Kind{KindCitation}, 2},
		{"citation to a file page", "She had neck pain. [Mercy General Hospital, records.pdf, p. 3]", nil, 1},
		{"citation to a file whose name holds a comma", "She was evaluated. [Active Life Physical Therapy, PT notes, scanned.pdf, p. 2]", nil, 1},
		{"citation to another page of that file", "She was evaluated. [Active Life Physical Therapy, PT notes, scanned.pdf, p. 3]", []Kind{KindCitation}, 2},
		{"citation naming another provider", "She had neck pain. [Lakeside Spine Clinic, MC000003, p. 3]", []Kind{KindProvider}, 1},
		{"exhibit citation", "Her neck pain was 7/10. (Ex. 1, MC000003)", nil, 0},
		{"exhibit citation of a file page", "She was evaluated. (Ex. 3, PT notes, scanned.pdf p. 2) [not yet reviewed]", nil, 0},
		{"exhibit citation of an unknown page", "She was evaluated. (Ex. 3, MC000099)", []Kind{KindCitation}, 1},
		{"parentheses that cite nothing are text", "She had cervicalgia (M54.2) and a fracture (S22.3XXA).", []Kind{KindDiagnosis, KindDiagnosis}, 4},
		{"zero amount", "Adjustments: $0.00.", nil, 1},
		{"placeholder is not checked", "[Attorney to insert $100 and March 1, 2020]", nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := k.CheckSentence(tc.text, nil)
			var got []Kind
			for _, f := range s.Failures() {
				got = append(got, f.Kind)
				if f.Reason == "" {
					t.Errorf("failure %q has no reason", f.Text)
				}
			}
			if strings.Join(kinds(got), ",") != strings.Join(kinds(tc.fail), ",") {
				t.Errorf("failures %v, want %v; findings %+v", got, tc.fail, s.Findings)
			}
			if len(s.Findings) < tc.findings {
				t.Errorf("%d findings, want at least %d: %+v", len(s.Findings), tc.findings, s.Findings)
			}
			for _, f := range s.Findings {
				if tc.text[f.Start:f.End] != f.Text && f.Kind != KindCitation {
					t.Errorf("finding span %d-%d is %q, text %q", f.Start, f.End, tc.text[f.Start:f.End], f.Text)
				}
			}
		})
	}
}

func kinds(ks []Kind) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = string(k)
	}
	return out
}

// TestCitedOnly: with CitedOnly, a date that is some entry's date must be
// a cited entry's, and a diagnosis a cited entry's.
func TestCitedOnly(t *testing.T) {
	k := New(sample(), Options{CitedOnly: true})
	if s := k.CheckSentence("On April 1, 2024, she began therapy.", []string{"e-pt1"}); s.Failed() {
		t.Errorf("date of the cited entry failed: %+v", s.Failures())
	}
	s := k.CheckSentence("On April 3, 2024, she began therapy.", []string{"e-pt1"})
	if f := s.Failures(); len(f) != 1 || f[0].Kind != KindDate {
		t.Errorf("date of an uncited entry: failures %+v, want one date", f)
	}
	if s := k.CheckSentence("The orthopedist found cervical radiculopathy (M54.12).", []string{"e-ortho"}); s.Failed() {
		t.Errorf("diagnosis of the cited entry failed: %+v", s.Failures())
	}
	s = k.CheckSentence("The emergency physician found cervical radiculopathy (M54.12).", []string{"e-er"})
	if f := s.Failures(); len(f) != 2 || f[0].Kind != KindDiagnosis || f[1].Kind != KindDiagnosis {
		t.Errorf("diagnosis of an uncited entry: failures %+v, want two diagnoses", f)
	}
	s = k.CheckSentence("She began therapy.", []string{"e-nope"})
	if f := s.Failures(); len(f) != 1 || f[0].Kind != KindCitation {
		t.Errorf("unknown entry id: failures %+v, want one citation", f)
	}
}

// TestCheckText splits Markdown into sentences with their spans, reads a
// heading as the provider of the counts under it and marks only the
// sentences that fail.
func TestCheckText(t *testing.T) {
	text := "### Active Life Physical Therapy\n\n" +
		"She was seen by Dr. Paul Grant, DO. (Ex. 2, MC000006) [not yet reviewed] She was evaluated. (Ex. 3, PT notes, scanned.pdf p. 2)\n\n" +
		"Dana Cole attended 3 visits from April 1, 2024 to April 10, 2024. [Active Life Physical Therapy, MC000008, p. 8] " +
		"Dr. Grant saw her on 04/03/2024. [Summit Orthopedic Associates, MC000006, p. 6]\n\n" +
		"| Provider | Charges |\n| --- | ---: |\n| Mercy General Hospital | $1,560.55 |\n| Summit Orthopedic Associates | $525.00 |\n\n" +
		"- The total is $2,345.55.\n"
	r := New(sample(), Options{}).Check(text)
	var texts []string
	for _, s := range r.Sentences {
		if text[s.Start:s.End] != s.Text {
			t.Errorf("sentence span %d-%d does not hold its text %q", s.Start, s.End, s.Text)
		}
		texts = append(texts, s.Text)
	}
	want := []string{
		"### Active Life Physical Therapy",
		"She was seen by Dr. Paul Grant, DO. (Ex. 2, MC000006) [not yet reviewed]",
		"She was evaluated. (Ex. 3, PT notes, scanned.pdf p. 2)",
		"Dana Cole attended 3 visits from April 1, 2024 to April 10, 2024. [Active Life Physical Therapy, MC000008, p. 8]",
		"Dr. Grant saw her on 04/03/2024. [Summit Orthopedic Associates, MC000006, p. 6]",
		"| Provider | Charges |",
		"| Mercy General Hospital | $1,560.55 |",
		"| Summit Orthopedic Associates | $525.00 |",
		"- The total is $2,345.55.",
	}
	if strings.Join(texts, "\n") != strings.Join(want, "\n") {
		t.Fatalf("sentences:\n%s\nwant:\n%s", strings.Join(texts, "\n"), strings.Join(want, "\n"))
	}
	var failed []string
	for _, s := range r.Failed() {
		failed = append(failed, s.Text)
	}
	wantFailed := []string{want[4], want[7]} // Dr. Grant on a therapy date; an invented amount
	if strings.Join(failed, "\n") != strings.Join(wantFailed, "\n") {
		t.Errorf("failed sentences:\n%s\nwant:\n%s", strings.Join(failed, "\n"), strings.Join(wantFailed, "\n"))
	}
	if r.OK() {
		t.Error("report OK with failing sentences")
	}
	if got := r.Sentences[2].Cited; len(got) != 1 || got[0] != "e-pt1" {
		t.Errorf("cited entries %v, want [e-pt1]", got)
	}
	if got := r.Sentences[3].Cited; len(got) != 1 || got[0] != "e-pt1" {
		t.Errorf("cited entries %v, want [e-pt1]", got)
	}
}

// TestHeadingScopesCounts: a count under a provider's heading counts that
// provider's entries, not those of a clinician the sentence names.
func TestHeadingScopesCounts(t *testing.T) {
	k := New(sample(), Options{})
	r := k.Check("### Active Life Physical Therapy\n\nShe attended 3 visits, reviewed by Sarah Lee, MD.")
	if !r.OK() || len(r.Sentences) != 2 {
		t.Errorf("count under the heading: %+v", r.Sentences)
	}
	r = k.Check("She attended 3 visits with Sarah Lee, MD.")
	if r.OK() {
		t.Error("count of the clinician's provider (1 visit) passed as 3")
	}
}

// TestNegativeBalance: adjustments over the charges give a balance below
// zero, stated with its sign in the specials table.
func TestNegativeBalance(t *testing.T) {
	c := sample()
	c.Specials.ByProvider[2].Adjustments = money(500)
	c.Specials.TotalAdjustments = money(500)
	k := New(c, Options{})
	for _, text := range []string{
		"| Active Life Physical Therapy | $360.00 | $500.00 | $0.00 | -$140.00 |",
		"| Total | $2,345.55 | $500.00 | $200.00 | $1,645.55 |",
	} {
		if s := k.CheckSentence(text, nil); s.Failed() {
			t.Errorf("%s: %+v", text, s.Failures())
		}
	}
}
