package rules

import (
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
)

// A log that numbers its visits prints the number, then the date, on every
// row. OCR reads some of the numbers as it likes ("R" for 12, "B3" for
// 13), and the row no longer opens with a number or a date; its date still
// stands in the column of the dates of the page's other numbered rows.

// numberedDateCols returns, per page, where the dates of the rows that
// open with a visit number begin in their lines.
func numberedDateCols(ls []line) map[int][]int {
	out := map[int][]int{}
	for _, l := range ls {
		if l.noise {
			continue
		}
		if m, ok := layout.RowDate(l.text, lineDates(l)); ok && strings.TrimSpace(l.text[:m.Start]) != "" {
			out[l.page] = append(out[l.page], m.Start)
		}
	}
	return out
}

// numberedRow returns the date of a row whose visit number OCR damaged:
// one short cell (three characters at most, no lower-case letter but the
// l and o OCR reads for 1 and 0: "ll" for 11; OCR's specks beside it, "14
// +", left out) before
// its first date, which stands within three characters of where two
// numbered rows of its page or more (cols) print theirs.
func numberedRow(l line, ds []dates.Match, cols []int) (dates.Match, bool) {
	if len(ds) == 0 || len(cols) < 2 {
		return dates.Match{}, false
	}
	m := ds[0]
	pre := strings.TrimSpace(layout.BlankSpecks(l.text[:m.Start]))
	if pre == "" || len(pre) > 3 || strings.ContainsAny(pre, " \tabcdefghijkmnpqrstuvwxyz") {
		return dates.Match{}, false
	}
	near := 0
	for _, c := range cols {
		if c-3 <= m.Start && m.Start <= c+3 {
			near++
		}
	}
	return m, near >= 2
}
