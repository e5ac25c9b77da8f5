package rules

import (
	"strconv"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/rxfilter"
)

// OCR reads the slash of a short date in a bill table as a one ("415/24"
// for 4/5/24, "5/7125" for 5/7/25) or loses it ("119/24" for 1/19/24),
// which leaves the line item without a date. fillSlashDates undoes this
// for the date cell that opens an item line: every reading that turns one
// look-alike of a slash back into a slash, or puts a lost one back, is
// tried, and the one that falls between the dates of the neighbouring
// items of the same statement is kept. A cell with several readings in
// that window, or none, stays undated.

// reSlashCell is the first cell of a line, perhaps after a speck: digits
// with one slash and a character that may be another one.
var reSlashCell = lazyre.New(`^\s*(?:[_~.,'"*“”‘’-]+\s*)?([0-9]{1,4}/[0-9lI|tf]{1,5}|[0-9lI|tf]{2,5}/[0-9]{2,4})(?:\s|$)`)

// reSlashlessCell is the first cell of a line, perhaps after a speck: a
// run of digits and characters that may be slashes ("614125" for 6/4/25).
var reSlashlessCell = lazyre.New(`^\s*(?:[_~.,'"*“”‘’-]+\s*)?([0-9lI|tf]{5,8})(?:\s|$)`)

// slashLooks are what OCR reads a date's slash as: a one or its
// look-alikes, a seven (the slash with a speck over it), a four, or a
// "t" or an "f" (a faxed slash crossed by a speck).
const slashLooks = "1lI|74tf"

// reNumberCell is a row's opening cell that holds the office's own number
// for the row (an accession, an invoice or a ticket number, printed
// before the date of service), perhaps after a speck, and the gap after
// it.
var reNumberCell = lazyre.New(`^\s*(?:[_~.,'"*“”‘’-]+\s*)?\d{6,12}\s{2,}`)

// dateCellPast reads the damaged date cell of a row with read, at the
// row's first cell, else at the cell after the number that opens it
// (reNumberCell): the number's cell is blanked, so the span is the
// row's.
func dateCellPast(s string, read func(string) ([]dates.Date, [2]int)) ([]dates.Date, [2]int) {
	if ds, sp := read(s); len(ds) > 0 {
		return ds, sp
	}
	if m := reNumberCell.FindStringIndex(s); m != nil {
		return read(strings.Repeat(" ", m[1]) + s[m[1]:])
	}
	if m := reZeroAsLetter.FindStringSubmatchIndex(s); m != nil {
		// The zero that opens the cell read as a letter ("Q111/2024").
		return read(s[:m[2]] + "0" + s[m[3]:])
	}
	return nil, [2]int{}
}

// reZeroAsLetter is a row's first cell opening with a letter OCR reads a
// zero as (Q, O, D), then digits and a slash.
var reZeroAsLetter = lazyre.New(`^\s*([QOD])[0-9][0-9lI|]{0,3}/[0-9]`)

// slashCandidates returns the dates a slash-damaged date cell that opens
// s (or follows its number cell) may be, with the cell's span.
func slashCandidates(s string) ([]dates.Date, [2]int) {
	return dateCellPast(s, func(s string) ([]dates.Date, [2]int) { return cellCandidates(s, false) })
}

// lostSlashCandidates returns the dates a first cell that lost a slash may
// be ("119/24": 1/19/24 or 11/9/24).
func lostSlashCandidates(s string) ([]dates.Date, [2]int) { return cellCandidates(s, true) }

// fallbackCandidates returns the dates a damaged date cell that opens s
// (or follows its number cell) may be when no look-alike of a slash gives
// one: a slash lost from the cell ("526/25"), or both slashes read as ones
// ("614125"), with the cell's span.
func fallbackCandidates(s string) ([]dates.Date, [2]int) { return dateCellPast(s, fallbackAt) }

