package rules

import (
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/rxfilter"
)

// Visit blocks: a physician's itemized statement (an out-of-network
// practice's, a billing service's) prints each date of service as a
// heading line over the lines billed that day, the way a claim line
// carries it: "DOS: 03/14/24-03/14/24" (from and through, the same day),
// often with the rendering physician and the day's diagnosis codes after
// it ("Rendering: Ann Lee, MD  Dx: M54.12, S43.401A"). The heading bills
// nothing: a diagnosis code's decimal ("M54.12", which OCR reads "MS4.12")
// is no amount, and the two dates are one day, that of every line under
// it that prints none.

// reDxList is a diagnosis label and the codes after it, to the line's end.
// The label may follow the physician's credential with no space
// ("Ellen Costa, DODx:").
var reDxList = rxfilter.MustCompile(`(?:\b(?i:dx|diag(?:nos[ie]s)?|icd-?10(?:-cm)?)|Dx)(?i:\s*codes?)?\s*[:#]\s*\S.*$`)

// reAmountCell is a cell that prints an amount: 45.00, $1,234.56, (45.00).
var reAmountCell = lazyre.New(`^\(?-?\$?-?\d{1,3}(?:,?\d{3})*[.,]\d{2}\)?-?$`)

// printsAmount reports whether a line prints an amount in a cell of its
// own, not a decimal inside another token (a diagnosis code, "M54.12",
// or what OCR made of one, "MS4.12", "$43.401A").
func printsAmount(s string) bool {
	for _, f := range strings.Fields(s) {
		if reAmountCell.MatchString(strings.TrimRight(f, ",;")) {
			return true
		}
	}
	return false
}

// reDOSRange is a from-through pair of slash dates, joined by a dash (with
// or without spaces), "to", "thru" or "through".
// The dates may print compact, as a claim's from-through cells do
// ("122324-122324", MMDDYY or MMDDYYYY).
var reDOSRange = lazyre.New(`(?i)\b(\d{1,2}/\d{1,2}/\d{2,4}|\d{6}|\d{8})(\s*[-–]\s*|\s+(?:to|thru|through)\s+)(\d{1,2}/\d{1,2}/\d{2,4}|\d{6}|\d{8})\b`)

// dosDate reads one date of a from-through pair: a slash date, or a
// compact MMDDYY or MMDDYYYY one.
func dosDate(s string) (dates.Date, bool) {
	if allDigits(s) && (len(s) == 6 || len(s) == 8) {
		s = s[:2] + "/" + s[2:4] + "/" + s[4:]
	}
	return dates.Parse(s)
}

// visitBlockDay reads a visit block's heading: a visit's label ("DOS",
// "Date of service", "Visit") opening the line, then one date or a
// from-through pair of one day, and no amount outside its diagnosis
// codes. ok is false for any other line.
func visitBlockDay(l line) (d dates.Date, ok bool) {
	text := l.text
	if m := reDxList.FindStringIndex(text); m != nil {
		text = text[:m[0]]
	}
	if printsAmount(text) {
		return dates.Date{}, false
	}
	lead := strings.TrimLeft(text, " \"'“”‘’`*-_.,:;|")
	if !reVisitLabel.MatchString(lead) {
		return dates.Date{}, false
	}
	// The from-through pair: the dash between them may glue the two
	// dates into one token, which the date finder does not read; read
	// each on its own, and keep the pair only when both are one day.
	if m := reDOSRange.FindStringSubmatchIndex(text); m != nil {
		from, ok1 := dosDate(text[m[2]:m[3]])
		thru, ok2 := dosDate(text[m[6]:m[7]])
		if !ok1 || !ok2 || from != thru {
			return dates.Date{}, false
		}
		before := text[:m[0]]
		if reNotServiceDay.MatchString(before) || len(strings.Fields(before)) > 4 {
			return dates.Date{}, false
		}
		return from, true
	}
	ds := layout.FindDates(text)
	if len(ds) != 1 {
		return dates.Date{}, false
	}
	before := text[:ds[0].Start]
	if reNotServiceDay.MatchString(text) || len(strings.Fields(before)) > 4 {
		return dates.Date{}, false
	}
	return ds[0].Date, true
}
