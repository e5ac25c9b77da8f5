package ui

import (
	"html/template"
	"sort"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/report"
	"github.com/medchron/medchron/extract/dates"
)

// chronoPage is the chronology page's data.
type chronoPage struct {
	Filter      chronoFilter
	FlagFilters []flagFilter
	States      []string
	VisitTypes  []string
	Providers   []providerRow
	Rows        []chronoRow
	Undated     []chronoRow // records without a date of service
	Shown       int
	Total       int
	Counts      map[string]int
	Timeline    template.HTML
	Specials    []chronology.ProviderSpecial
	Totals      chronology.Specials
	Bills       []billRow
	Empty       bool // no chronology built yet
	// Incident warns that the records print another date of incident.
	Incident *incidentWarning
	// OpenFlags counts the flags nobody dismissed.
	OpenFlags int
	// Summary is the matter at a glance, over all entries (not the filter).
	Summary chronoSummary
	// UnmatchedReviews counts reviewed entries reprocessing took away
	// (chronology.Chronology.UnmatchedReviews).
	UnmatchedReviews int
}

// chronoSummary is the dashboard above the chronology: what a reviewer
// wants to know before reading a row.
type chronoSummary struct {
	Providers   int // providers with an entry that is not rejected
	Visits      int // dated entries, not rejected
	PreIncident int // of Visits, before the incident
	First, Last dates.Date
	Undated     int
	Gaps        int
	LongestGap  int // days
	Charges     float64
	ToReview    int
}

// summarise counts the dashboard's figures. Rejected entries are left
// out: a reviewer said they are not records of this claimant's care.
func summarise(c *chronology.Chronology) chronoSummary {
	s := chronoSummary{Undated: len(c.UndatedEntries), Gaps: len(c.Gaps), Charges: c.Specials.TotalCharges}
	for i := range c.UndatedEntries {
		if reviewState(&c.UndatedEntries[i]) == chronology.ReviewUnreviewed {
			s.ToReview++
		}
	}
	provs := map[string]bool{}
	for i := range c.Entries {
		e := &c.Entries[i]
		switch reviewState(e) {
		case chronology.ReviewRejected:
			continue
		case chronology.ReviewUnreviewed:
			s.ToReview++
		}
		provs[e.ProviderID] = true
		if e.Date.IsZero() {
			continue
		}
		s.Visits++
		if e.PreIncident {
			s.PreIncident++
		}
		if s.First.IsZero() || e.Date.Before(s.First) {
			s.First = e.Date
		}
		if s.Last.IsZero() || s.Last.Before(e.Date) {
			s.Last = e.Date
		}
	}
	s.Providers = len(provs)
	for _, g := range c.Gaps {
		s.LongestGap = max(s.LongestGap, g.Days)
	}
	return s
}

// chronoRow is an entry of the table, with the gap drawn before it, or
// the heading of a run of visits (a therapy or chiropractic series) drawn
// before the run's first entry shown.
type chronoRow struct {
	Gap       *chronology.Gap
	Run       *chronology.Run
	E         *chronology.Entry
	Review    string
	Flags     []string
	Diagnoses string
	Cites     []citeLink
}

// providerRow is a line of the provider index.
type providerRow struct {
	ID, Name, Kind string
	Visits         int
	Unreviewed     int // entries nobody reviewed yet
	First, Last    dates.Date
}

type billRow struct {
	B     *chronology.Bill
	Cites []citeLink
}

