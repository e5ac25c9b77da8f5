package layout

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// Year-less rows: a sign-in sheet or a visit card often prints the year
// once, in its header ("Yr 2023", "Year: 2024"), and each visit's date as
// month and day only ("12/18"). A table row whose first cell is such a
// date, on a page that prints its year once, is dated in that year; the
// rows of a page without a year of its own go on in the year of the page
// before, when that page dated rows. Rows run forward in time, so a row in
// January or February after one in November or December is in the next
// year. A date cell OCR damaged ("2i7", "12" for 1/2, "10" for 1/10) is
// read back when one reading alone falls between the rows around it.
// A grid that prints its visits as columns prints the months and days
// across one row instead, under the same year (see yearlessColumns).

var (
	// reYearCell is a year in a cell of its own, after its label.
	// OCR may set a speck after it ("Year: 2023.").
	reYearCell = lazyre.New(`(?i)(?:^|\s)(?:yr|year)\s*[:.#]?\s*((?:19|20)\d{2})[.,]?(?:\s{2,}|\t|$)`)
	// reMonthDayCell is a first cell of a month and a day, then more cells.
	reMonthDayCell = lazyre.New(`^\s*(\d{1,2})/(\d{1,2})[.,;:]?(?:\s{2,}|\t)\S`)
	// reDamagedCell is a first cell OCR may have made of a month and day:
	// digits and look-alikes of a slash.
	reDamagedCell = lazyre.New(`^\s*([0-9/iIlu|]{2,6})[.,;:]?(?:\s{2,}|\t)\S`)
)

// yearHeaderLines is how far from the top of a page a year label is read.
const yearHeaderLines = 8

// yearlessRow is a row of a card: its line and, for a damaged date cell,
// the readings it may be.
type yearlessRow struct {
	i     int // index in Doc.Lines
	clean bool
	cands []monthDay
	day   int    // the cell read as a day alone, its month lost ("10" for 1/10)
	span  [2]int // the date cell
}

type monthDay struct{ month, day int }

// dateYearlessRows dates the year-less rows of every page.
func dateYearlessRows(d *Doc) {
	carry, carryMonth := 0, time.Month(0)
	colsBefore := false // the page before dated a grid's columns
	for pi := range d.Pages {
		p := &d.Pages[pi]
		year, last := pageYear(d.Lines[p.First:p.End]), time.Month(0)
		if year == 0 {
			year, last = carry, carryMonth
		}
		carry, carryMonth = 0, 0
		goesOn := colsBefore
		colsBefore = false
		if year == 0 {
			continue
		}
		cols := dateYearlessColumns(d, p, year, last, goesOn)
		colsBefore = cols > 0
		if cols > 0 {
			last = cols
		}
		rows := yearlessRows(d, p)
		clean, damaged := 0, 0
		for _, r := range rows {
			if r.clean {
				clean++
			} else {
				damaged++
			}
		}
		// One clean row is a table of visits when OCR damaged the date
		// cells of others below the page's year ("12" for 1/2, "1s"):
		// the clean row is a visit.
		if clean < 2 && !(clean == 1 && damaged > 0) {
			if cols > 0 {
				carry, carryMonth = year, last
			}
			continue // one such line is no table of visits
		}
		for k, r := range rows {
			if !r.clean || outOfOrder(rows, k) {
				continue
			}
			l := &d.Lines[r.i]
			md := r.cands[0]
			if last >= time.November && md.month <= int(time.February) {
				year++
			}
			dt := dates.New(year, time.Month(md.month), md.day)
			if !dt.Valid() || dt.After(today) {
				continue
			}
			last = dt.Month
			l.Dates = []dates.Match{{Date: dt, Start: r.span[0], End: r.span[1], Raw: l.Text[r.span[0]:r.span[1]]}}
		}
		dateDamaged(d, rows, clean >= 2)
		carry, carryMonth = year, last
	}
}

