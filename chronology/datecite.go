package chronology

import (
	"strconv"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// holdsDate reports whether a quote prints date d, in any format
// extract/dates reads (03/14/2024, 3/14/24, 14-Mar-2024, March 14, 2024,
// 2024-03-14 …), or as month and day alone ("03/14", a visit-log row whose
// year is printed in the table's heading), or in the digits alone a form's
// boxes, a billing system or a table's date column print (12062023,
// 120623, 20231206: dates.HoldsCompact).
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
	return dates.HoldsCompact(quote, d)
}

// monthDay is a month/day without a year: "3/14", "03-14", not followed by
// another separator and digit (which would make it a full date).
var monthDay = lazyre.New(`(?:^|[^0-9/.-])(0?[1-9]|1[0-2])[/-](0?[1-9]|[12][0-9]|3[01])(?:$|[^0-9/-]|[/-][^0-9])`)

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
