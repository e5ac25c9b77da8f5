package rules

import (
	"regexp"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
)

// Visit logs: a chiropractic or therapy daily log prints one row per
// visit (date, pain score, regions or treatments, CPT codes, the
// clinician's initials). Every dated row is one encounter, cited by the
// row itself, so its first quote holds its date. A row's initials name a
// clinician when the page prints a legend ("JR = John Roe, DC"), and are
// never a medication. Rows wrapped onto a second line keep their text
// with the row above.

// logColumn is a column of a visit log's header row.
type logColumn struct {
	kind       string // date, pain, codes, initials, text
	start, end int
}

var (
	reLogPainHead  = regexp.MustCompile(`(?i)\b(pain|vas|nprs|nrs|level)\b`)
	reLogCodeHead  = regexp.MustCompile(`(?i)\b(cpt|codes?|hcpcs|billing|procedures?)\b`)
	reLogInitHead  = regexp.MustCompile(`(?i)\b(initials?|by|provider|therapist|clinician|sign(?:ature|ed)?|dc|pt)\b`)
	reLogDateHead  = regexp.MustCompile(`(?i)\b(date|dos|visit)\b`)
	reInitials     = regexp.MustCompile(`^[A-Z]{2,3}$`)
	reLegend       = regexp.MustCompile(`\b([A-Z]{2,3})\s*(?:=|:|-|–)\s*((?:Dr\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z]\.?)?\s+[A-Z][A-Za-z'\-]+(?:,?\s*(?:D\.?C\.?|PT|DPT|PTA|MPT|MD|DO|LMT|ATC|OTR/L|PA-C|NP))*)`)
	reLogPainValue = regexp.MustCompile(`^(\d{1,2}(?:\.\d)?)(?:\s*(?:-|to)\s*(\d{1,2}(?:\.\d)?))?\s*(?:/\s*10)?$`)
)

// headerColumnsOf reads a visit log's header row: its columns and what
// each holds. nil when the line is no header row.
func headerColumnsOf(l line) []logColumn {
	cs := layout.Cells(l.text)
	if len(cs) < 3 || len(lineDates(l)) > 0 {
		return nil
	}
	var out []logColumn
	known := 0
	for _, c := range cs {
		t := l.text[c.Start:c.End]
		k := "text"
		switch {
		case reLogDateHead.MatchString(t) && known == 0 && len(out) == 0:
			k = "date"
		case reLogPainHead.MatchString(t):
			k = "pain"
		case reLogCodeHead.MatchString(t):
			k = "codes"
		case reLogInitHead.MatchString(t) && len(t) < 16:
			k = "initials"
		}
		if k != "text" {
			known++
		}
		out = append(out, logColumn{kind: k, start: c.Start, end: c.End})
	}
	if known < 2 {
		return nil
	}
	return out
}

// columnOf returns the kind of the header column a cell falls under: the
// column whose span overlaps the cell most, or the nearest one.
func columnOf(cols []logColumn, a, b int) string {
	best, bestOv := "", -1<<30
	for _, c := range cols {
		ov := min(b, max(c.end, c.start+1)) - max(a, c.start)
		if ov > bestOv {
			best, bestOv = c.kind, ov
		}
	}
	return best
}

// logRow is one visit of a log: its line and the lines it wrapped onto.
type logRow struct {
	l    line
	date dates.Match
	more []line
}

// visitLog reads the visits of a run of visit-log pages.
func (e *Extractor) visitLog(doc string, d *layout.Doc, ls []line) []extract.Encounter {
	var cols []logColumn
	var rows []logRow
	legend := map[string]string{}
	titles := map[int]string{}
	for _, l := range ls {
		if l.noise {
			continue
		}
		if t := titleOf(l); t != "" && titles[l.page] == "" {
			titles[l.page] = t
		}
		for _, m := range reLegend.FindAllStringSubmatch(l.text, -1) {
			legend[m[1]] = strings.TrimSpace(m[2])
		}
		if c := headerColumnsOf(l); c != nil {
			cols = c
			continue
		}
		ds := lineDates(l)
		if len(ds) > 0 && strings.TrimSpace(l.text[:ds[0].Start]) == "" {
			rows = append(rows, logRow{l: l, date: ds[0]})
			continue
		}
		// A wrapped cell goes on under its row.
		if n := len(rows); n > 0 && rows[n-1].l.page == l.page && len(l.trim) < 80 && !headerish(l) {
			if h, _ := headingOf(l); h == secNone {
				rows[n-1].more = append(rows[n-1].more, l)
			}
		}
	}
	var out []extract.Encounter
	for _, r := range rows {
		out = append(out, e.logVisit(doc, d, r, cols, legend, titles[r.l.page]))
	}
	return out
}

// logVisit builds the encounter of one row.
func (e *Extractor) logVisit(doc string, d *layout.Doc, r logRow, cols []logColumn, legend map[string]string, title string) extract.Encounter {
	prov := d.ProviderAt(r.l.idx)
	enc := extract.Encounter{Date: r.date.Date, Provider: prov}
	cites := citer{doc: doc}
	cites.add(r.l, r.l.quoteAll())
	kind := providerKind(prov, title, nil)
	if kind == "" || kind == "other" {
		kind = logKind(title + " " + r.l.text)
	}
	enc.ProviderKind = kind
	enc.VisitType = "office visit"
	switch kind {
	case "chiropractic":
		enc.VisitType = "chiropractic"
	case "physical_therapy":
		enc.VisitType = "physical therapy"
	}
	var notes []string
	for _, c := range layout.Cells(r.l.text) {
		if c.End <= r.date.End-0 && c.Start <= r.date.Start {
			continue // the date cell
		}
		t := strings.TrimSpace(r.l.text[max(c.Start, r.date.End):c.End])
		if t == "" {
			continue
		}
		k := "text"
		if cols != nil {
			k = columnOf(cols, c.Start, c.End)
		}
		switch {
		case k == "pain" || enc.PainScore == nil && strings.Contains(t, "/10"):
			if m := reLogPainValue.FindStringSubmatch(strings.TrimPrefix(strings.ToLower(t), "pain ")); m != nil {
				if v, ok := painValue(m[1], m[2]); ok {
					enc.PainScore = &v
					continue
				}
			}
		case k == "initials" || reInitials.MatchString(t):
			if name := legend[t]; name != "" && enc.Clinician == "" {
				enc.Clinician = name
			}
			continue
		}
		if k == "codes" || k == "text" {
			for _, h := range procCodesIn(line{text: t}, true) {
				enc.Procedures = append(enc.Procedures, extract.Coded{Code: h.code})
			}
			if k == "codes" {
				continue
			}
		}
		notes = append(notes, t)
	}
	for _, m := range r.more {
		notes = append(notes, m.trim)
	}
	if len(notes) > 0 {
		enc.Findings = clip(strings.Join(notes, "; "), 300)
	}
	enc.Citations = cites.list
	return enc
}

// logKind guesses a log's provider kind from its words.
func logKind(s string) string {
	low := strings.ToLower(s)
	switch {
	case strings.Contains(low, "chiro") || strings.Contains(low, "adjust") || strings.Contains(low, "9894"):
		return "chiropractic"
	case strings.Contains(low, "therap") || strings.Contains(low, "9711") || strings.Contains(low, "9714") || strings.Contains(low, "9753"):
		return "physical_therapy"
	}
	return ""
}