// yearlessRows returns the rows of a page whose first cell is, or may be,
// a month and day.
func yearlessRows(d *Doc, p *Page) []yearlessRow {
	var rows []yearlessRow
	for i := p.First; i < p.End; i++ {
		l := &d.Lines[i]
		// A speck OCR set before the date ("“10/16", "- 12/28") is no
		// part of it.
		text := blankLeadSpecks(l.Text)
		if len(l.Dates) > 0 || l.Boiler != BoilerNone || !isDigitByte(strings.TrimSpace(text)[0]) || len(Cells(l.Text)) < 3 {
			continue
		}
		if m := reMonthDayCell.FindStringSubmatchIndex(text); m != nil {
			month, _ := strconv.Atoi(text[m[2]:m[3]])
			day, _ := strconv.Atoi(text[m[4]:m[5]])
			rows = append(rows, yearlessRow{i: i, clean: true, cands: []monthDay{{month, day}}, span: [2]int{m[2], m[5]}})
			continue
		}
		if m := reDamagedCell.FindStringSubmatchIndex(text); m != nil {
			cell := text[m[2]:m[3]]
			day := 0
			if n, err := strconv.Atoi(cell); err == nil && len(cell) == 2 && n >= 1 && n <= 31 {
				day = n
			}
			if cs := readings(cell); len(cs) > 0 || day > 0 {
				rows = append(rows, yearlessRow{i: i, cands: cs, day: day, span: [2]int{m[2], m[3]}})
			}
		}
	}
	return rows
}

// readings returns the months and days a damaged cell may be: its
// look-alikes of a slash read as one, a 7 or a 1 beside its one slash
// dropped (the slash read twice), else a slash put in or read for a 1 or
// a 7.
func readings(cell string) []monthDay {
	var out []monthDay
	add := func(s string) {
		parts := strings.Split(s, "/")
		if len(parts) != 2 || parts[0] == "" || parts[1] == "" || len(parts[0]) > 2 || len(parts[1]) > 2 {
			return
		}
		m, err1 := strconv.Atoi(parts[0])
		dd, err2 := strconv.Atoi(parts[1])
		if err1 == nil && err2 == nil && m >= 1 && m <= 12 && dd >= 1 && dd <= 31 {
			out = append(out, monthDay{m, dd})
		}
	}
	if c := strings.NewReplacer("i", "/", "I", "/", "l", "/", "u", "/", "|", "/").Replace(cell); c != cell {
		add(c)
		return out
	}
	if k := strings.Index(cell, "/"); k >= 0 {
		// "12/720": a fax's slash read as a slash and a 7 (or a 1).
		if strings.Count(cell, "/") == 1 {
			if k+1 < len(cell) && (cell[k+1] == '7' || cell[k+1] == '1') {
				add(cell[:k+1] + cell[k+2:])
			}
			if k > 0 && (cell[k-1] == '7' || cell[k-1] == '1') {
				add(cell[:k-1] + cell[k:])
			}
		}
		return out
	}
	for k := 1; k < len(cell); k++ {
		add(cell[:k] + "/" + cell[k:])
		if (cell[k] == '1' || cell[k] == '7') && k+1 < len(cell) {
			add(cell[:k] + "/" + cell[k+1:]) // "12726": a fax's slash read as a 7
		}
	}
	return out
}

