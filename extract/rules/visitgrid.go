package rules

import (
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// Visit grids: a therapy flowsheet prints one visit per column, the dates
// across one labelled row and the visit's facts in the rows below (visit
// number, pain, treatments with their minutes or sets, the therapist's
// initials). Every date column is one encounter, cited by its date; a
// row's cell is the column's when it starts under that column's date.

// visitGrid is one block of a flowsheet: its row of dates and the rows
// below it on the same page.
type visitGrid struct {
	l     line
	dates []dates.Match
	rows  []line
}

// gridVisits builds the encounters of a grid's date columns.
func (e *Extractor) gridVisits(doc string, d *layout.Doc, g visitGrid, legend map[string]string, title string) []extract.Encounter {
	prov := d.ProviderAt(g.l.idx)
	kind := providerKind(prov, title, nil)
	if kind == "" || kind == "other" {
		var all strings.Builder
		all.WriteString(title)
		for _, r := range g.rows {
			all.WriteString(" " + r.text)
		}
		kind = logKind(all.String())
	}
	visit := "office visit"
	switch kind {
	case "chiropractic":
		visit = "chiropractic"
	case "physical_therapy":
		visit = "physical therapy"
	}
	if pi := d.PageIndex(g.l.page); pi >= 0 && d.Pages[pi].Source == extract.SourceOCR {
		orderOCRDates(g.dates)
	}
	out := make([]extract.Encounter, len(g.dates))
	for i, m := range g.dates {
		cites := citer{doc: doc}
		cites.add(g.l, g.l.quote(gridQuoteStart(g.l.text, m), m.End))
		out[i] = extract.Encounter{Date: m.Date, Provider: prov, ProviderKind: kind, VisitType: visit, Citations: cites.list}
	}
	col := gridColumns(g)
	var notes = make([][]string, len(g.dates))
	var listed []extract.Coded // the problems listed under the grid, of every column
	var listCites []extract.Citation
	inList := false
	for _, r := range g.rows {
		if reGridProblemsHead.MatchString(strings.TrimRight(strings.Trim(r.trim, gridSpecks), " ")) {
			inList = true
			continue
		}
		if inList {
			// The list runs to the grid's end: a code OCR could not read
			// ends no list.

			hits := icdIn(r, true, e.opts.Codes)
			for _, h := range hits {
				desc := h.desc
				if desc == "" {
					desc = describe(r, h)
				}
				listed = append(listed, extract.Coded{Code: h.code, Description: desc})
			}
			if len(hits) > 0 {
				listCites = append(listCites, r.cite(doc, r.quoteAll()))
			}
			continue
		}
		cs := layout.InkedCells(r.text)
		if len(cs) < 2 {
			continue
		}
		label := strings.TrimSpace(r.text[cs[0].Start:cs[0].End])
		low := strings.ToLower(label)
		codes := procCodesIn(line{text: label}, true)
		for i, c := range cs[1:] {
			k := col(cs[1:], i)
			if k < 0 {
				continue
			}
			v := strings.TrimSpace(r.text[c.Start:c.End])
			enc := &out[k]
			switch {
			case v == "" || v == "-" || v == "—":
			case strings.Contains(low, "pain") || strings.Contains(low, "vas") || strings.Contains(low, "nprs"):
				if m := reLogPainValue.FindStringSubmatch(ocrDigits.Replace(strings.ToLower(v))); m != nil && enc.PainScore == nil {
					if p, ok := painValue(m[1], m[2]); ok {
						enc.PainScore = &p
					}
				}
			case reInitials.MatchString(v):
				if name := legend[v]; name != "" && enc.Clinician == "" {
					enc.Clinician = name
				}
			case reGridWhoLabel.MatchString(label) && layout.HasCredential(v):
				// The clinician's name in full ("Ann Lee, DO").
				if enc.Clinician == "" {
					enc.Clinician = strings.Trim(v, " .,-~_|")
				}
			case reGridDxLabel.MatchString(label):
				// A row of the visits' diagnosis codes, one a column.
				cell := r
				cell.text = strings.Repeat(" ", c.Start) + r.text[c.Start:c.End]
				for _, h := range icdIn(cell, true, e.opts.Codes) {
					enc.Diagnoses = append(enc.Diagnoses, extract.Coded{Code: h.code, Description: h.desc})
				}
			default:
				for _, h := range codes {
					enc.Procedures = append(enc.Procedures, extract.Coded{Code: h.code})
				}
				if len(codes) == 0 && !strings.HasPrefix(low, "visit") {
					notes[k] = append(notes[k], label+" "+v)
				}
			}
		}
	}
	for i := range out {
		if len(notes[i]) > 0 {
			out[i].Findings = clip(strings.Join(notes[i], "; "), 300)
		}
		if len(out[i].Diagnoses) == 0 && len(listed) > 0 {
			// A hospital's grid of daily notes lists the stay's active
			// problems under its columns: each day's visit treats them.
			out[i].Diagnoses = append([]extract.Coded(nil), listed...)
			out[i].Citations = append(out[i].Citations, listCites...)
		}
	}
	return out
}

// gridSpecks are what OCR strews around a grid's label ("” Topic",
// "Active problems: °").
const gridSpecks = " \t\"'`“”‘’°.,~*•_|—–"

// reGridProblemsHead is a heading, alone on its line under a grid, over
// the problems of every column ("Active problems:", "Problem list",
// "Hospital problems:", "Diagnoses:"), one a line below it.
var reGridProblemsHead = lazyre.New(`(?i)^(?:active\s+|hospital\s+|current\s+)?(?:problems?(?:\s+list)?|diagnos[ie]s)\s*:?$`)

// Row labels of a grid: who saw the patient, and the visit's diagnoses
// ("Dx 1 (ICD-10)", "Diagnosis", OCR's "Ox 1").
var (
	reGridWhoLabel = lazyre.New(`(?i)^(?:provider|physician|clinician|seen by|rounded by|treating(?: provider| physician)?|practitioner|attending)\b`)
	reGridDxLabel  = lazyre.New(`(?i)^(?:[dto0]x|diagnos[ie]s|icd-?10)\b`)
)

// gridQuoteStart is where the quote of a grid's date column begins: its
// date cell, or, when the cell is too short to be grounded on its own
// ("6/5": fewer than extract.MinQuoteChars characters prove nothing of a
// page), the row's first cell, its label, so that the quote reads "Date
// ... 5/29  5/31  6/5" up to the column's date.
func gridQuoteStart(text string, m dates.Match) int {
	if groundable(text[m.Start:m.End]) >= extract.MinQuoteChars {
		return m.Start
	}
	if cs := layout.InkedCells(text); len(cs) > 0 && cs[0].Start < m.Start {
		return cs[0].Start
	}
	return m.Start
}

// gridColumns returns how a grid's cells find their date column: the
// column whose place is nearest the cell's. A row with a cell under every
// date (less its label) tells where the columns stand better than the row
// of dates does, whose dates, wider than their columns, a text layer sets
// one space apart and so shifts away from the cells under them; without
// such a row, column i runs from its date's start to the next date's
// start. The cells of a full row are the columns in order. The function
// returns the column of cell i of a row's cells cs (its label left out),
// or -1.
func gridColumns(g visitGrid) func(cs []layout.Cell, i int) int {
	var anchors []int
	for _, r := range g.rows {
		cs := layout.InkedCells(r.text)
		if len(cs)-1 != len(g.dates) {
			continue
		}
		anchors = make([]int, len(g.dates))
		for i, c := range cs[1:] {
			anchors[i] = c.Start
		}
		break
	}
	return func(cs []layout.Cell, i int) int {
		if len(cs) == len(g.dates) {
			return i
		}
		c := cs[i]
		if anchors == nil {
			k := -1
			for i, m := range g.dates {
				if c.Start >= m.Start-2 {
					k = i
				}
			}
			return k
		}
		best, dist := -1, 1<<30
		for i, a := range anchors {
			if d := abs(c.Start - a); d < dist {
				best, dist = i, d
			}
		}
		return best
	}
}

// orderOCRDates mends a date of a grid's row of dates that OCR read with
// one digit taken for another it looks like ("08/22/2023" between
// 05/17/2023 and 05/25/2023) or with a digit of its month or day lost
// ("1/17/23" between 11/03/23 and 12/01/23): a date out of the order of
// the columns beside it takes the one reading, of either kind, that falls
// between them; with no such reading, or several, it stays as read.
func orderOCRDates(ms []dates.Match) {
	for i := range ms {
		var lo, hi dates.Date
		if i > 0 {
			lo = ms[i-1].Date
		}
		if i+1 < len(ms) {
			hi = ms[i+1].Date
		}
		within := func(d dates.Date) bool {
			return (lo.IsZero() || !d.Before(lo)) && (hi.IsZero() || !d.After(hi))
		}
		if lo.IsZero() && hi.IsZero() || !lo.IsZero() && !hi.IsZero() && lo.After(hi) || within(ms[i].Date) {
			continue
		}
		if d, ok := onlyReadingBetween(append(dates.OneDigitReadings(ms[i].Raw), dates.LostDigitReadings(ms[i].Raw)...), lo, hi); ok {
			ms[i].Date = d
		}
	}
}

// onlyReadingBetween returns the one date of readings, the readings OCR's
// damage leaves of a date, that falls between lo and hi (a zero bound
// bounds nothing); ok is false when none does or several distinct ones do.
func onlyReadingBetween(readings []dates.Date, lo, hi dates.Date) (d dates.Date, ok bool) {
	for _, r := range readings {
		if !lo.IsZero() && r.Before(lo) || !hi.IsZero() && r.After(hi) || ok && r == d {
			continue
		}
		if ok {
			return dates.Date{}, false
		}
		d, ok = r, true
	}
	return d, ok
}
