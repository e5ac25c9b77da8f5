package adjuster

import (
	"bytes"
	"flag"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var doi = dates.New(2024, 3, 14)

func day(n int) dates.Date { return doi.AddDays(n) }

func pain(v float64) *float64 { return &v }

// ent builds an entry on day n after the incident whose first citation
// quotes its date and whose other citations quote each field given.
func ent(id string, n int, prov string, set func(*chronology.Entry)) chronology.Entry {
	e := chronology.Entry{ID: id, Date: day(n), ProviderID: "p-" + strings.ToLower(strings.Fields(prov)[0]), Provider: prov,
		Citations: []extract.Citation{{DocumentID: "doc-" + id, Page: 1, Bates: "MC" + id, Quote: "DOS " + day(n).String()}}}
	if set != nil {
		set(&e)
	}
	for _, f := range []string{e.Complaints, e.Findings, e.Plan, e.WorkStatus} {
		if f != "" {
			e.Citations = append(e.Citations, extract.Citation{DocumentID: "doc-" + id, Page: 2, Bates: "MC" + id + "-2", Quote: f})
		}
	}
	return e
}

func matter(es ...chronology.Entry) chronology.Chronology {
	return chronology.Chronology{Schema: chronology.SchemaVersion,
		Matter:  chronology.Matter{ID: "M-1", Client: "Dana Cole", DateOfIncident: doi, GapDays: 30},
		Entries: es, Gaps: []chronology.Gap{}}
}

func TestRead(t *testing.T) {
	er := ent("er", 0, "Mercy General Hospital", func(e *chronology.Entry) { e.PainScore = pain(8) })
	for _, tc := range []struct {
		name string
		c    chronology.Chronology
		// want is the kinds of the points found, in order; has are texts
		// the explanations must hold, in the same order.
		want []string
		has  []string
	}{
		{"prompt, steady treatment", matter(er, ent("pt1", 7, "Active Life PT", nil)), nil, nil},
		{"delayed first treatment", matter(ent("uc", 6, "Quick Urgent Care", nil)), []string{KindDelayedTreatment}, []string{"6 days later"}},
		{"two days is prompt", matter(ent("uc", 2, "Quick Urgent Care", nil)), nil, nil},
		{"gap with a reason", func() chronology.Chronology {
			c := matter(er, ent("pt1", 10, "Active Life PT", nil), ent("pt2", 55, "Active Life PT", func(e *chronology.Entry) {
				e.Complaints = "Patient returns after an absence from therapy because of an insurance authorization delay"
			}))
			c.Gaps = []chronology.Gap{{From: day(10), To: day(55), Days: 45, AfterEntryID: "pt1", BeforeEntryID: "pt2"}}
			return c
		}(), []string{KindGap}, []string{"no treatment for 45 days, from March 24, 2024 (the visit to Active Life PT) to May 8, 2024. " +
			"An adjuster will argue that the injuries had resolved, or that the later care treats something else. The visit of May 8, 2024 at Active Life PT " +
			"gives a reason: “Patient returns after an absence from therapy because of an insurance authorization delay”."}},
		{"prior history with the flag's regions", func() chronology.Chronology {
			c := matter(ent("pcp", -300, "Valley Family Medicine", func(e *chronology.Entry) {
				e.PreIncident, e.Assessment = true, "cervical strain"
			}), er)
			c.Flags = []chronology.Flag{{Kind: chronology.FlagPreExisting, Message: "The records mention the cervical spine before the incident.", EntryIDs: []string{"pcp"}}}
			return c
		}(), []string{KindPriorHistory}, []string{"“cervical strain”. An adjuster"}},
		{"no-show and cancellation", matter(er,
			ent("pt1", 7, "Active Life PT", func(e *chronology.Entry) { e.Plan = "Patient was a no-show on 03/25; rescheduled" }),
			ent("pt2", 9, "Active Life PT", func(e *chronology.Entry) { e.Summary = "Appointment cancelled by patient." })),
			[]string{KindMissedAppointment, KindMissedAppointment}, []string{"no-show", "Appointment cancelled"}},
		{"abrupt pain change", matter(er, ent("pt1", 5, "Active Life PT", func(e *chronology.Entry) { e.PainScore = pain(2) })),
			[]string{KindInconsistentPain}, []string{"Mercy General Hospital recorded pain 8/10"}},
		{"slow pain change is no point", matter(er, ent("pt1", 30, "Active Life PT", func(e *chronology.Entry) { e.PainScore = pain(2) })), nil, nil},
		{"contradicting providers", matter(
			ent("pt1", 1, "Active Life PT", func(e *chronology.Entry) { e.PainScore = pain(7) }),
			ent("dc1", 2, "Spine Align Chiropractic", func(e *chronology.Entry) { e.PainScore = pain(4) }),
			ent("pt2", 8, "Active Life PT", func(e *chronology.Entry) { e.PainScore = pain(6) })),
			[]string{KindInconsistentPain}, []string{"Spine Align Chiropractic recorded 4/10"}},
		{"harmful phrases, negation skipped", matter(er,
			ent("pt1", 7, "Active Life PT", func(e *chronology.Entry) {
				e.Complaints = "Neck pain worse after yard work this weekend; worked a double shift Friday"
				e.WorkStatus = "No lifting over 10 lb"
				e.Findings = "Pain worse with sitting, driving and lifting"
			}),
			ent("pt2", 9, "Active Life PT", func(e *chronology.Entry) {
				e.Plan = "Goal: return to full duty. Avoid the gym."
				e.Summary = "Back from vacation; moved house last month."
			})),
			[]string{KindHarmfulPhrase, KindHarmfulPhrase, KindHarmfulPhrase, KindHarmfulPhrase},
			[]string{"“yard work”", "“double shift”", "“vacation”", "“moved house”"}},
		{"a fall on the day of the incident is the mechanism", matter(ent("er", 0, "Mercy General Hospital", func(e *chronology.Entry) {
			e.Complaints = "Slipped and fell at the grocery store"
		})), nil, nil},
		{"rejected entries are not read", matter(er, ent("pt1", 7, "Active Life PT", func(e *chronology.Entry) {
			e.Review, e.Complaints = chronology.ReviewRejected, "played basketball"
		})), nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := Read(tc.c, Options{})
			var kinds []string
			for _, p := range ps {
				kinds = append(kinds, p.Kind)
			}
			if !slices.Equal(kinds, tc.want) {
				t.Fatalf("kinds %v, want %v: %+v", kinds, tc.want, ps)
			}
			for i, p := range ps {
				if !strings.Contains(p.Title+" "+p.Explanation, tc.has[i]) {
					t.Errorf("point %d: %q / %q lacks %q", i, p.Title, p.Explanation, tc.has[i])
				}
				if len(p.Citations) == 0 || len(p.EntryIDs) == 0 || p.ID == "" || p.Answer != "" {
					t.Errorf("point %d: citations %v, entries %v, id %q, answer %q", i, p.Citations, p.EntryIDs, p.ID, p.Answer)
				}
			}
		})
	}
}