// dateDamaged dates each damaged row whose one reading falls strictly
// between the dates of the clean rows around it (from the first of its
// year when none is above it, when the page has two clean rows or more:
// anchored). On a page of one clean row the damaged rows stay undated: a
// row above it bounded by the year's start only may have lost a digit
// ("77" for 7/17 reads 7/7).
func dateDamaged(d *Doc, rows []yearlessRow, anchored bool) {
	for k, r := range rows {
		if r.clean {
			continue
		}
		var lo, hi dates.Date
		for j := k - 1; j >= 0 && lo.IsZero(); j-- {
			if ds := d.Lines[rows[j].i].Dates; rows[j].clean && len(ds) > 0 {
				lo = ds[0].Date
			}
		}
		for j := k + 1; j < len(rows) && hi.IsZero(); j++ {
			if ds := d.Lines[rows[j].i].Dates; rows[j].clean && len(ds) > 0 {
				hi = ds[0].Date
			}
		}
		year := lo.Year
		if !anchored && (lo.IsZero() || hi.IsZero()) {
			continue
		}
		if lo.IsZero() {
			if hi.IsZero() {
				continue
			}
			year, lo = hi.Year, dates.New(hi.Year, time.January, 1).AddDays(-1)
		}
		cands := r.cands
		if r.day > 0 && !hi.IsZero() {
			// A day alone takes the month of a row around it; only
			// between two dated rows, lest a month-long gap be read away.
			cands = append(slices.Clip(cands), monthDay{int(lo.Month), r.day}, monthDay{int(hi.Month), r.day})
		}
		if hi.IsZero() {
			hi = today.AddDays(1)
		}
		var pick []dates.Date
		for _, c := range cands {
			for _, y := range []int{year, year + 1} {
				if y > year && (lo.Month < time.November || c.month > int(time.February)) {
					continue // the next year only across the turn of one
				}
				if dt := dates.New(y, time.Month(c.month), c.day); dt.Valid() && dt.After(lo) && dt.Before(hi) && !slices.Contains(pick, dt) {
					pick = append(pick, dt)
				}
			}
		}
		if len(pick) == 1 {
			l := &d.Lines[r.i]
			l.Dates = []dates.Match{{Date: pick[0], Start: r.span[0], End: r.span[1], Raw: l.Text[r.span[0]:r.span[1]]}}
		}
	}
}

// pageYear returns the year a page's header prints in a cell of its own
// after its label, 0 when none or two differ.
func pageYear(ls []Line) int {
	year := 0
	for i := range ls {
		l := &ls[i]
		if l.Top >= yearHeaderLines {
			break
		}
		if !strings.ContainsAny(l.Text, "Yy") {
			continue
		}
		for _, m := range reYearCell.FindAllStringSubmatch(l.Text, -1) {
			y, _ := strconv.Atoi(m[1])
			if year != 0 && y != year {
				return 0
			}
			year = y
		}
	}
	return year
}

// monthDayDigits reads a month and day cell through OCR's look-alikes of
// its digits ("$/25" for 5/25, "6/l" for 6/1): one look-alike at most, in
// a cell of a slash and digits, else the cell as it is, so that a word is
// never read as a date.
func monthDayDigits(w string) string {
	if strings.Count(w, "/") != 1 || len(w) < 3 || len(w) > 5 {
		return w
	}
	b := []byte(w)
	n := 0
	for i, c := range b {
		if c == '/' || isDigitByte(c) {
			continue
		}
		d, ok := monthDayLookAlike[c]
		if !ok || n > 0 {
			return w
		}
		b[i], n = d, n+1
	}
	return string(b)
}

// monthDayLookAlike maps the letters and signs OCR reads for digits.
var monthDayLookAlike = map[byte]byte{'$': '5', 'S': '5', 's': '5', 'O': '0', 'o': '0', 'l': '1', 'I': '1', '|': '1', 'i': '1', 'B': '8', 'Z': '2'}

// reMonthDay is a month and a day standing alone.
var reMonthDay = lazyre.New(`^(\d{1,2})/(\d{1,2})$`)