// fallbackAt is fallbackCandidates of the cell that opens s.
func fallbackAt(s string) ([]dates.Date, [2]int) {
	if ds, sp := lostSlashCandidates(s); len(ds) > 0 {
		return ds, sp
	}
	m := reSlashlessCell.FindStringSubmatchIndex(s)
	if m == nil {
		return nil, [2]int{}
	}
	cell := s[m[2]:m[3]]
	var out []dates.Date
	for i := 1; i < len(cell); i++ {
		for j := i + 2; j < len(cell)-1; j++ {
			if strings.IndexByte(slashLooks, cell[i]) < 0 || strings.IndexByte(slashLooks, cell[j]) < 0 {
				continue
			}
			c := cell[:i] + "/" + cell[i+1:j] + "/" + cell[j+1:]
			if parts := strings.Split(c, "/"); shortDateParts(parts) {
				if d, ok := dates.Parse(c); ok && !contains(out, d) {
					out = append(out, d)
				}
			}
		}
	}
	return out, [2]int{m[2], m[3]}
}

// reLostPartsCell is a row's first cell, perhaps after a speck, that a
// fax's OCR took more of a date from than one slash: digits alone (both
// slashes lost, "11124" for 1/11/24), or a day and a year parted by a
// slash or a look-alike of one (the month lost with its slash, "27/25",
// "27125", "27725" for 1/27/25).
var reLostPartsCell = lazyre.New(`^\s*(?:[_~.,'"*“”‘’-]+\s*)?([0-9]{1,2}[/1lI|7tf]?[0-9]{2}|[0-9]{4,6})(?:\s|$)`)

// lostPartsCandidates returns the dates the cell that opens s may be when
// OCR lost more of it than one slash (reLostPartsCell): both slashes put
// back between its digits, or its day and year in every month, with the
// cell's span. Only the dated rows around the row can pick one.
func lostPartsCandidates(s string) ([]dates.Date, [2]int) {
	m := reLostPartsCell.FindStringSubmatchIndex(s)
	if m == nil {
		return nil, [2]int{}
	}
	cell := s[m[2]:m[3]]
	var out []dates.Date
	add := func(c string) {
		if parts := strings.Split(c, "/"); len(parts) == 3 && shortDateParts(parts) {
			if d, ok := dates.Parse(c); ok && !contains(out, d) {
				out = append(out, d)
			}
		}
	}
	if allDigits(cell) {
		for i := 1; i < len(cell); i++ {
			for j := i + 1; j < len(cell); j++ {
				add(cell[:i] + "/" + cell[i:j] + "/" + cell[j:])
			}
		}
	}
	for _, yl := range []int{2, 4} {
		// The day, the slash or what OCR read it as, the year.
		if k := len(cell) - yl - 1; k >= 1 && k <= 2 && allDigits(cell[:k]) && strings.IndexByte("/"+slashLooks, cell[k]) >= 0 {
			for mo := 1; mo <= 12; mo++ {
				add(strconv.Itoa(mo) + "/" + cell[:k] + "/" + cell[k+1:])
			}
		}
	}
	return out, [2]int{m[2], m[3]}
}

// cellCandidates reads a damaged date cell: each look-alike of a slash
// turned back into one, or (lost) a slash put back between two digits.
func cellCandidates(s string, lost bool) ([]dates.Date, [2]int) {
	m := reSlashCell.FindStringSubmatchIndex(s)
	if m == nil {
		return nil, [2]int{}
	}
	cell := s[m[2]:m[3]]
	var out []dates.Date
	try := func(c string) {
		parts := strings.Split(c, "/")
		if len(parts) != 3 || !shortDateParts(parts) {
			return
		}
		if d, ok := dates.Parse(c); ok && !contains(out, d) {
			out = append(out, d)
		}
	}
	for i := 0; i < len(cell); i++ {
		switch {
		case !lost && strings.IndexByte(slashLooks, cell[i]) >= 0:
			try(cell[:i] + "/" + cell[i+1:])
		case lost && i > 0 && cell[i] != '/' && cell[i-1] != '/':
			try(cell[:i] + "/" + cell[i:])
		}
	}
	return out, [2]int{m[2], m[3]}
}

// reMonthlessCell is a pharmacy row's first cell whose month OCR lost
// with the separator after it ("24/25" for 1/24/25, "22-2025" for
// 01-22-2025), perhaps after a speck or a run of letters OCR made of the
// month ("QOL- 22-2025"), then the prescription's number.
var reMonthlessCell = lazyre.New(`^\s*(?:[^\s\d]{1,4}\s*)?([0-9]{1,2})([/-])([0-9]{2}|[0-9]{4})\s{2,}\d{5,}`)