// TestPhraseQuotedFromItsPage: a harmful phrase cites the page whose quote
// holds it, and the gap point cites the quote that gives the reason.
func TestPhraseQuotedFromItsPage(t *testing.T) {
	c := matter(ent("pt1", 7, "Active Life PT", func(e *chronology.Entry) { e.Complaints = "pain after yard work" }))
	ps := Read(c, Options{DelayDays: 10})
	if len(ps) != 1 || len(ps[0].Citations) != 1 || ps[0].Citations[0].Quote != "pain after yard work" || ps[0].Citations[0].Page != 2 ||
		strings.Contains(ps[0].Explanation, unquoted) {
		t.Fatalf("points %+v, want one citing page 2's quote", ps)
	}
	// A phrase no quote holds cites the entry's first page and says so.
	c = matter(ent("pt1", 7, "Active Life PT", func(e *chronology.Entry) { e.Summary = "Back from vacation." }))
	ps = Read(c, Options{DelayDays: 10})
	if len(ps) != 1 || ps[0].Citations[0].Page != 1 || !strings.HasSuffix(ps[0].Explanation, unquoted) {
		t.Fatalf("points %+v, want one citing page 1 and saying no quote holds the phrase", ps)
	}
}

func TestIDsStableAndAnswersKept(t *testing.T) {
	c := matter(ent("uc", 6, "Quick Urgent Care", func(e *chronology.Entry) { e.Complaints = "sore after gym" }))
	a, b := Read(c, Options{}), Read(c, Options{})
	if len(a) != 2 || a[0].ID != b[0].ID || a[1].ID != b[1].ID || a[0].ID == a[1].ID {
		t.Fatalf("ids not stable and distinct: %+v", a)
	}
	got, orphans := WithAnswers(a, map[string]string{a[1].ID: "The client went to the gym once, on the therapist's advice.", "gap-gone": "old"})
	if got[1].Answer == "" || got[0].Answer != "" || a[1].Answer != "" {
		t.Errorf("answers not applied to a copy: %+v", got)
	}
	if len(orphans) != 1 || orphans["gap-gone"] != "old" {
		t.Errorf("orphans %v", orphans)
	}
}

func TestPhrasesHaveNoGroups(t *testing.T) {
	for _, p := range Phrases {
		re := regexp.MustCompile(p.Pattern)
		if re.NumSubexp() != 0 {
			t.Errorf("phrase %q has capturing groups: use (?:…)", p.Pattern)
		}
		if attacks[p.Category] == "" {
			t.Errorf("phrase %q: category %q has no explanation", p.Pattern, p.Category)
		}
	}
}

func TestMarkdown(t *testing.T) {
	c := matter(ent("pcp", -300, "Valley Family Medicine", func(e *chronology.Entry) { e.PreIncident, e.Complaints = true, "back pain after lifting" }),
		ent("uc", 6, "Quick Urgent Care", func(e *chronology.Entry) { e.Complaints = "neck pain; vacation next week" }))
	ps, _ := WithAnswers(Read(c, Options{}), nil)
	ps[0].Answer = "Lumbar strain in 2023 resolved; this claim is for the neck."
	var b bytes.Buffer
	if err := Markdown(&b, c, ps); err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, "read.md", b.Bytes(), *update)
	if strings.Count(b.String(), "**Attorney's answer:**") != len(ps) || !strings.Contains(b.String(), NoAnswer) {
		t.Errorf("answer slots missing:\n%s", b.String())
	}
}
