package rules

import (
	"strconv"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// The dates of a bill table's rows: read under the header's date column
// however they print (a run of digits, a month and day without the year),
// the day of service rather than the day a row was posted, and for rows
// that print none, the day of the heading over them.

// compactDate reads the date a row prints under its header's date column
// as a run of digits, MMDDYY or MMDDCCYY ("120623"), or without its year
// ("12/06"), which reads as no date anywhere else. A date without a year
// takes the year that puts it nearest the day near (the row above's, a
// heading's, the statement period's); none without such a day.
func (r *billRow) compactDate(toks []token, hs []tableHead, near dates.Date, take func(a, b int)) {
	if !hasHead(hs, headDate) {
		return
	}
	for _, t := range toks {
		v := strings.Trim(t.s, ".,:;*'")
		if headAt(hs, t.a, t.b) != headDate {
			continue
		}
		d, ok := dates.Date{}, false
		switch {
		case (len(v) == 6 || len(v) == 8) && allDigits(v):
			d, ok = compactDay(v)
		case !near.IsZero():
			d, ok = yearless(v, near)
			r.yearless = ok
		}
		if ok {
			r.date, r.dspan = d, span{t.a, t.b}
			take(t.a, t.b)
			return
		}
	}
}

var reRowMonthDay = lazyre.New(`^(\d{1,2})[/-](\d{1,2})$`)

// yearless reads a month and day ("12/06", "1-5") in the year, of near's
// and the years beside it, that puts it nearest near.
func yearless(v string, near dates.Date) (dates.Date, bool) {
	m := reRowMonthDay.FindStringSubmatch(v)
	if m == nil {
		return dates.Date{}, false
	}
	best, found := dates.Date{}, false
	for y := near.Year - 1; y <= near.Year+1; y++ {
		d, ok := mdy(m[1], m[2], strconv.Itoa(y))
		if ok && (!found || daysApart(d, near) < daysApart(best, near)) {
			best, found = d, true
		}
	}
	return best, found
}

// daysApart is the number of days between two dates.
func daysApart(a, b dates.Date) int { return abs(a.DaysUntil(b)) }

// nearDay is the day a bill's next row is read near: the last dated row's,
// else a heading's, the labelled date of service or the statement period's
// first day.
func nearDay(items []extract.BillLine, head, svc, period dates.Date) dates.Date {
	for i := len(items) - 1; i >= 0; i-- {
		if !items[i].Date.IsZero() {
			return items[i].Date
		}
	}
	for _, d := range []dates.Date{head, svc, period} {
		if !d.IsZero() {
			return d
		}
	}
	return dates.Date{}
}

// reNotServiceDay are words of a line whose date is no day of service of
// the rows below it: a statement's, a payment's or a birth date, or the
// day to pay by ("Please pay by").
var reNotServiceDay = lazyre.New(`(?i)\b(?:due|print(?:ed)?|statement|birth|dob|posted|pay|payments?|paid|received|billed|as of)\b`)

// reVisitLabel opens a heading that labels the visit whose rows follow:
// "Visit on", "Date of service", "DOS", "Encounter".
var reVisitLabel = lazyre.New(`(?i)^\W*(?:office\s+)?(?:visit|date of service|dates? of svc|service date|dos|encounter)\b`)

// headingDay returns the date a heading over a table's rows prints (a line
// of no amount with one date and a few words: "Date of service: 04/09/2024",
// "04/09/2024 - Visit 2"): the day of every row under it that prints
// none, until the next such heading. visit says the heading opens with a
// visit's label and its date (a statement's block of one visit: "Visit on
// 04/09/2024 - Ann Lee, MD, Orthopaedics"), whatever words name the
// clinician after it: such a heading dates its rows without a row of
// column captions above them.
func headingDay(l line) (d dates.Date, visit, ok bool) {
	ds := lineDates(l)
	if len(ds) == 0 && reSpeckedYear.MatchString(l.text) {
		// A speck OCR set between the day and the year ("Jul 28,.2023"):
		// blanked in place, the offsets stay the line's.
		m := l
		m.text, m.lo = reSpeckedYear.ReplaceAllString(l.text, "$1, $2"), nil
		ds = lineDates(m)
	}
	if len(ds) != 1 || ds[0].End > len(l.text) {
		return dates.Date{}, false, false
	}
	before, after := l.text[:ds[0].Start], l.text[ds[0].End:]
	if reNotServiceDay.MatchString(before + " " + after) {
		return dates.Date{}, false, false
	}
	visit = reVisitLabel.MatchString(before) && len(strings.Fields(before)) <= 4
	if !visit && len(strings.Fields(before+" "+after)) > 6 {
		return dates.Date{}, false, false
	}
	return ds[0].Date, visit, true
}

// reSpeckedYear is a month name's day and year with a speck OCR set
// after the comma, in place of the space or glued before it ("Jul
// 28,.2023", "Jul 28,. 2023"): submatch 1 the day, 2 what follows.
var reSpeckedYear = lazyre.New(`(?i)\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}),[.:;'’](\s?\d{4})\b`)

// serviceDate prefers, of a row's two dates, the one under a date column
// of the service to the one under a column of when the row was posted
// ("Trans Date  Svc Date": a ledger posts a visit days after it).
func (r *billRow) serviceDate(ms []dates.Match, hs []tableHead) {
	var dh []tableHead
	for _, h := range hs {
		if h.kind == headDate {
			dh = append(dh, h)
		}
	}
	if len(dh) == 1 && dh[0].posted && len(ms) >= 2 {
		// One date caption, the posting date's, over a row of two dates:
		// OCR marred the other caption ("bos" for DOS). The date beside the
		// posting date, on or before it, is the service it posts, when
		// the caption stands over the first (nearer its middle).
		mid := func(a, b int) int { return abs(a + b - dh[0].a - dh[0].b) }
		if m := ms[1]; r.date == ms[0].Date && m.Start >= ms[0].End && !m.Date.After(ms[0].Date) && mid(ms[0].Start, ms[0].End) < mid(m.Start, m.End) {
			r.date, r.dspan = m.Date, span{m.Start, m.End}
		}
		return
	}
	if len(dh) < 2 || len(ms) < 2 {
		return
	}
	posted := func(m dates.Match) bool {
		best, dist := tableHead{}, 1<<30
		for _, h := range dh {
			if d := max(0, h.a-m.End) + max(0, m.Start-h.b); d < dist {
				best, dist = h, d
			}
		}
		return best.posted
	}
	if !posted(ms[0]) {
		return
	}
	for _, m := range ms[1:] {
		if !posted(m) {
			r.date, r.dspan = m.Date, span{m.Start, m.End}
			return
		}
	}
}