// monthlessCandidates returns the dates a fill's date cell that lost its
// month may be (that day and year in every month), with the cell's span.
func monthlessCandidates(s string) ([]dates.Date, [2]int) {
	m := reMonthlessCell.FindStringSubmatchIndex(s)
	if m == nil {
		return nil, [2]int{}
	}
	day, sep, year := s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]
	var out []dates.Date
	for mo := 1; mo <= 12; mo++ {
		if d, ok := dates.Parse(strconv.Itoa(mo) + sep + day + sep + year); ok && !contains(out, d) {
			out = append(out, d)
		}
	}
	return out, [2]int{m[2], m[7]}
}

// shortDateParts reports whether month, day and year have the lengths of
// a printed date (1–2, 1–2, 2 or 4) and only digits.
func shortDateParts(p []string) bool {
	for i, s := range p {
		if s == "" || strings.Trim(s, "0123456789") != "" {
			return false
		}
		if i < 2 && len(s) > 2 || i == 2 && len(s) != 2 && len(s) != 4 {
			return false
		}
	}
	return true
}

func contains(ds []dates.Date, d dates.Date) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

// pendingDate is a line item whose date cell OCR damaged; desc is its
// description without that cell.
type pendingDate struct {
	item     int
	cands    []dates.Date
	fallback []dates.Date // readings of a lost slash, or of both read as ones (fallbackCandidates)
	lost     []dates.Date // readings of more lost than a slash, tried when the others give none (lostPartsCandidates)
	desc     string
}

// fillSlashDates dates the pending items of a statement from their
// candidates, between the dates of the nearest dated items before and
// after them, and cuts the date cell out of their descriptions. An item
// it dates narrows the window of the pending items beside it, which are
// tried again ("516/23", 5/6 or 5/16, above "5/623", which reads only
// 5/6, above 5/23/23).
func fillSlashDates(items []extract.BillLine, pending []pendingDate) {
	for len(pending) > 0 {
		left := fillSlashPass(items, pending)
		if len(left) == len(pending) {
			return
		}
		pending = left
	}
}

// fillSlashPass is one pass of fillSlashDates: it returns the items it
// left undated.
func fillSlashPass(items []extract.BillLine, pending []pendingDate) (left []pendingDate) {
	for _, p := range pending {
		lo, hi := neighbourDates(items, p.item)
		if lo.IsZero() && hi.IsZero() {
			left = append(left, p)
			continue
		}
		// A slash read as a one and a slash lost are alike common: a cell
		// with one reading of each in the window ("1117/24": 11/7/24 or
		// 11/17/24) has no date.
		pick := between(p.cands, lo, hi)
		for _, d := range between(p.fallback, lo, hi) {
			if !contains(pick, d) {
				pick = append(pick, d)
			}
		}
		if len(pick) == 0 {
			pick = between(p.lost, lo, hi)
		}
		if len(pick) != 1 {
			left = append(left, p)
			continue
		}
		items[p.item].Date = pick[0]
		items[p.item].Description = p.desc
	}
	return left
}

// between returns the dates of ds from lo to hi (either may be zero: no
// bound).
func between(ds []dates.Date, lo, hi dates.Date) []dates.Date {
	var out []dates.Date
	for _, d := range ds {
		if (lo.IsZero() || !d.Before(lo)) && (hi.IsZero() || !d.After(hi)) {
			out = append(out, d)
		}
	}
	return out
}

// reStatementPeriod labels the period a bill covers ("Statement covers
// period", "Statement period", "Service period", "Dates of service",
// "Service dates").
var reStatementPeriod = rxfilter.MustCompile(`(?i)\b(?:statement\s+covers(?:\s+period)?|covers\s+period|statement\s+period|service\s+period|period\s+of\s+service|dates?\s+of\s+service|service\s+dates)\b`)

// reAdmitted and reDischarged label the stay a bill covers, from the
// admission to the discharge ("Admit: 03/02/2024   Discharge: 03/02/2024").
var (
	reAdmitted   = rxfilter.MustCompile(`(?i)\b(?:admit|admitted|admission|adm)(?:\s+date)?\b`)
	reDischarged = rxfilter.MustCompile(`(?i)\b(?:discharge|discharged|disch|dis)(?:\s+date)?\b`)
)

