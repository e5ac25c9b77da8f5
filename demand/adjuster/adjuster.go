package adjuster

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// Kinds of points.
const (
	KindGap               = "gap"
	KindDelayedTreatment  = "delayed_treatment"
	KindPriorHistory      = "prior_history"
	KindMissedAppointment = "missed_appointment"
	KindInconsistentPain  = "inconsistent_pain"
	KindHarmfulPhrase     = "harmful_phrase"
)

// Point is one thing an adjuster would attack.
type Point struct {
	// ID is stable across rebuilds of the same chronology: it hashes the
	// kind, the entries and what was found, so a saved answer finds its
	// point again.
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Title string `json:"title"`
	// Explanation says what the records show and how an insurer uses it.
	Explanation string `json:"explanation"`
	// Date is when it happened (the first date for a span).
	Date      dates.Date         `json:"date,omitzero"`
	EntryIDs  []string           `json:"entry_ids,omitempty"`
	Citations []extract.Citation `json:"citations"`
	// Answer is the attorney's answer; empty until written.
	Answer string `json:"answer"`
}

// Options tune Read. Zero fields take the defaults.
type Options struct {
	// DelayDays: a first treatment more than this many days after the
	// incident is a point (default 2: the day of the incident and the next
	// two days are prompt).
	DelayDays int
	// PainJump and PainWindowDays: consecutive scores that differ by at
	// least PainJump points within PainWindowDays are a point (default 4
	// points within 14 days).
	PainJump       float64
	PainWindowDays int
	// ContradictionPoints and ContradictionDays: scores from two different
	// providers at least ContradictionPoints apart within ContradictionDays
	// are a point (default 3 points within 3 days).
	ContradictionPoints float64
	ContradictionDays   int
}

func (o *Options) defaults() {
	if o.DelayDays <= 0 {
		o.DelayDays = 2
	}
	if o.PainJump <= 0 {
		o.PainJump = 4
	}
	if o.PainWindowDays <= 0 {
		o.PainWindowDays = 14
	}
	if o.ContradictionPoints <= 0 {
		o.ContradictionPoints = 3
	}
	if o.ContradictionDays <= 0 {
		o.ContradictionDays = 3
	}
}

// Read lists the points of c, by date (undated last), then kind.
func Read(c chronology.Chronology, opt Options) []Point {
	opt.defaults()
	r := reader{c: c, opt: opt, byID: map[string]chronology.Entry{}}
	for _, e := range c.AllEntries() {
		if e.Review == chronology.ReviewRejected {
			continue
		}
		r.byID[e.ID] = e
		if e.Date.IsZero() {
			r.undated = append(r.undated, e)
		} else {
			r.dated = append(r.dated, e)
		}
	}
	slices.SortStableFunc(r.dated, func(a, b chronology.Entry) int { return a.Date.Compare(b.Date) })
	var out []Point
	out = append(out, r.gaps()...)
	out = append(out, r.delay()...)
	out = append(out, r.prior()...)
	out = append(out, r.missed()...)
	out = append(out, r.pain()...)
	out = append(out, r.phrases()...)
	slices.SortStableFunc(out, func(a, b Point) int {
		switch {
		case a.Date.IsZero() && !b.Date.IsZero():
			return 1
		case b.Date.IsZero() && !a.Date.IsZero():
			return -1
		}
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)))
	})
	return out
}

func kindOrder(k string) int {
	return slices.Index([]string{KindPriorHistory, KindDelayedTreatment, KindGap, KindMissedAppointment, KindInconsistentPain, KindHarmfulPhrase}, k)
}

// WithAnswers returns points with the saved answers (by point ID) filled
// in; answers whose point is gone are returned as orphans, so that the
// attorney can see what no longer applies.
func WithAnswers(points []Point, answers map[string]string) ([]Point, map[string]string) {
	out := slices.Clone(points)
	used := map[string]bool{}
	for i := range out {
		if a, ok := answers[out[i].ID]; ok {
			out[i].Answer = a
			used[out[i].ID] = true
		}
	}
	orphans := map[string]string{}
	for id, a := range answers {
		if !used[id] {
			orphans[id] = a
		}
	}
	return out, orphans
}

// reader holds one Read's state.
type reader struct {
	c       chronology.Chronology
	opt     Options
	byID    map[string]chronology.Entry
	dated   []chronology.Entry // in date order
	undated []chronology.Entry
}

// point fills the ID of p from its kind, entries and key.
func point(p Point, key string) Point {
	h := sha256.New()
	h.Write([]byte(p.Kind + "\x00" + strings.Join(p.EntryIDs, ",") + "\x00" + key))
	p.ID = p.Kind + "-" + hex.EncodeToString(h.Sum(nil))[:10]
	if p.Citations == nil {
		p.Citations = []extract.Citation{}
	}
	return p
}

// firstCite returns the entry's first citation (the one carrying its
// date), if any.
func firstCite(e chronology.Entry) []extract.Citation {
	if len(e.Citations) == 0 {
		return nil
	}
	return e.Citations[:1]
}

// longDate formats d as "March 14, 2023".
func longDate(d dates.Date) string {
	if d.IsZero() {
		return "an undated record"
	}
	return d.Time().Format("January 2, 2006")
}

// texts returns an entry's text fields by name, and its quotes.
func texts(e chronology.Entry) [][2]string {
	out := [][2]string{{"complaints", e.Complaints}, {"findings", e.Findings}, {"assessment", e.Assessment},
		{"plan", e.Plan}, {"work status", e.WorkStatus}, {"summary", e.Summary}}
	for _, c := range e.Citations {
		out = append(out, [2]string{"quote", c.Quote})
	}
	return out
}
