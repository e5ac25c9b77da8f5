package ui

import (
	"net/url"
	"sort"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
)

// Flag filters of the chronology page: an entry passes when it has any of
// the checked ones. Besides these, "kind:" and a flag kind selects the
// entries each flag of that kind concerns (chronology.FlagEntries).
const (
	filterGap        = "gap"
	filterPre        = "pre"
	filterUnverified = "unverified"
	filterDuplicate  = "duplicate"
	filterKind       = "kind:"
	// filterMissing is the address of the missing-records filter before
	// the filters were derived from the flags; it still works.
	filterMissing = "missing"
)

// flagFilter is one checkbox of the flag filters, with the number of
// entries it selects.
type flagFilter struct {
	Key, Label string
	Count      int
}

// flagFilters lists the flag filters that select something in c: gaps,
// pre-incident entries, quotes not found, duplicate pages, and every kind
// of flag the chronology holds, each with its count.
func flagFilters(c *chronology.Chronology, m entryMarks) []flagFilter {
	var gap, pre, unv, dup int
	for i := range c.Entries {
		e := &c.Entries[i]
		if m.gapBefore[e.ID] || m.gapAfter[e.ID] {
			gap++
		}
		if e.PreIncident {
			pre++
		}
		if !e.Grounded {
			unv++
		}
		if m.duplicates[e.ID] {
			dup++
		}
	}
	var out []flagFilter
	add := func(key, label string, n int) {
		if n > 0 {
			out = append(out, flagFilter{Key: key, Label: label, Count: n})
		}
	}
	add(filterGap, "Gap before or after", gap)
	add(filterPre, "Pre-incident", pre)
	add(filterUnverified, "Quote not found", unv)
	add(filterDuplicate, "Duplicate page", dup)
	kinds := make([]string, 0, len(m.kinds))
	for k := range m.kinds {
		if k != chronology.FlagUngrounded {
			kinds = append(kinds, k)
		}
	}
	sort.Slice(kinds, func(a, b int) bool { return flagKindLabel(kinds[a]) < flagKindLabel(kinds[b]) })
	for _, k := range kinds {
		n := 0
		for i := range c.Entries {
			if m.kinds[k][c.Entries[i].ID] {
				n++
			}
		}
		add(filterKind+k, flagKindLabel(k), n)
	}
	return out
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
		switch {
		case v == filterMissing:
			f.Flags[filterKind+chronology.FlagMissingRecords] = true
		case v == filterGap || v == filterPre || v == filterUnverified || v == filterDuplicate:
			f.Flags[v] = true
		case strings.HasPrefix(v, filterKind) && validKind.MatchString(strings.TrimPrefix(v, filterKind)):
			f.Flags[v] = true
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
	duplicates          map[string]bool            // entries citing a duplicate page or the page it repeats
	kinds               map[string]map[string]bool // flag kind → entries its flags concern
}

func markEntries(c *chronology.Chronology) entryMarks {
	m := entryMarks{gapBefore: map[string]bool{}, gapAfter: map[string]bool{},
		duplicates: chronology.DuplicateEntries(c), kinds: map[string]map[string]bool{}}
	for _, g := range c.Gaps {
		if g.BeforeEntryID != "" {
			m.gapBefore[g.BeforeEntryID] = true
		}
		if g.AfterEntryID != "" {
			m.gapAfter[g.AfterEntryID] = true
		}
	}
	for _, f := range c.Flags {
		set := m.kinds[f.Kind]
		if set == nil {
			set = map[string]bool{}
			m.kinds[f.Kind] = set
		}
		for id := range chronology.FlagEntries(c, f) {
			set[id] = true
		}
	}
	return m
}

// flagged returns the kinds of flag concerning entry id, sorted.
func (m entryMarks) flagged(id string) []string {
	var out []string
	for k, set := range m.kinds {
		if set[id] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
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
	case f.Flags[filterDuplicate] && m.duplicates[e.ID]:
	default:
		for k := range f.Flags {
			if kind, ok := strings.CutPrefix(k, filterKind); ok && m.kinds[kind][e.ID] {
				return true
			}
		}
		return false
	}
	return true
}