// periodLabel returns where the label of a bill's period is on a line: a
// statement's period, or a stay's admission followed by its discharge.
func periodLabel(s string) []int {
	if loc := reStatementPeriod.FindStringIndex(s); loc != nil {
		return loc
	}
	if loc := reAdmitted.FindStringIndex(s); loc != nil && reDischarged.MatchString(s[loc[1]:]) {
		return loc
	}
	return nil
}

// statementDay reads a line that prints a bill's statement period or its
// stay (period false for any other line) and returns the day it covers
// when the period opens and closes on the same day ("Statement covers: FROM
// 2/14/24 THROUGH 2/14/24", "STATEMENT COVERS PERIOD 031424 031424"):
// every item the bill lists is of that day, whatever OCR made of the
// item's own date cell. A period of several days returns a zero day.
func statementDay(l line) (day dates.Date, period bool) {
	loc := periodLabel(l.text)
	if loc == nil {
		return dates.Date{}, false
	}
	var ds []dates.Date
	for _, m := range lineDates(l) {
		if m.Start >= loc[1] {
			ds = append(ds, m.Date)
		}
	}
	if len(ds) == 0 {
		// Form dates print as digit runs: MMDDYY or MMDDCCYY.
		for _, t := range tokens(l.text[loc[1]:]) {
			if s := strings.Trim(t.s, ":,."); (len(s) == 6 || len(s) == 8) && allDigits(s) {
				if d, ok := mdy(s[:2], s[2:4], s[4:]); ok {
					ds = append(ds, d)
				}
			}
		}
	}
	if len(ds) != 2 || ds[0] != ds[1] {
		return dates.Date{}, true
	}
	return ds[0], true
}

// postedBefore is a line item whose date of service, as OCR read it (raw),
// falls after the date printed beside it: the day a ledger posted it, or
// the end of the item's period.
type postedBefore struct {
	item   int
	raw    string
	posted dates.Date
}

// postingLag is how long after a service a ledger posts it, at most.
const postingLag = 7

// datePosted dates each misdated item with the one reading of its date
// cell, one digit changed, that falls within a week before the date
// printed beside it and between the dates of the items around it
// ("11/29/2024" posted 11/20/2024, before an item of 11/19/2024, is
// 11/19/2024). When the items around it are of one day, a reading of
// that day is the item's even when OCR changed a digit of the posting
// date too ("04.11.2024" posted "02.12.2024" between two items of
// 01.11.2024). An item with no such reading, or several, keeps its date.
func datePosted(items []extract.BillLine, misdated []postedBefore) {
	for _, p := range misdated {
		lo, hi := neighbourDates(items, p.item)
		var pick []dates.Date
		for _, d := range oneDigitChanged(p.raw) {
			if !d.After(p.posted) && !d.Before(p.posted.AddDays(-postingLag)) && len(between([]dates.Date{d}, lo, hi)) == 1 && !contains(pick, d) {
				pick = append(pick, d)
			}
		}
		if len(pick) == 0 && !lo.IsZero() && lo == hi && !lo.After(p.posted) && contains(oneDigitChanged(p.raw), lo) {
			pick = append(pick, lo)
		}
		if len(pick) == 1 {
			items[p.item].Date = pick[0]
		}
	}
}

// neighbourDates returns the dates of the nearest dated items before and
// after items[k] (zero when there is none).
func neighbourDates(items []extract.BillLine, k int) (lo, hi dates.Date) {
	for i := k - 1; i >= 0; i-- {
		if !items[i].Date.IsZero() {
			lo = items[i].Date
			break
		}
	}
	for i := k + 1; i < len(items); i++ {
		if !items[i].Date.IsZero() {
			hi = items[i].Date
			break
		}
	}
	return lo, hi
}

// oneDigitChanged returns the dates raw reads as with one of its digits
// changed to another.
func oneDigitChanged(raw string) []dates.Date {
	var out []dates.Date
	b := []byte(raw)
	for i, c := range b {
		if !isDigitByte(c) {
			continue
		}
		for d := byte('0'); d <= '9'; d++ {
			if d == c {
				continue
			}
			b[i] = d
			if dt, ok := dates.Parse(string(b)); ok && !contains(out, dt) {
				out = append(out, dt)
			}
		}
		b[i] = c
	}
	return out
}
