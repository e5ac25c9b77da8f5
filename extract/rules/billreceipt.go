package rules

import (
	"regexp"

	"github.com/medchron/medchron/extract/dates"
)

// Counter receipts: a pharmacy's register prints each sale as a block, its
// date and clock time on a line of their own ("03/02/2024 2:41 PM  REG 1
// TRN 0077"), then a row per prescription led by its number ("Rx #4410273
// NAPROXEN 500MG TAB 16.80"), then subtotal, tax, total and what was
// tendered. Copies of several receipts share a page; each sale's
// prescriptions are charges of its day.

var (
	// reClockTime is a time of day: "2:41 PM", "14:41".
	reClockTime = regexp.MustCompile(`(?i)\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?(?:\W|$)`)
	// reRxRow leads a prescription's row with its number.
	reRxRow = regexp.MustCompile(`(?i)^\W{0,3}rx\s*(?:#|no\.?|number)?\s*:?\s*\d{5,}`)
)

// saleDay returns the day a register line prints with its clock time over
// a receipt's rows: one date, a time and a few words, no amount.
func saleDay(l line) (dates.Date, bool) {
	if !reClockTime.MatchString(l.text) {
		return dates.Date{}, false
	}
	return headingDay(l)
}

// rxRow reports whether a bill row is a prescription led by its number.
func rxRow(l line) bool { return reRxRow.MatchString(l.trim) }
