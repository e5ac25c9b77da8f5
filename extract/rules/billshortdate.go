package rules

import (
	"strconv"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// A ledger or statement that prints its rows' dates in full (month, day
// and year) prints no date as a month and day alone: a row's date cell
// that OCR left with two parts ("4/24" for 1/4/24, the month and its
// slash lost on a fax) is a full date with a part lost, not a month and
// day to date by the nearest year. Nor is the posting date beside such a
// cell the row's date of service. cutDates undoes both: the row is dated
// only when exactly one reading of the lost part (the month, the day or
// the year) falls between the dates of the rows around it, and is left
// undated for review otherwise.

// reShortLead is a two-part date cell ("4/24", "11/24") opening a row,
// perhaps after a speck.
var reShortLead = lazyre.New(`^\s*(?:[_~.,'"*“”‘’-]+\s*)?(\d{1,2})/(\d{1,2})(?:\s|$)`)

// shortLead returns the month-and-day-shaped cell that opens s, a row of
// a table with a date column (heads), its two parts and where it ends.
func shortLead(s string, heads []tableHead) (a, b string, end int, ok bool) {
	m := reShortLead.FindStringSubmatchIndex(s)
	if m == nil || !hasHead(heads, headDate) {
		return "", "", 0, false
	}
	return s[m[2]:m[3]], s[m[4]:m[5]], m[5], true
}

// cutReadings returns the dates a full date may be that OCR cut to the
// two parts a and b: a part lost before them (the month: b is the year),
// between them (the day: b is the year) or after them (the year, one of
// near's and the years beside it).
func cutReadings(a, b string, near dates.Date) []dates.Date {
	var out []dates.Date
	add := func(d dates.Date, ok bool) {
		if ok && !contains(out, d) {
			out = append(out, d)
		}
	}
	if len(b) == 2 {
		for m := 1; m <= 12; m++ {
			add(mdy(strconv.Itoa(m), a, b))
		}
		for d := 1; d <= 31; d++ {
			add(mdy(a, strconv.Itoa(d), b))
		}
	}
	if !near.IsZero() {
		for y := near.Year - 1; y <= near.Year+1; y++ {
			add(mdy(a, b, strconv.Itoa(y)))
		}
	}
	return out
}

// cutDate is a charge row whose date was read from a cell OCR cut (a
// month and day read under a date column, or a posting date read for want
// of the two-part cell that opens the row), to settle once the page is
// read: cands are the readings of the cell that opens the row, none on or
// before bound when it is set (the posting date the row read).
type cutDate struct {
	item, page int
	cands      []dates.Date
	desc       string
}

// rowDateCut reports whether row r, read under heads, took its date from
// a cell OCR cut (see cutDate), and returns the readings of its opening
// cell when it is one and the row's description without that cell.
func rowDateCut(s string, r billRow, heads []tableHead, near dates.Date) (cands []dates.Date, desc string, cut bool) {
	if r.date.IsZero() || !hasHead(heads, headDate) {
		return nil, "", false
	}
	a, b, end, ok := shortLead(s, heads)
	if !r.yearless && !(ok && r.dspan.a >= end) {
		return nil, "", false
	}
	desc = r.desc
	if ok {
		for _, d := range cutReadings(a, b, near) {
			if !r.yearless && d.After(r.date) {
				continue // a service is on or before the day it was posted
			}
			cands = append(cands, d)
		}
		desc = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(desc), a+"/"+b))
	}
	return cands, desc, true
}

// settleCutDates clears the dates of the cut rows of each page whose other
// rows print their dates in full (at least two of them, and more than the
// cut ones), and adds them to the pending rows that fillSlashDates
// dates from the rows around them.
func settleCutDates(items []extract.BillLine, cuts []cutDate, full map[int]int, pending []pendingDate) []pendingDate {
	short := map[int]int{}
	for _, c := range cuts {
		short[c.page]++
	}
	for _, c := range cuts {
		if full[c.page] < 2 || full[c.page] <= short[c.page] {
			continue
		}
		items[c.item].Date = dates.Date{}
		items[c.item].Description = c.desc
		pending = append(pending, pendingDate{item: c.item, cands: c.cands, desc: c.desc})
	}
	return pending
}
