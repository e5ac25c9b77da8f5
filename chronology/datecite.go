package chronology

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// holdsDate reports whether a quote prints date d, in any format
// extract/dates reads (03/14/2024, 3/14/24, 14-Mar-2024, March 14, 2024,
// 2024-03-14 …), or as month and day alone ("03/14", a visit-log row whose
// year is printed in the table's heading), or in the digits alone a form's
// boxes or a billing system print (12062023, 120623, 20231206).
func holdsDate(quote string, d dates.Date) bool {
	for _, m := range dates.FindAll(quote) {
		if m.Date == d {
			return true
		}
	}
	for _, m := range monthDay.FindAllStringSubmatch(quote, -1) {
		mo, _ := strconv.Atoi(m[1])
		day, _ := strconv.Atoi(m[2])
		if mo == int(d.Month) && day == d.Day {
			return true
		}
	}
	return holdsCompact(quote, d)
}

// digits is a run of digits.
var digits = regexp.MustCompile(`[0-9]+`)

// holdsCompact reports whether quote prints d as a run of digits alone:
// MMDDCCYY, MMDDYY or CCYYMMDD, not part of a longer number ("12.062023",
// "12062023-7"). Read anywhere such a run would be ambiguous (an account
// number); checked against a date already known, it is not.
func holdsCompact(quote string, d dates.Date) bool {
	t := d.Time()
	for _, loc := range digits.FindAllStringIndex(quote, -1) {
		if joinsNumber(quote, loc[0]-2, loc[0]-1) || joinsNumber(quote, loc[1]+1, loc[1]) {
			continue
		}
		for _, layout := range []string{"01022006", "010206", "20060102"} {
			if quote[loc[0]:loc[1]] == t.Format(layout) {
				return true
			}
		}
	}
	return false
}

// joinsNumber reports whether quote[sep] is a separator within a number
// (".", ",", "/", "-") with a digit at quote[digit] beyond it.
func joinsNumber(quote string, digit, sep int) bool {
	if sep < 0 || sep >= len(quote) || digit < 0 || digit >= len(quote) {
		return false
	}
	return strings.IndexByte("./,-", quote[sep]) >= 0 && quote[digit] >= '0' && quote[digit] <= '9'
}

// monthDay is a month/day without a year: "3/14", "03-14", not followed by
// another separator and digit (which would make it a full date).
var monthDay = regexp.MustCompile(`(?:^|[^0-9/.-])(0?[1-9]|1[0-2])[/-](0?[1-9]|[12][0-9]|3[01])(?:$|[^0-9/-]|[/-][^0-9])`)

// dateFirst moves the first citation that holds date d to the front of cs,
// keeping the others in order, and reports whether any citation holds it.
// cs is modified in place.
func dateFirst(cs []extract.Citation, d dates.Date) bool {
	for i, c := range cs {
		if holdsDate(c.Quote, d) {
			copy(cs[1:i+1], cs[:i])
			cs[0] = c
			return true
		}
	}
	return false
}
