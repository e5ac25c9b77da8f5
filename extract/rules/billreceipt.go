package rules

import (
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// Counter receipts: a pharmacy's register prints each sale as a block, its
// date and clock time on a line of their own ("03/02/2024 2:41 PM  REG 1
// TRN 0077"), then a row per prescription led by its number ("Rx #4410273
// NAPROXEN 500MG TAB 16.80"), then subtotal, tax, total and what was
// tendered. Copies of several receipts share a page; each sale's
// prescriptions are charges of its day.

var (
	// reSaleTime is the clock time right after a register line's date:
	// "2:41 PM", "14:41".
	reSaleTime = lazyre.New(`(?i)^\W{0,3}(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?(?:\W|$)`)
	// reRxRow leads a prescription's row with its number.
	reRxRow = lazyre.New(`(?i)^\W{0,3}rx\s*(?:#|no\.?|number)?\s*:?\s*\d{5,}`)
)

// saleDay returns the day a register line prints over a receipt's rows:
// one date with its clock time and a few words (register, transaction),
// no amount; the specks OCR strews over a fax are no words.
func saleDay(l line) (dates.Date, bool) {
	ds := lineDates(l)
	if len(ds) != 1 || ds[0].End > len(l.text) {
		return dates.Date{}, false
	}
	after := l.text[ds[0].End:]
	m := reSaleTime.FindStringIndex(after)
	if m == nil {
		return dates.Date{}, false
	}
	rest := l.text[:ds[0].Start] + " " + after[m[1]:]
	words := 0
	for _, f := range strings.Fields(rest) {
		if layout.HasLetters(f) || strings.ContainsAny(f, "0123456789") {
			words++
		}
	}
	if words > 6 || reNotServiceDay.MatchString(rest) {
		return dates.Date{}, false
	}
	return ds[0].Date, true
}

// rxRow reports whether a bill row is a prescription led by its number.
func rxRow(l line) bool { return reRxRow.MatchString(l.trim) }