// dateYearlessColumns dates the rows of a page that print visits as
// columns of month and day ("Date   5/15   5/17   5/22"), in the page's
// year (the next from a January after a December). goesOn says the page
// before dated such a grid: the visits that did not fit on it go on here,
// and a row of one or two columns under a label of dates ("Date   6/14
// 6/19") is the grid's last. A cell OCR took the slash out of ("525°")
// is dated only when one of its readings alone falls between the dates
// of the columns beside it; else its column stays undated. It returns the
// month of the last date it set, 0 when it set none.
func dateYearlessColumns(d *Doc, p *Page, year int, last time.Month, goesOn bool) time.Month {
	set := time.Month(0)
	for i := p.First; i < p.End; i++ {
		l := &d.Lines[i]
		if len(l.Dates) > 0 || l.Boiler != BoilerNone {
			continue
		}
		cells := yearlessColumns(l.Text, p.Source == extract.SourceOCR)
		if cells == nil && goesOn {
			cells = yearlessColumnsGoOn(l.Text, p.Source == extract.SourceOCR)
		}
		if cells == nil {
			continue
		}
		y, prev := year, last
		var ms []dates.Match
		at := make([]int, len(cells)) // the match of each clean cell, -1 for a damaged one
		for k, c := range cells {
			at[k] = -1
			if c.damaged != nil {
				continue
			}
			g := reMonthDay.FindStringSubmatch(monthDayDigits(l.Text[c.span[0]:c.span[1]]))
			month, _ := strconv.Atoi(g[1])
			day, _ := strconv.Atoi(g[2])
			if prev >= time.November && month <= int(time.February) {
				y++
			}
			dt := dates.New(y, time.Month(month), day)
			if !dt.Valid() || dt.After(today) || len(ms) > 0 && !ms[len(ms)-1].Date.Before(dt) {
				ms = nil
				break
			}
			prev = dt.Month
			at[k] = len(ms)
			ms = append(ms, dates.Match{Date: dt, Start: c.span[0], End: c.span[1], Raw: l.Text[c.span[0]:c.span[1]]})
		}
		if ms == nil {
			continue
		}
		l.Dates, set = withDamagedColumns(l.Text, cells, at, ms), prev
	}
	return set
}

// withDamagedColumns returns ms, the dates of a row's clean cells, with
// the damaged cells between them dated where one reading alone falls
// strictly between the clean dates on either side, in position order.
func withDamagedColumns(text string, cells []monthDayCell, at []int, ms []dates.Match) []dates.Match {
	out := make([]dates.Match, 0, len(cells))
	for k, c := range cells {
		if at[k] >= 0 {
			out = append(out, ms[at[k]])
			continue
		}
		if k == 0 || k == len(cells)-1 || at[k-1] < 0 || at[k+1] < 0 {
			continue // bounded on both sides by clean columns, or undated
		}
		lo, hi := ms[at[k-1]].Date, ms[at[k+1]].Date
		var found []dates.Date
		for _, md := range c.damaged {
			for _, y := range []int{lo.Year, hi.Year} {
				dt := dates.New(y, time.Month(md.month), md.day)
				if dt.Valid() && lo.Before(dt) && dt.Before(hi) && !slices.Contains(found, dt) {
					found = append(found, dt)
				}
			}
		}
		if len(found) == 1 {
			out = append(out, dates.Match{Date: found[0], Start: c.span[0], End: c.span[1], Raw: text[c.span[0]:c.span[1]]})
		}
	}
	return out
}

// monthDayCell is a cell of a row of months and days: where it stands
// and, when OCR took its slash out ("525°"), the months and days it may
// read as (nil for a clean cell).
type monthDayCell struct {
	span    [2]int
	damaged []monthDay
}

// yearlessColumns returns the cells of a row that prints three months
// and days or more across the page and nothing else, after a label of no
// figures ("Date", "Visit") or none; nil when it is no such row. OCR's
// specks between the cells ("Date   .   6/12") are no cells, and on a page
// read by OCR (ocr) a month and day may hold look-alikes of its digits
// ("$/25", "6/l": monthDayDigits), specks at its edges ("(5/29", "9/25.")
// or have lost its slash ("525°", three or four digits: see
// monthDayCells).
func yearlessColumns(text string, ocr bool) []monthDayCell {
	if out := monthDayCells(text, ocr, false); clean(out) >= 3 {
		return out
	}
	return nil
}

// yearlessColumnsGoOn returns the cells of a row that prints one month
// and day or more across the page after a label of dates ("Date", "DOS",
// "Visit date"): the last columns of a grid the page before began.
func yearlessColumnsGoOn(text string, ocr bool) []monthDayCell {
	if out := monthDayCells(text, ocr, true); clean(out) >= 1 {
		return out
	}
	return nil
}

