package report

import (
	"fmt"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/textutil"
)

// runView is a repetitive run drawn as one collapsible block: a title
// with its visits, date range and pain trend, and its visits' rows.
type runView struct {
	ID, Title string
	Rows      []row
}

// rows returns the entry table's rows with a separator row for each gap,
// placed after the entry the gap follows. The visits of a repetitive run
// are one block, placed where its first visit is.
func rows(c chronology.Chronology, ix docIndex) []row {
	after := gapPlacement(c)
	runs := map[string]*runView{}
	for _, r := range c.Runs {
		runs[r.ID] = &runView{ID: r.ID, Title: runTitle(r)}
	}
	for _, e := range c.Entries {
		if rv := runs[e.RunID]; rv != nil {
			rv.Rows = append(rv.Rows, entryView(ix, e))
		}
	}
	var out []row
	for _, g := range after[-1] {
		out = append(out, gapRow(g))
	}
	for i, e := range c.Entries {
		switch rv := runs[e.RunID]; {
		case rv == nil:
			out = append(out, entryView(ix, e))
		case rv.Rows != nil && rv.Rows[0].ID == e.ID:
			out = append(out, row{Run: rv})
		}
		for _, g := range after[i] {
			out = append(out, gapRow(g))
		}
	}
	return out
}

// gapPlacement maps an entry index to the gaps drawn after it (-1: before
// the first entry). A gap goes after its AfterEntryID, else before its
// BeforeEntryID, else after the last entry dated on or before its start.
func gapPlacement(c chronology.Chronology) map[int][]chronology.Gap {
	pos := make(map[string]int, len(c.Entries))
	for i, e := range c.Entries {
		pos[e.ID] = i
	}
	out := map[int][]chronology.Gap{}
	for _, g := range c.Gaps {
		i, ok := pos[g.AfterEntryID]
		if !ok {
			if j, ok2 := pos[g.BeforeEntryID]; ok2 {
				i, ok = j-1, true
			}
		}
		if !ok {
			i = -1
			for j, e := range c.Entries {
				if !e.Date.IsZero() && !e.Date.After(g.From) {
					i = j
				}
			}
		}
		out[i] = append(out[i], g)
	}
	return out
}

func gapRow(g chronology.Gap) row {
	return row{Gap: fmt.Sprintf("Gap in treatment: %d days without recorded treatment, %s to %s", g.Days, g.From, g.To)}
}

func entryView(ix docIndex, e chronology.Entry) row {
	r := row{
		ID: e.ID, Date: e.Date.String(), EndDate: e.EndDate.String(), Class: entryClass(e), Review: reviewOf(e),
		Provider: e.Provider, Clinician: e.Clinician, VisitType: e.VisitType, Summary: summaryOf(e),
		Pain: score(e.PainScore), WorkStatus: e.WorkStatus, Meds: e.Medications,
		Diagnoses: codedItems(e.Diagnoses), Procedures: codedItems(e.Procedures), Cites: cites(ix, e.Citations),
	}
	if r.Date == "" {
		r.Date = "undated"
	}
	if e.PreIncident {
		r.Badges = append(r.Badges, "pre-incident")
	}
	switch r.Class {
	case "ungrounded":
		r.Badges = append(r.Badges, "ungrounded")
	case "rejected":
		r.Badges = append(r.Badges, "rejected")
	}
	return r
}

func codedItems(cs []extract.Coded) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		if c.Code != "" {
			out = append(out, c.Code+" "+c.Description)
		} else {
			out = append(out, c.Description)
		}
	}
	return out
}

// providerIndex lists every provider with its visits, dates, charges and
// the entries that cite it, in the order of c.Providers, followed by any
// provider named only by entries.
func providerIndex(c chronology.Chronology) []providerView {
	var out []providerView
	at := map[string]int{}
	add := func(id, name string) int {
		if i, ok := at[id]; ok {
			return i
		}
		at[id] = len(out)
		out = append(out, providerView{Name: name})
		return len(out) - 1
	}
	for _, p := range c.Providers {
		i := add(p.ID, p.Name)
		out[i].Kind, out[i].NPI, out[i].Aliases = p.Kind, p.NPI, p.Aliases
	}
	firsts := map[int]string{}
	for _, e := range c.Entries {
		id := e.ProviderID
		if id == "" {
			id = "name:" + e.Provider
		}
		i := add(id, e.Provider)
		out[i].Visits++
		out[i].EntryIDs = append(out[i].EntryIDs, e.ID)
		if d := e.Date.String(); d != "" {
			if f, ok := firsts[i]; !ok || d < f {
				firsts[i] = d
				out[i].First = d
			}
			if d > out[i].Last {
				out[i].Last = d
			}
		}
	}
	for _, s := range c.Specials.ByProvider {
		if i, ok := at[s.ProviderID]; ok {
			out[i].Charges = textutil.Dollars(s.Charges)
		}
	}
	return out
}

// runTitle describes a run: "Riverside Physical Therapy, physical therapy:
// 12 visits, 2023-04-04 to 2023-06-30; pain 7/10 to 3/10, improving".
func runTitle(r chronology.Run) string { return runSummary(r) + " (click to show each visit)" }

// runSummary describes a run without the HTML report's hint.
func runSummary(r chronology.Run) string {
	t := fmt.Sprintf("%s, %s: %d visits, %s to %s", r.Provider, r.VisitType, r.Visits, r.FirstDate, r.LastDate)
	if r.PainTrend != "" && r.PainFirst != nil && r.PainLast != nil {
		t += fmt.Sprintf("; pain %s/10 to %s/10, %s", trimFloat(*r.PainFirst), trimFloat(*r.PainLast), r.PainTrend)
	}
	return t
}
