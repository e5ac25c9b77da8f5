package chronology

import (
	"github.com/medchron/medchron/extract"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/extract/dates"
)

var t0 = time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)

func reviewed(id, state string, min int, fields map[string]string, reason string) EntryReview {
	return EntryReview{MatterID: "m", EntryID: id, State: state, Fields: fields, Reason: reason,
		UserID: "u1", Username: "paula", At: t0.Add(time.Duration(min) * time.Minute)}
}

func reviewChronology() Chronology {
	pain := 6.0
	return Chronology{Matter: Matter{ID: "m"}, Entries: []Entry{
		{ID: "a", Date: dates.New(2023, 3, 10), ProviderID: "p1", Provider: "St Marys", Summary: "ER visit", Grounded: true},
		{ID: "b", Date: dates.New(2023, 4, 20), ProviderID: "p2", Provider: "Coastal Ortho", PainScore: &pain, Grounded: true},
		{ID: "c", Date: dates.New(2023, 5, 1), ProviderID: "p2", Provider: "Coastal Ortho", Grounded: false},
		{ID: "d", Date: dates.New(2023, 6, 1), ProviderID: "p2", Provider: "Coastal Ortho", Grounded: true},
	}}
}

func TestEntryReviewValidate(t *testing.T) {
	cases := []struct {
		name string
		r    EntryReview
		want string // "" for valid, else a part of the message
	}{
		{"verify", reviewed("a", ReviewVerified, 0, nil, ""), ""},
		{"reset", reviewed("a", ReviewUnreviewed, 0, nil, ""), ""},
		{"reject with reason", reviewed("a", ReviewRejected, 0, nil, "not this patient"), ""},
		{"reject without reason", reviewed("a", ReviewRejected, 0, nil, "  "), "reason is required"},
		{"correct", reviewed("a", ReviewCorrected, 0, map[string]string{"date": "2023-03-11", "pain_score": "7.5"}, ""), ""},
		{"correct nothing", reviewed("a", ReviewCorrected, 0, nil, ""), "at least one field"},
		{"bad date", reviewed("a", ReviewCorrected, 0, map[string]string{"date": "03/11/2023"}, ""), "not a date"},
		{"bad pain", reviewed("a", ReviewCorrected, 0, map[string]string{"pain_score": "11"}, ""), "0 to 10"},
		{"empty provider", reviewed("a", ReviewCorrected, 0, map[string]string{"provider": " "}, ""), "cannot be empty"},
		{"unknown field", reviewed("a", ReviewCorrected, 0, map[string]string{"billing_code": "x"}, ""), "not a field"},
		{"too many diagnoses", reviewed("a", ReviewCorrected, 0, map[string]string{"diagnoses": strings.Repeat("M54.2 Cervicalgia\n", 61)}, ""), "at most 60"},
		{"verify with fields", reviewed("a", ReviewVerified, 0, map[string]string{"summary": "x"}, ""), "only a correction"},
		{"unknown state", reviewed("a", "approved", 0, nil, ""), "unknown state"},
		{"no reviewer", EntryReview{MatterID: "m", EntryID: "a", State: ReviewVerified}, "reviewer is required"},
		{"no entry", EntryReview{MatterID: "m", State: ReviewVerified, UserID: "u"}, "entry are required"},
	}
	for _, c := range cases {
		err := c.r.Validate()
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

func TestApplyReviews(t *testing.T) {
	c := reviewChronology()
	rs := []EntryReview{
		// Given out of order: ApplyReviews sorts by time.
		reviewed("b", ReviewVerified, 5, nil, ""),
		reviewed("b", ReviewCorrected, 1, map[string]string{"provider": "Coastal Orthopaedics", "pain_score": "7"}, ""),
		reviewed("b", ReviewCorrected, 3, map[string]string{"provider": "Coastal Orthopaedics Group"}, ""),
		reviewed("a", ReviewCorrected, 1, map[string]string{"summary": "wrong"}, ""),
		reviewed("a", ReviewUnreviewed, 2, nil, ""),
		reviewed("c", ReviewRejected, 1, nil, "another patient"),
		reviewed("d", ReviewCorrected, 1, map[string]string{"date": "2023-01-02"}, ""),
		reviewed("gone", ReviewVerified, 1, nil, ""),
	}
	if n := ApplyReviews(&c, rs); n != 7 {
		t.Errorf("applied %d reviews, want 7 (the removed entry's is ignored)", n)
	}
	by := map[string]Entry{}
	for _, e := range c.Entries {
		by[e.ID] = e
	}
	// b: two corrections then a verification stays "corrected"; the later
	// correction of a field wins and the original is the extracted value.
	b := by["b"]
	if b.Review != ReviewCorrected || b.Provider != "Coastal Orthopaedics Group" || *b.PainScore != 7 || !b.Reviewed() {
		t.Errorf("b: review %q provider %q pain %v", b.Review, b.Provider, *b.PainScore)
	}
	if len(b.Corrections) != 2 {
		t.Fatalf("b corrections: %+v", b.Corrections)
	}
	for _, cr := range b.Corrections {
		switch cr.Field {
		case "provider":
			if cr.Original != "Coastal Ortho" || cr.Value != "Coastal Orthopaedics Group" || cr.By != "paula" || !cr.At.Equal(t0.Add(3*time.Minute)) {
				t.Errorf("provider correction: %+v", cr)
			}
		case "pain_score":
			if cr.Original != "6" || cr.Value != "7" {
				t.Errorf("pain correction: %+v", cr)
			}
		}
	}
	if b.ReviewedBy == nil || !b.ReviewedBy.At.Equal(t0.Add(5*time.Minute)) {
		t.Errorf("b reviewed by %+v", b.ReviewedBy)
	}
	// a: a reset drops the earlier correction and the state.
	a := by["a"]
	if a.Review != ReviewUnreviewed || a.Summary != "ER visit" || len(a.Corrections) != 0 || a.ReviewedBy != nil || a.Reviewed() {
		t.Errorf("a after reset: %+v", a)
	}
	c2 := by["c"]
	if c2.Review != ReviewRejected || c2.ReviewedBy.Reason != "another patient" || c2.Reviewed() {
		t.Errorf("c: %+v", c2)
	}
	// d's corrected date moves it to the front.
	if c.Entries[0].ID != "d" || c.Entries[0].Date != dates.New(2023, 1, 2) {
		t.Errorf("entries not re-sorted after a date correction: first is %s %s", c.Entries[0].ID, c.Entries[0].Date)
	}
}

func TestBulkVerify(t *testing.T) {
	c := reviewChronology()
	ApplyReviews(&c, []EntryReview{reviewed("d", ReviewRejected, 1, nil, "duplicate")})
	rs, skipped := BulkVerify(c, "p2", "u2", "olga", t0)
	// b is verifiable; c's quote was not found; d is already reviewed.
	if len(rs) != 1 || rs[0].EntryID != "b" || skipped != 1 {
		t.Fatalf("bulk: %+v, skipped %d", rs, skipped)
	}
	if err := rs[0].Validate(); err != nil || rs[0].Username != "olga" || rs[0].MatterID != "m" {
		t.Errorf("bulk review %+v: %v", rs[0], err)
	}
	if rs, _ := BulkVerify(c, "nobody", "u2", "olga", t0); len(rs) != 0 {
		t.Errorf("unknown provider: %d reviews", len(rs))
	}
}

// TestCorrectableFieldsRoundTrip: every listed field has an accessor, and
// a value set through a correction reads back the same.
func TestCorrectableFieldsRoundTrip(t *testing.T) {
	if len(CorrectableFields) != len(fields) {
		t.Fatalf("%d listed fields, %d accessors", len(CorrectableFields), len(fields))
	}
	vals := map[string]string{"date": "2024-02-29", "pain_score": "6.5"}
	for _, f := range CorrectableFields {
		if _, ok := fields[f]; !ok {
			t.Fatalf("no accessor for %q", f)
		}
		v, ok := vals[f]
		if !ok {
			v = "corrected " + f
		}
		if err := checkField(f, v); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var e Entry
		e.setField(f, v)
		if got := e.FieldValue(f); got != v {
			t.Errorf("%s: set %q, read %q", f, v, got)
		}
	}
	var e Entry
	e.setField("pain_score", "")
	if e.PainScore != nil || e.FieldValue("pain_score") != "" || e.FieldValue("no_such") != "" {
		t.Error("empty pain score or unknown field")
	}
}

// TestApplyReviewsUndated: a reviewer verifies one undated entry (it stays
// undated) and dates another, which moves it into the entries in date
// order.
func TestApplyReviewsUndated(t *testing.T) {
	c := reviewChronology()
	c.UndatedEntries = []Entry{
		{ID: "u1", Provider: "Coastal Ortho", Review: ReviewUnreviewed},
		{ID: "u2", Provider: "Coastal Ortho", Review: ReviewUnreviewed},
	}
	n := ApplyReviews(&c, []EntryReview{
		reviewed("u1", ReviewVerified, 1, nil, ""),
		reviewed("u2", ReviewCorrected, 2, map[string]string{"date": "2023-01-01"}, ""),
	})
	if n != 2 {
		t.Errorf("applied %d reviews, want 2", n)
	}
	if len(c.UndatedEntries) != 1 || c.UndatedEntries[0].ID != "u1" || c.UndatedEntries[0].Review != ReviewVerified {
		t.Errorf("undated entries %+v", c.UndatedEntries)
	}
	if c.Entries[0].ID != "u2" || c.Entries[0].Date != dates.New(2023, 1, 1) || c.Entries[0].Corrections[0].Original != "" {
		t.Errorf("the dated entry is not first: %+v", c.Entries[0])
	}
}

// TestCorrectLists: diagnoses, procedures and medications are corrected as
// one item a line, codes read from the line's start; the summary follows
// the corrected fields unless it was corrected itself.
func TestCorrectLists(t *testing.T) {
	c := reviewChronology()
	ApplyReviews(&c, []EntryReview{reviewed("b", ReviewCorrected, 1, map[string]string{
		"diagnoses":   "S13.4XXA Sprain of ligaments of cervical spine\nm54.2 — cervicalgia\nWhiplash",
		"procedures":  "97110 Therapeutic exercise\nManual therapy",
		"medications": "Cyclobenzaprine 10 mg\n\n Ibuprofen 600 mg ",
	}, "")})
	var e Entry
	for _, x := range c.Entries {
		if x.ID == "b" {
			e = x
		}
	}
	wantDx := []extract.Coded{{Code: "S13.4XXA", Description: "Sprain of ligaments of cervical spine"}, {Code: "M54.2", Description: "cervicalgia"}, {Description: "Whiplash"}}
	if !slices.Equal(e.Diagnoses, wantDx) {
		t.Errorf("diagnoses %+v", e.Diagnoses)
	}
	if len(e.Procedures) != 2 || e.Procedures[0].Code != "97110" || e.Procedures[1].Code != "" {
		t.Errorf("procedures %+v", e.Procedures)
	}
	if !slices.Equal(e.Medications, []string{"Cyclobenzaprine 10 mg", "Ibuprofen 600 mg"}) {
		t.Errorf("medications %q", e.Medications)
	}
	if !strings.Contains(e.Summary, "cervicalgia (M54.2)") {
		t.Errorf("the summary does not follow the corrected diagnoses: %q", e.Summary)
	}
	if got := e.FieldValue("diagnoses"); got != "S13.4XXA Sprain of ligaments of cervical spine\nM54.2 cervicalgia\nWhiplash" {
		t.Errorf("FieldValue(diagnoses) = %q", got)
	}
}