// clean counts the cells OCR did not damage.
func clean(cs []monthDayCell) int {
	n := 0
	for _, c := range cs {
		if c.damaged == nil {
			n++
		}
	}
	return n
}

// cellSpecks are what OCR sets at the edges of a scanned cell.
const cellSpecks = "()[]{}.,;:°'\"`~*_-"

// monthDayCells returns the cells of a row that prints months and days
// and nothing else, after a label of no figures or none (labelled: after
// a label of dates only); nil when it is no such row. On a page read by
// OCR a cell of three or four digits between them is one whose slash OCR
// lost, with the readings a slash put back gives.
func monthDayCells(text string, ocr, labelled bool) []monthDayCell {
	cs := Cells(text)
	if len(cs) == 0 {
		return nil
	}
	if first := text[cs[0].Start:cs[0].End]; !strings.ContainsAny(first, "0123456789") {
		if labelled && !reDateRowLabel.MatchString(strings.TrimLeft(first, leadSpecks)) {
			return nil
		}
		cs = cs[1:]
	} else if labelled {
		return nil
	}
	var out []monthDayCell
	for _, c := range cs {
		at := c.Start
		for _, w := range strings.Fields(text[c.Start:c.End]) {
			k := strings.Index(text[at:c.End], w) + at
			at = k + len(w)
			if speck(w) {
				continue
			}
			if reMonthDay.MatchString(w) || ocr && reMonthDay.MatchString(monthDayDigits(w)) {
				out = append(out, monthDayCell{span: [2]int{k, k + len(w)}})
				continue
			}
			if !ocr {
				return nil
			}
			t := strings.TrimLeft(w, cellSpecks)
			k += len(w) - len(t)
			t = strings.TrimRight(t, cellSpecks)
			if reMonthDay.MatchString(monthDayDigits(t)) {
				out = append(out, monthDayCell{span: [2]int{k, k + len(t)}})
				continue
			}
			if len(t) < 3 || len(t) > 4 || !isDigits(t) {
				return nil
			}
			var rs []monthDay
			for _, r := range readings(t) {
				if !slices.Contains(rs, r) {
					rs = append(rs, r)
				}
			}
			if len(rs) == 0 {
				return nil
			}
			out = append(out, monthDayCell{span: [2]int{k, k + len(t)}, damaged: rs})
		}
	}
	return out
}

// isDigits reports whether s is digits only.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return s != ""
}

// rowQuotes are the quotes, ticks and specks OCR sets before a row's
// first cell; no rule ("|"), which may be a 1 misread.
const rowQuotes = "\"'`“”‘’°-.,~*•_—–»«"

// blankLeadSpecks returns text with the quotes and specks before its
// first cell ("“10/16", "- 12/28") turned into spaces, byte for byte, so
// offsets stay valid.
func blankLeadSpecks(text string) string {
	t := strings.TrimLeft(text, " \t")
	rest := strings.TrimLeft(t, rowQuotes+" \t")
	if len(rest) == len(t) || rest == "" || !isDigitByte(rest[0]) {
		return text
	}
	n := len(text) - len(rest)
	return strings.Repeat(" ", n) + rest
}

// outOfOrder reports whether the clean row k falls outside the clean rows
// on either side of it, which run forward within one year: a cell OCR
// misread into another month and day ("4/15" between 1/10 and 1/17, a
// speck before it) is left undated.
func outOfOrder(rows []yearlessRow, k int) bool {
	key := func(r yearlessRow) int { return r.cands[0].month*100 + r.cands[0].day }
	prev, next := -1, -1
	for j := k - 1; j >= 0; j-- {
		if rows[j].clean {
			prev = key(rows[j])
			break
		}
	}
	for j := k + 1; j < len(rows); j++ {
		if rows[j].clean {
			next = key(rows[j])
			break
		}
	}
	if prev < 0 || next < 0 || prev >= next {
		return false
	}
	cur := key(rows[k])
	return cur <= prev || cur >= next
}
