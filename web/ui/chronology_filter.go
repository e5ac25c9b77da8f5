package ui

import (
	"net/url"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
)

// Flag filters of the chronology page: an entry passes when it has any of
// the checked ones.
const (
	filterGap        = "gap"
	filterPre        = "pre"
	filterUnverified = "unverified"
	filterDuplicate  = "duplicate"
	filterMissing    = "missing"
)

var flagFilters = []struct{ Key, Label string }{
	{filterGap, "Gap before or after"},
	{filterPre, "Pre-incident"},
	{filterUnverified, "Quote not found"},
	{filterDuplicate, "Duplicate page"},
	{filterMissing, "Missing records"},
}

var reviewStates = []string{chronology.ReviewUnreviewed, chronology.ReviewVerified, chronology.ReviewCorrected, chronology.ReviewRejected}

// chronoFilter is the chronology page's GET form.
type chronoFilter struct {
	Provider  string
	VisitType string
	From, To  string // YYYY-MM-DD as typed
	Review    string
	Flags     map[string]bool
	from, to  dates.Date
	Errors    []string
}

func parseChronoFilter(q url.Values) chronoFilter {
	f := chronoFilter{
		Provider: q.Get("provider"), VisitType: q.Get("visit_type"), Review: q.Get("review"),
		From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to")), Flags: map[string]bool{},
	}
	for _, v := range q["flag"] {
		for _, ff := range flagFilters {
			if v == ff.Key {
				f.Flags[v] = true
			}
		}
	}
	if f.From != "" {
		d, err := dates.ParseISO(f.From)
		if err != nil {
			f.Errors = append(f.Errors, "From: enter a date as YYYY-MM-DD.")
		}
		f.from = d
	}
	if f.To != "" {
		d, err := dates.ParseISO(f.To)
		if err != nil {
			f.Errors = append(f.Errors, "To: enter a date as YYYY-MM-DD.")
		}
		f.to = d
	}
	return f
}

// Active reports whether any filter is set.
func (f chronoFilter) Active() bool {
	return f.Provider != "" || f.VisitType != "" || f.From != "" || f.To != "" || f.Review != "" || len(f.Flags) > 0
}

// entryMarks are the facts about entries the flag filters look at.
type entryMarks struct {
	gapBefore, gapAfter map[string]bool
	duplicatePages      map[chronology.PageRef]bool
	flagged             map[string][]string // entry id → flag kinds naming it
}

func markEntries(c *chronology.Chronology) entryMarks {
	m := entryMarks{gapBefore: map[string]bool{}, gapAfter: map[string]bool{}, duplicatePages: map[chronology.PageRef]bool{}, flagged: map[string][]string{}}
	for _, g := range c.Gaps {
		if g.BeforeEntryID != "" {
			m.gapBefore[g.BeforeEntryID] = true
		}
		if g.AfterEntryID != "" {
			m.gapAfter[g.AfterEntryID] = true
		}
	}
	for _, d := range c.Duplicates {
		m.duplicatePages[chronology.PageRef{DocumentID: d.DocumentID, Page: d.Page}] = true
	}
	for _, f := range c.Flags {
		for _, id := range f.EntryIDs {
			m.flagged[id] = append(m.flagged[id], f.Kind)
		}
	}
	return m
}

func (m entryMarks) duplicate(e *chronology.Entry) bool {
	for _, c := range e.Citations {
		if m.duplicatePages[chronology.PageRef{DocumentID: c.DocumentID, Page: c.Page}] {
			return true
		}
	}
	return false
}

func (m entryMarks) has(e *chronology.Entry, kind string) bool {
	for _, k := range m.flagged[e.ID] {
		if k == kind {
			return true
		}
	}
	return false
}

// match reports whether e passes the filter.
func (f chronoFilter) match(e *chronology.Entry, m entryMarks) bool {
	if f.Provider != "" && e.ProviderID != f.Provider {
		return false
	}
	if f.VisitType != "" && !strings.EqualFold(e.VisitType, f.VisitType) {
		return false
	}
	if !f.from.IsZero() && (e.Date.IsZero() || e.Date.Before(f.from)) {
		return false
	}
	if !f.to.IsZero() && (e.Date.IsZero() || e.Date.After(f.to)) {
		return false
	}
	if f.Review != "" && reviewState(e) != f.Review {
		return false
	}
	if len(f.Flags) == 0 {
		return true
	}
	switch {
	case f.Flags[filterGap] && (m.gapBefore[e.ID] || m.gapAfter[e.ID]):
	case f.Flags[filterPre] && e.PreIncident:
	case f.Flags[filterUnverified] && !e.Grounded:
	case f.Flags[filterDuplicate] && m.duplicate(e):
	case f.Flags[filterMissing] && m.has(e, chronology.FlagMissingRecords):
	default:
		return false
	}
	return true
}
