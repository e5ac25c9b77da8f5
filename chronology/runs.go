package chronology

import (
	"fmt"
	"slices"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/textutil"
)

// MinRunVisits is the fewest visits a repetitive run holds.
const MinRunVisits = 3

// Pain trends of a run.
const (
	TrendImproving = "improving"
	TrendWorsening = "worsening"
	TrendUnchanged = "unchanged"
)

// Run is a repetitive series of visits — a physical therapy or chiropractic
// course — of one provider and visit type, shown as one block: its visits,
// date range and pain trend. Each visit stays an entry of its own (with
// RunID set) and is reachable from the block.
type Run struct {
	ID         string     `json:"id"`
	ProviderID string     `json:"provider_id"`
	Provider   string     `json:"provider"`
	VisitType  string     `json:"visit_type"`
	EntryIDs   []string   `json:"entry_ids"`
	Visits     int        `json:"visits"`
	FirstDate  dates.Date `json:"first_date"`
	LastDate   dates.Date `json:"last_date"`
	// PainFirst and PainLast are the first and last pain scores of the
	// run's visits that give one; PainTrend compares them when two or more
	// visits give one.
	PainFirst *float64 `json:"pain_first,omitempty"`
	PainLast  *float64 `json:"pain_last,omitempty"`
	PainTrend string   `json:"pain_trend,omitempty"`
}

// repetitiveKinds are the provider kinds whose visits come in series.
var repetitiveKinds = []string{"physical_therapy", "chiropractic", "occupational_therapy", "massage", "acupuncture"}

// repetitiveWords mark a visit type of a series, whatever its provider.
var repetitiveWords = []string{"therapy", "chiropractic", "adjustment", "massage", "acupuncture", "rehab", "daily note", "treatment note"}

// recomputeRuns finds c's runs again after reviews: a visit re-dated,
// rejected, moved to another provider or given another visit type
// changes the runs it belongs to.
func recomputeRuns(c *Chronology) {
	for i := range c.Entries {
		c.Entries[i].RunID = ""
	}
	for i := range c.UndatedEntries {
		c.UndatedEntries[i].RunID = ""
	}
	kinds := make(map[string]string, len(c.Providers))
	for _, p := range c.Providers {
		kinds[p.ID] = p.Kind
	}
	gap := c.Matter.GapDays
	if gap <= 0 {
		gap = DefaultGapDays
	}
	c.Runs = computeRuns(c.Entries, kinds, gap)
}

// computeRuns finds the runs among entries (sorted by date) and sets each
// member's RunID; rejected visits take no part. A run is MinRunVisits or more visits of one provider and
// visit type, of a repetitive kind, with no interval longer than gapDays
// between consecutive visits; evaluations and re-evaluations of the same
// provider stand apart as their own visit types.
func computeRuns(entries []Entry, kinds map[string]string, gapDays int) []Run {
	type key struct{ prov, visit string }
	series := map[key][]int{}
	var order []key
	for i, e := range entries {
		if e.Date.IsZero() || e.Review == ReviewRejected || !repetitive(kinds[e.ProviderID], e.VisitType) {
			continue
		}
		k := key{e.ProviderID, strings.ToLower(strings.TrimSpace(e.VisitType))}
		if _, ok := series[k]; !ok {
			order = append(order, k)
		}
		series[k] = append(series[k], i)
	}
	var runs []Run
	for _, k := range order {
		idx := series[k]
		start := 0
		for j := 1; j <= len(idx); j++ {
			if j < len(idx) && lastDay(entries[idx[j-1]]).DaysUntil(entries[idx[j]].Date) <= gapDays {
				continue
			}
			if j-start >= MinRunVisits {
				runs = append(runs, newRun(entries, idx[start:j]))
			}
			start = j
		}
	}
	slices.SortFunc(runs, func(a, b Run) int {
		if c := a.FirstDate.Compare(b.FirstDate); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return runs
}

func lastDay(e Entry) dates.Date {
	if e.EndDate.Valid() && e.EndDate.After(e.Date) {
		return e.EndDate
	}
	return e.Date
}

func repetitive(kind, visitType string) bool {
	v := strings.ToLower(visitType)
	if strings.Contains(v, "evaluation") || strings.Contains(v, "consult") || strings.Contains(v, "discharge") {
		return false
	}
	if slices.Contains(repetitiveKinds, kind) {
		return true
	}
	for _, w := range repetitiveWords {
		if strings.Contains(v, w) {
			return true
		}
	}
	return false
}

func newRun(entries []Entry, idx []int) Run {
	first, last := &entries[idx[0]], &entries[idx[len(idx)-1]]
	r := Run{ProviderID: first.ProviderID, Provider: first.Provider, VisitType: first.VisitType,
		Visits: len(idx), FirstDate: first.Date, LastDate: lastDay(*last)}
	scored := 0
	for _, i := range idx {
		e := &entries[i]
		r.EntryIDs = append(r.EntryIDs, e.ID)
		if e.PainScore != nil {
			p := *e.PainScore
			if r.PainFirst == nil {
				r.PainFirst = &p
			}
			r.PainLast = &p
			scored++
		}
	}
	r.ID = "run-" + shortHash(r.EntryIDs...)
	for _, i := range idx {
		entries[i].RunID = r.ID
	}
	if scored >= 2 {
		switch d := *r.PainLast - *r.PainFirst; {
		case d < 0:
			r.PainTrend = TrendImproving
		case d > 0:
			r.PainTrend = TrendWorsening
		default:
			r.PainTrend = TrendUnchanged
		}
	}
	return r
}

// copiedForwardMin is the shortest exam text, in bytes, whose word-for-word
// repetition is flagged: "C/T/L" repeats by nature.
const copiedForwardMin = 60

// copiedForwardFlags flags each entry whose findings repeat word for word
// (folded case and spaces) those of an earlier visit to the same provider
// on another date: an exam copied forward from a previous note, which an
// adjuster reads as no exam at all. The flag cites both entries' first
// pages.
func copiedForwardFlags(entries []Entry) []Flag {
	type seen struct {
		id   string
		date dates.Date
		cite extract.Citation
	}
	first := map[string]seen{}
	var fs []Flag
	for _, e := range entries {
		text := strings.ToLower(textutil.FoldSpace(e.Findings))
		if len(text) < copiedForwardMin || e.Date.IsZero() || len(e.Citations) == 0 {
			continue
		}
		k := e.ProviderID + "\x00" + text
		s, ok := first[k]
		if !ok {
			first[k] = seen{e.ID, e.Date, e.Citations[0]}
			continue
		}
		if s.date == e.Date {
			continue
		}
		fs = append(fs, Flag{Kind: FlagCopiedForward,
			Message: fmt.Sprintf("Entry %s (%s, %s): the exam findings repeat word for word those of %s (%s): possibly copied forward.",
				e.ID, e.Date, e.Provider, s.id, s.date),
			EntryIDs: []string{e.ID, s.id}, Citations: []extract.Citation{e.Citations[0], s.cite}})
	}
	return fs
}
