package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
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
	kind       string // date, next (appointment), pain, codes, initials, text
	start, end int
}

var (
	reLogPainHead = lazyre.New(`(?i)\b(pain|vas|nprs|nrs|level)\b`)
	reLogCodeHead = lazyre.New(`(?i)\b(cpt|codes?|hcpcs|billing|procedures?)\b`)
	reLogInitHead = lazyre.New(`(?i)\b(init(?:ials?)?|by|provider|therapist|clinician|sign(?:ature|ed)?|dc|pt)\b`)
	reLogDateHead = lazyre.New(`(?i)\b(date|dos|visit)\b`)
	reLogNextHead = lazyre.New(`(?i)^(?:next|return|rtc|f/u)\b`)
	reInitials    = lazyre.New(`^[A-Z]{2,3}$`)
	// rePageNumber is a page number standing alone: "1/1", "Page 2 of 3".
	rePageNumber   = lazyre.New(`(?i)^(?:page\s*)?\d{1,3}\s*(?:/|of)\s*\d{1,3}$`)
	reLegend       = lazyre.New(`\b([A-Z]{2,3})\s*(?:=|:|-|–)\s*((?:Dr\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z]\.?)?\s+[A-Z][A-Za-z'\-]+(?:,?\s*(?:D\.?C\.?|DPT|PTA|MPT|PT|MD|DO|LMT|LMBT|LMP|CMT|NCBTMB|ATC|OTR/L|PA-C|NP)\b)*)`)
	reLogPainValue = lazyre.New(`^(\d{1,2}(?:\.\d)?)(?:\s*(?:-|to)\s*(\d{1,2}(?:\.\d)?))?\s*(?:/\s*10)?$`)
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
		case reLogDateHead.MatchString(t) && known == 0 && (len(out) == 0 || len(out) == 1 && len(strings.TrimSpace(l.text[out[0].start:out[0].end])) <= 3):
			k = "date"
		case reLogNextHead.MatchString(t):
			k = "next"
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
// A row whose date cell OCR damaged ("119/24") keeps the readings it may
// be (cands) until its neighbours date it.
type logRow struct {
	l       line
	date    dates.Match
	cands   []dates.Date // readings with a look-alike turned back into a slash
	lost    []dates.Date // readings with a lost slash put back, tried when cands fit nowhere
	dayYear string       // a date cell that lost its month ("8/24")
	more    []line       // the row's cells wrapped onto the lines below
	note    string       // the first line under the row, its note's opening
}

// reOrdinalLead is a row's number cell as OCR may read it ("12", "il",
// "1S"): up to three digits or their look-alikes, then a wide gap.
var reOrdinalLead = lazyre.New(`^\s*[0-9ilIS|]{1,3}\.?\s{2,}`)

// reDigitsCell is a first cell of four to six digits and nothing else.
var reDigitsCell = lazyre.New(`^\s*(?:[_~.,'"*“”‘’-]+\s*)?([0-9]{4,6})(?:\s|$)`)

// bothSlashesLost returns the dates a first cell of digits that lost
// both its slashes may be ("71323": 7/13/23), with the cell's span.
func bothSlashesLost(s string) ([]dates.Date, [2]int) {
	m := reDigitsCell.FindStringSubmatchIndex(s)
	if m == nil {
		return nil, [2]int{}
	}
	cell := s[m[2]:m[3]]
	var out []dates.Date
	for i := 1; i <= 2 && i < len(cell); i++ {
		for j := i + 1; j <= i+2 && j < len(cell); j++ {
			c := cell[:i] + "/" + cell[i:j] + "/" + cell[j:]
			if shortDateParts(strings.Split(c, "/")) {
				if d, ok := dates.Parse(c); ok && !contains(out, d) {
					out = append(out, d)
				}
			}
		}
	}
	return out, [2]int{m[2], m[3]}
}

// reSpacedMonthCell is a first cell of a day, a month's name and a year
// joined by dashes OCR spaced ("OS- Jun- 2024"), the day maybe in
// look-alikes of digits.
var reSpacedMonthCell = lazyre.New(`^\s*([0-9OoIl|SB]{1,2})\s*-\s*([A-Za-z]{3,9})\s*-\s*(\d{4})(?:\s|$)`)

// dayLookalikes turns a day's look-alikes of digits back into digits.
var dayLookalikes = strings.NewReplacer("O", "0", "o", "0", "I", "1", "l", "1", "|", "1", "S", "5", "B", "8")

// spacedMonthCell returns the date a first cell matching
// reSpacedMonthCell reads as, and the cell's span.
func spacedMonthCell(s string) (dates.Date, [2]int, bool) {
	m := reSpacedMonthCell.FindStringSubmatchIndex(s)
	if m == nil {
		return dates.Date{}, [2]int{}, false
	}
	d, ok := dates.Parse(dayLookalikes.Replace(s[m[2]:m[3]]) + "-" + s[m[4]:m[5]] + "-" + s[m[6]:m[7]])
	return d, [2]int{m[2], m[7]}, ok
}

// reDayYear is a first cell of a day and a two-digit year.
var reDayYear = lazyre.New(`^\s*(\d{1,2}/\d{2})\s`)

// visitLog reads the visits of a run of visit-log pages, and returns the
// citations of the problem lists it gave them (see yieldProblemLists).
func (e *Extractor) visitLog(doc string, d *layout.Doc, ls []line) ([]extract.Encounter, []extract.Citation) {
	var cols []logColumn
	var rows []logRow
	titles := map[int]string{}
	var grids []visitGrid
	var cards []cardRow
	block := "" // the block the lines below belong to: "grid" or "cards"
	dxLine, dxCodes := map[int]line{}, map[int][]extract.Coded{}
	dxMore := map[int][]line{} // the lines a page's diagnoses run on to
	var lastDx line            // the last line of diagnoses read
	var out []extract.Encounter
	calendar := map[int]bool{} // pages that print an attendance calendar
	home := false              // below a heading of the patient's home program
	dayHeads := 0              // the day headings of the line before (layout.DayHeads)
	for pi := d.PageIndex(ls[0].page); pi >= 0 && pi < len(d.Pages) && d.Pages[pi].Number <= ls[len(ls)-1].page; pi++ {
		if visits, ok := e.calendarVisits(doc, d, ls, pi); ok {
			calendar[d.Pages[pi].Number] = true
			out = append(out, visits...)
		}
	}
	ls = splitTwinColumns(ls)
	numbered := numberedDateCols(ls)
	placed := homeAndClinicDays(ls)
	// The initials' legend may stand in the print line at the foot of
	// the page ("Printed ... by ... Providers: EA = ...").
	legend := logLegend(ls)
	for _, l := range ls {
		if l.noise || calendar[l.page] {
			continue
		}
		if t := titleOf(l); t != "" && titles[l.page] == "" {
			titles[l.page] = t
		}
		days := dayHeads
		dayHeads = layout.DayHeads(l.text)
		ds := lineDates(l)
		if len(ds) == 0 && layout.HomeProgram(l.text) {
			home = true
		}
		if n := len(cards); block == "cards" && n > 0 && cards[n-1].l.page == l.page && len(ds) == 0 {
			// A card's cells, in the rows below its row of cards.
			if !reLegend.MatchString(l.text) && !rePageNumber.MatchString(l.trim) {
				cards[n-1].rows = append(cards[n-1].rows, l)
			}
			continue
		}
		if len(ds) == 0 || ds[len(ds)-1].End <= dxLabelAt(l.text) {
			// The diagnoses above the rows, maybe after the labels that
			// name the patient (and her date of birth).
			if codes, ok := e.logDiagnoses(l); ok {
				dxLine[l.page], dxCodes[l.page] = l, codes
				lastDx = l
				continue
			}
		}
		if wrapped := lastDx.page == l.page && lastDx.idx+1 == l.idx; wrapped && len(ds) == 0 {
			// The list runs on onto the next line: its codes too.
			if codes, ok := e.wrappedDiagnoses(l); ok {
				for _, c := range codes {
					if !slices.ContainsFunc(dxCodes[l.page], func(o extract.Coded) bool { return o.Code == c.Code }) {
						dxCodes[l.page] = append(dxCodes[l.page], c)
					}
				}
				dxMore[l.page] = append(dxMore[l.page], l)
				lastDx = l
				continue
			}
		}
		if c := headerColumnsOf(l); c != nil {
			cols = c
			continue
		}
		if dc := layout.DateColumnsUnderDays(l.text, ds, days); dc != nil {
			grids, block = append(grids, visitGrid{l: l, dates: dc}), "grid"
			continue
		}
		if n := len(grids); block == "grid" && n > 0 && grids[n-1].l.page == l.page && gridFactRow(l, ds) {
			// A flowsheet's row of dated facts of its visits (the day
			// a prescription database was queried, a screen resulted,
			// a refill falls due): a row of the grid, no visits.
			grids[n-1].rows = append(grids[n-1].rows, l)
			continue
		}
		if h := layout.CardHeads(l.text, ds); h != nil || block == "cards" && len(ds) == 1 {
			if h == nil {
				// A lone card on the last row of a page of cards.
				if h = layout.CardHeadsAtLeast(l.text, ds, 1); h == nil {
					continue
				}
			}
			cards, block = append(cards, cardRow{l: l, heads: h}), "cards"
			continue
		}
		if n := len(grids); block == "grid" && n > 0 && grids[n-1].l.page == l.page && len(ds) == 0 {
			grids[n-1].rows = append(grids[n-1].rows, l)
			continue
		}

		if m, ok := layout.RowDate(l.text, ds); ok && !wrappedDate(rows, l) {
			if rest := l.text[m.End:]; home && layout.ExerciseRow(rest) || placed[l.page] && (layout.HomeDay(rest) || !layout.VisitRow(rest)) {
				// A day of the patient's home program: exercises done, no
				// visit. Where the log marks each day's place, a day at
				// home is none whatever it records, nor a row that records
				// nothing of a session (a remark that no log came back).
				continue
			}
			if layout.SelfReported(l.text[m.End:]) {
				// A reading the patient reported from home, entered
				// among those the office took at visits: no visit.
				continue
			}
			rows = append(rows, logRow{l: l, date: m})
			continue
		}
		if m, ok := numberedRow(l, ds, numbered[l.page]); ok && !wrappedDate(rows, l) {
			rows = append(rows, logRow{l: l, date: m})
			continue
		}
		if m, ok := shapedRow(l, ds, rows); ok {
			rows = append(rows, logRow{l: l, date: m})
			continue
		}
		text := l.text
		_, status := layout.RowStatus(l.text, 0)
		if status {
			// A session's row that prints its status (attended, absent)
			// is a row of the log however OCR damaged its date cell,
			// and the number OCR misread before it ("il", "1S") is no
			// part of its date.
			if m := reOrdinalLead.FindStringIndex(text); m != nil {
				text = strings.Repeat(" ", m[1]) + text[m[1]:]
			}
			if m, ok := layout.RowDate(text, findDates(text)); ok {
				rows = append(rows, logRow{l: l, date: m})
				continue
			}
		}
		if status || strings.Contains(l.text, "/10") || len(procCodesIn(line{text: l.text}, true)) > 0 {
			if cands, sp := slashCandidates(text); len(cands) > 0 {
				lost, _ := lostSlashCandidates(text)
				rows = append(rows, logRow{l: l, date: dates.Match{Start: sp[0], End: sp[1]}, cands: cands, lost: lost})
				continue
			}
			// A status row's cell that lost a slash and has no look-alike
			// of one ("75/24", "4/124"): the rows around it settle it.
			if lost, sp := lostSlashCandidates(text); len(lost) > 0 && status {
				rows = append(rows, logRow{l: l, date: dates.Match{Start: sp[0], End: sp[1]}, lost: lost})
				continue
			}
			// Or both its slashes ("71323" for 7/13/23).
			if lost, sp := bothSlashesLost(text); len(lost) > 0 && status {
				rows = append(rows, logRow{l: l, date: dates.Match{Start: sp[0], End: sp[1]}, lost: lost})
				continue
			}
			// Or both read as look-alikes ("3427124" for 3/27/24).
			if lost, sp := fallbackAt(text); len(lost) > 0 && status {
				rows = append(rows, logRow{l: l, date: dates.Match{Start: sp[0], End: sp[1]}, lost: lost})
				continue
			}
			// Or a day-month-year cell read with spaces after its dashes
			// and its day in look-alikes ("OS- Jun- 2024").
			if d, sp, ok := spacedMonthCell(text); ok && status {
				rows = append(rows, logRow{l: l, date: dates.Match{Start: sp[0], End: sp[1]}, cands: []dates.Date{d}})
				continue
			}
			if m := reDayYear.FindStringSubmatchIndex(l.text); m != nil {
				// "8/24": the month lost; the rows around it may give it.
				rows = append(rows, logRow{l: l, date: dates.Match{Start: m[2], End: m[3]}, dayYear: l.text[m[2]:m[3]]})
				continue
			}
		}
		// A wrapped cell goes on under its row; the initials' legend and a
		// page number under the table are no cell.
		if reLegend.MatchString(l.text) || rePageNumber.MatchString(l.trim) {
			continue
		}
		n := len(rows)
		if n == 0 || rows[n-1].l.page != l.page {
			continue
		}
		if len(rows[n-1].more) == 0 && rows[n-1].note == "" {
			rows[n-1].note = l.trim
		}
		if len(l.trim) < 80 && !headerish(l) {
			if h, _ := headingOf(l); h == secNone {
				rows[n-1].more = append(rows[n-1].more, l)
			}
		}
	}
	dateRows(rows)
	mendMisreadRows(d, rows, printedRanges(ls))
	for _, r := range rows {
		if r.date.Date.IsZero() {
			continue // a damaged date its neighbours could not settle
		}
		if notKept(r) {
			continue // an appointment booked, missed or cancelled: no visit
		}
		out = append(out, e.logVisit(doc, d, r, cols, legend, titles[r.l.page]))
	}
	for _, g := range grids {
		out = append(out, e.gridVisits(doc, d, g, legend, titles[g.l.page])...)
	}
	for _, c := range cards {
		out = append(out, e.cardVisits(doc, d, c, legend, titles[c.l.page])...)
	}
	addLogDiagnoses(d, out, dxLine, dxMore, dxCodes, doc)
	return out, problemLists(dxLine, doc)
}

// homeAndClinicDays returns the pages of a log that mark where each day
// was spent: at the patient's home on some days (see layout.HomeDay), in
// a session at the clinic on others. A log of visits all made at the
// patient's home (home health) is none of them.
func homeAndClinicDays(ls []line) map[int]bool {
	home, clinic := map[int]bool{}, map[int]bool{}
	for _, l := range ls {
		m, ok := layout.RowDate(l.text, lineDates(l))
		if !ok {
			continue
		}
		switch rest := l.text[m.End:]; {
		case layout.HomeDay(rest):
			home[l.page] = true
		case layout.VisitRow(rest):
			clinic[l.page] = true
		}
	}
	out := map[int]bool{}
	for p := range home {
		out[p] = clinic[p]
	}
	return out
}

// wrappedDate reports whether a dated line is no row of its own but the
// end of the note under the row above, wrapped onto a line of its own (a
// signature's date and time, "12/21/2023 20:15"): it fills one cell where
// the rows of the page fill three columns or more.
func wrappedDate(rows []logRow, l line) bool {
	n := len(rows)
	// A scan's speck beside a wrapped date ("12-26-2023 18:30      ,") is
	// no cell (layout.InkedCells).
	return n > 0 && rows[n-1].l.page == l.page && len(layout.InkedCells(l.text)) == 1 && len(layout.Cells(rows[n-1].l.text)) >= 3
}

// notKept reports whether a row of a log is an appointment that was not
// kept: a cell after its date prints the status of an appointment booked,
// missed or called off (see layout.AppointmentStatus), or the note under
// the row opens with one (see layout.NoteStatus).
func notKept(r logRow) bool {
	kept, ok := layout.RowStatus(r.l.text, r.date.End)
	if !ok {
		kept, ok = layout.NoteStatus(r.note)
	}
	return ok && !kept
}

// dateRows dates the rows whose date cell OCR damaged: the one reading
// that falls between the dates of the rows around it.
func dateRows(rows []logRow) {
	for i := range rows {
		if len(rows[i].cands) == 0 && len(rows[i].lost) == 0 && rows[i].dayYear == "" {
			continue
		}
		var lo, hi dates.Date
		for j := i - 1; j >= 0 && lo.IsZero(); j-- {
			lo = rows[j].date.Date
		}
		for j := i + 1; j < len(rows) && hi.IsZero(); j++ {
			hi = rows[j].date.Date
		}
		if lo.IsZero() || hi.IsZero() {
			continue
		}
		if dy := rows[i].dayYear; dy != "" {
			// The month of the rows around it, when they share one.
			if lo.Year == hi.Year && lo.Month == hi.Month {
				if d, ok := dates.Parse(fmt.Sprintf("%d/%s", int(lo.Month), dy)); ok && d.Year == lo.Year && !d.Before(lo) && !d.After(hi) {
					rows[i].date.Date = d
				}
			}
			continue
		}
		for _, cands := range [][]dates.Date{rows[i].cands, rows[i].lost} {
			var pick []dates.Date
			for _, d := range cands {
				if !d.Before(lo) && !d.After(hi) {
					pick = append(pick, d)
				}
			}
			if len(pick) == 1 {
				rows[i].date.Date = pick[0]
			}
			if len(pick) > 0 {
				break
			}
		}
	}
}

// mendMisreadRows mends the date of a scanned log's row that OCR read
// with one digit taken for another it looks like ("08/22/2023" between
// the rows of 05/17/2023 and 05/23/2023), or with a digit of its month or
// day lost ("1/7/23" for 11/7/23): a log lists its rows in date order, so
// a row out of the order of its neighbours, on a page whose other rows
// keep it, takes the one reading with that digit read back that falls
// between them (see dates.OneDigitReadings, dates.LostDigitReadings). The
// range of dates a report prints above its rows ("Range 11/3/23 -
// 4/28/24", see printedRanges) bounds its first and last rows as their
// neighbours bound the others, and a row outside it is misread whatever
// its neighbours. A row outside the range that no reading fits, or
// several, is left out: a visit misdated is worse than one lost. A page whose rows are in no
// order, and a born-digital page, are left as printed.
func mendMisreadRows(d *layout.Doc, rows []logRow, ranges map[int][2]dates.Date) {
	byPage := map[int][]int{}
	for i, r := range rows {
		if !r.date.Date.IsZero() {
			byPage[r.l.page] = append(byPage[r.l.page], i)
		}
	}
	for page, idx := range byPage {
		if pi := d.PageIndex(page); pi < 0 || d.Pages[pi].Source != extract.SourceOCR || len(idx) < 4 {
			continue
		}
		rg := ranges[page]
		// The rows outside the printed range: no bound of another's.
		off := make([]bool, len(idx))
		for k, i := range idx {
			dt := rows[i].date.Date
			off[k] = !rg[0].IsZero() && (dt.Before(rg[0]) || dt.After(rg[1]))
		}
		for k := range idx {
			r := &rows[idx[k]]
			lo, hi := rg[0], rg[1]
			for j := k - 1; j >= 0; j-- {
				if !off[j] {
					lo = rows[idx[j]].date.Date
					break
				}
			}
			for j := k + 1; j < len(idx); j++ {
				if !off[j] {
					hi = rows[idx[j]].date.Date
					break
				}
			}
			if !off[k] && (k == 0 || k == len(idx)-1) && rg[0].IsZero() {
				continue // an edge row in order with the one beside it: nothing bounds it on its other side
			}
			if !lo.IsZero() && !hi.IsZero() && lo.After(hi) || !off[k] && !r.date.Date.Before(lo) && (hi.IsZero() || !r.date.Date.After(hi)) || !orderedWithout(rows, idx, off, k) {
				continue
			}
			raw := r.l.text[r.date.Start:r.date.End]
			if d, ok := onlyReadingBetween(append(dates.OneDigitReadings(raw), dates.LostDigitReadings(raw)...), lo, hi); ok {
				r.date.Date, off[k] = d, false
			} else if off[k] {
				// Outside the range the report prints: misread for sure.
				// A row out of order may be the right one beside a
				// misread neighbour, and stays as read.
				r.date.Date = dates.Date{}
			}
		}
	}
}

// reCoveredPeriod is a label of the period a plan of care certifies or a
// payer authorizes ("certification 10/22/24 - 12/20/24", "Auth valid
// 1/2/24 to 3/1/24"), printed above a log's rows but no range of them.
var reCoveredPeriod = lazyre.New(`(?i)\b(?:re)?certif|\bcert\b|authori[sz]|\bauth\b|plan of care|\bPOC\b|approv|\bvalid\b|effective|eligib`)

// printedRanges returns, by page, the range of dates a log prints above
// its rows ("Range 11/3/23 - 4/28/24", "Appointments 10/01/2023 -
// 04/30/2024"): two dates in order joined by a dash or "to"
// (reRangeJoin), after a label. A page that prints several ranges (an
// authorization tracker's periods, each over its own rows) has no range
// of the whole report. A period care is certified or authorized for
// (reCoveredPeriod) is none.
func printedRanges(ls []line) map[int][2]dates.Date {
	out, n := map[int][2]dates.Date{}, map[int]int{}
	for _, l := range ls {
		ds := lineDates(l)
		for i := 0; i+1 < len(ds); i++ {
			a, b := ds[i], ds[i+1]
			if a.Start > 0 && layout.HasLetters(l.text[:a.Start]) && reRangeJoin.MatchString(l.text[a.End:b.Start]) && !b.Date.Before(a.Date) {
				if reCoveredPeriod.MatchString(l.text[:a.Start]) {
					break // a period care is certified or authorized for: visits go on past it
				}
				out[l.page] = [2]dates.Date{a.Date, b.Date}
				n[l.page]++
				break
			}
		}
	}
	for p, k := range n {
		if k > 1 {
			delete(out, p)
		}
	}
	return out
}

// orderedWithout reports whether the dates of rows idx, but for the k-th
// and those off the printed range, never go back.
func orderedWithout(rows []logRow, idx []int, off []bool, k int) bool {
	var last dates.Date
	for j, i := range idx {
		if j == k || off[j] {
			continue
		}
		d := rows[i].date.Date
		if d.Before(last) {
			return false
		}
		last = d
	}
	return true
}

// logVisit builds the encounter of one row.
func (e *Extractor) logVisit(doc string, d *layout.Doc, r logRow, cols []logColumn, legend map[string]string, title string) extract.Encounter {
	prov := d.ProviderAt(r.l.idx)
	enc := extract.Encounter{Date: r.date.Date, Provider: prov, Phone: pagePhone(d, r.l.page)}
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
	case "speech_therapy":
		enc.VisitType = "speech therapy"
	}
	var notes []string
	for _, c := range layout.Cells(r.l.text) {
		if c.End <= r.date.End-0 && c.Start <= r.date.Start {
			continue // the date cell
		}
		t := strings.TrimSpace(r.l.text[max(c.Start, r.date.End):c.End])
		if t == "" || layout.Weekday(t) || reAmount.FindString(t) == t {
			continue // the date's day of the week, the copay collected
		}
		k := "text"
		if cols != nil {
			k = columnOf(cols, c.Start, c.End)
		}
		switch {
		case k == "pain" || enc.PainScore == nil && strings.Contains(t, "/10"):
			if m := reLogPainValue.FindStringSubmatch(ocrDigits.Replace(strings.TrimPrefix(strings.ToLower(t), "pain "))); m != nil {
				if v, ok := painValue(m[1], m[2]); ok {
					enc.PainScore = &v
					continue
				}
			}
		case k == "next":
			continue // the next appointment, another day
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

// ocrDigits undoes OCR's letters for digits in a pain score ("S/10").
var ocrDigits = strings.NewReplacer("s", "5", "$", "5", "o", "0", "l", "1", "i", "1", "|", "1")

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

// gridFactRow reports whether a dated line under a grid's row of visit
// dates is one of its rows: its first cell a label of words, no date,
// before the dates.
func gridFactRow(l line, ds []dates.Match) bool {
	cs := layout.InkedCells(l.text)
	if len(cs) < 2 || len(ds) == 0 || ds[0].Start < cs[0].End {
		return false
	}
	label := l.text[cs[0].Start:cs[0].End]
	return layout.HasLetters(label) && !layout.HasDate(label)
}