// buildChronoPage lays out the chronology page for the entries passing f.
func buildChronoPage(matterID string, c *chronology.Chronology, f chronoFilter) (chronoPage, error) {
	marks := markEntries(c)
	p := chronoPage{Filter: f, FlagFilters: flagFilters(c, marks), States: reviewStates, Total: len(c.Entries),
		Counts: chronology.ReviewCounts(c.Entries), Totals: c.Specials, Specials: c.Specials.ByProvider, Summary: summarise(c),
		UnmatchedReviews: c.UnmatchedReviews}
	ix := indexDocuments(c)
	unfound := unfoundCitations(c)
	gaps := append([]chronology.Gap(nil), c.Gaps...)
	sort.SliceStable(gaps, func(i, j int) bool { return gaps[i].To.Before(gaps[j].To) })
	drawn := make([]bool, len(gaps))
	runs := map[string]*chronology.Run{}
	for i := range c.Runs {
		runs[c.Runs[i].ID] = &c.Runs[i]
	}
	runDrawn := map[string]bool{}
	var shown []chronology.Entry
	var prev *chronology.Entry
	p.Rows = make([]chronoRow, 0, len(c.Entries))
	for i := range c.Entries {
		e := &c.Entries[i]
		if !f.match(e, marks) {
			continue
		}
		shown = append(shown, *e)
		row := chronoRow{E: e, Review: reviewState(e), Flags: entryFlags(e, marks), Cites: pageLinks(entryCites(matterID, ix, e, unfound), e.Citations)}
		row.Diagnoses = codedList(e)
		for gi := range gaps {
			if drawn[gi] || !gapBetween(gaps[gi], prev, e) {
				continue
			}
			drawn[gi] = true
			g := gaps[gi]
			p.Rows = append(p.Rows, chronoRow{Gap: &g})
		}
		if r := runs[e.RunID]; r != nil && !runDrawn[r.ID] {
			runDrawn[r.ID] = true
			p.Rows = append(p.Rows, chronoRow{Run: r})
		}
		p.Rows = append(p.Rows, row)
		prev = e
	}
	for i := range c.UndatedEntries {
		e := &c.UndatedEntries[i]
		p.Undated = append(p.Undated, chronoRow{E: e, Review: reviewState(e), Cites: pageLinks(entryCites(matterID, ix, e, unfound), e.Citations)})
	}
	p.Shown = len(shown)
	p.VisitTypes = visitTypes(c.Entries)
	p.Providers = providerIndex(c)
	for i := range c.Bills {
		b := &c.Bills[i]
		p.Bills = append(p.Bills, billRow{B: b, Cites: billCites(matterID, ix, b)})
	}
	filtered := *c
	filtered.Entries = shown
	svg, err := report.TimelineSVG(filtered, func(e chronology.Entry) string { return "#entry-" + e.ID })
	if err != nil {
		return p, err
	}
	p.Timeline = svg
	return p, nil
}

// gapBetween reports whether gap g lies between the shown entries prev
// and e: it ends at e (or, when its own entry is filtered out, on or
// before e's date) and starts on or after prev's date.
func gapBetween(g chronology.Gap, prev, e *chronology.Entry) bool {
	if g.BeforeEntryID == e.ID {
		return true
	}
	if e.Date.IsZero() || e.Date.Before(g.To) {
		return false
	}
	return prev != nil && !prev.Date.IsZero() && !prev.Date.After(g.From)
}

func entryFlags(e *chronology.Entry, m entryMarks) []string {
	var out []string
	if e.PreIncident {
		out = append(out, "pre-incident")
	}
	if !e.Grounded {
		out = append(out, "quote not found")
	}
	if m.gapBefore[e.ID] {
		out = append(out, "gap before")
	}
	if m.gapAfter[e.ID] {
		out = append(out, "gap after")
	}
	if m.duplicates[e.ID] {
		out = append(out, "duplicate page")
	}
	for _, k := range m.flagged(e.ID) {
		if k == chronology.FlagUngrounded {
			continue
		}
		out = append(out, strings.ToLower(flagKindLabel(k)))
	}
	return out
}

func codedList(e *chronology.Entry) string {
	if len(e.Diagnoses) == 0 {
		return ""
	}
	parts := make([]string, 0, len(e.Diagnoses))
	for _, d := range e.Diagnoses {
		if d.Code != "" {
			parts = append(parts, d.Code+" "+d.Description)
		} else {
			parts = append(parts, d.Description)
		}
	}
	return strings.Join(parts, "; ")
}

func visitTypes(es []chronology.Entry) []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range es {
		v := strings.ToLower(strings.TrimSpace(e.VisitType))
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

// providerIndex lists the providers with their number of entries, the
// entries still to review, and the first and last date of service.
func providerIndex(c *chronology.Chronology) []providerRow {
	byID := map[string]*providerRow{}
	var out []*providerRow
	for _, pr := range c.Providers {
		r := &providerRow{ID: pr.ID, Name: pr.Name, Kind: strings.ReplaceAll(pr.Kind, "_", " ")}
		byID[pr.ID] = r
		out = append(out, r)
	}
	for i := range c.Entries {
		e := &c.Entries[i]
		r := byID[e.ProviderID]
		if r == nil {
			r = &providerRow{ID: e.ProviderID, Name: e.Provider}
			byID[e.ProviderID] = r
			out = append(out, r)
		}
		r.Visits++
		if reviewState(e) == chronology.ReviewUnreviewed {
			r.Unreviewed++
		}
		if e.Date.IsZero() {
			continue
		}
		if r.First.IsZero() || e.Date.Before(r.First) {
			r.First = e.Date
		}
		if e.Date.After(r.Last) {
			r.Last = e.Date
		}
	}
	rows := make([]providerRow, 0, len(out))
	for _, r := range out {
		rows = append(rows, *r)
	}
	sort.SliceStable(rows, func(i, j int) bool { return strings.ToLower(rows[i].Name) < strings.ToLower(rows[j].Name) })
	return rows
}
