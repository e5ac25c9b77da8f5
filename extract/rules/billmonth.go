package rules

import (
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// reMonthCell is a row's date printed month first with the month's
// three-letter name ("Dec 27, 2024"), whatever letters OCR read for it:
// submatch 1 is the name, 2 the rest of the date.
var reMonthCell = lazyre.New(`(?:^|\s)([A-Za-z]{3})\.?(\s+\d{1,2},?\s+\d{4})(?:\s|$)`)

// monthNames are the three-letter names of the months.
var monthNames = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// monthLetterDate reads the date of a row whose month name OCR printed
// with one of its last two letters read as another ("Det 27, 2024" for
// Dec 27, 2024): the one month whose name the other two letters leave. A
// name two months share ("Mat": Mar or May), or a word that is a month's
// name already, gives none.
func monthLetterDate(s string) (dates.Date, span, bool) {
	m := reMonthCell.FindStringSubmatchIndex(s)
	if m == nil {
		return dates.Date{}, span{}, false
	}
	name := strings.ToLower(s[m[2]:m[3]])
	var pick string
	for _, mn := range monthNames {
		if name == mn {
			return dates.Date{}, span{}, false // a month as printed: not OCR's
		}
		if diff := differing(name, mn); diff == 1 && name[0] == mn[0] {
			if pick != "" {
				return dates.Date{}, span{}, false
			}
			pick = mn
		}
	}
	if pick == "" {
		return dates.Date{}, span{}, false
	}
	d, ok := dates.Parse(pick + s[m[4]:m[5]])
	return d, span{m[2], m[5]}, ok
}

// differing counts the places where two strings of one length differ.
func differing(a, b string) int {
	n := 0
	for i := range len(a) {
		if a[i] != b[i] {
			n++
		}
	}
	return n
}
