package rules

import (
	"strings"

	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// reDescCaption captions the description column of a bill's table.
var reDescCaption = lazyre.New(`(?i)^(?:description(?: of services?)?|services?(?: description)?|item|revenue (?:category|description)|department)$`)

// describedColumn reports whether a row with one amount caption (ms) is
// a bill's header all the same: its other cell, and only one, captions
// the descriptions ("Description of services      Charges"), as a
// statement by revenue category prints it.
func describedColumn(s string, ms [][]int) bool {
	if len(ms) != 1 || strings.ContainsAny(s, "0123456789") {
		return false
	}
	cells := layout.InkedCells(s) // OCR's specks in the gap are no captions
	if len(cells) != 2 {
		return false
	}
	return reDescCaption.MatchString(strings.TrimSpace(s[cells[0].Start:cells[0].End]))
}

// billedDate reports whether caption m of a header row is "Billed" opening
// the row, over the day each row was billed ("Billed   From   Through
// HCPCS ... Charge   Balance"), when the row captions an amount column
// after it: a table prints what it bills before the amounts.
func billedDate(s string, m []int, cells []layout.Cell, ms [][]int) bool {
	if len(cells) < 2 || !strings.EqualFold(s[m[0]:m[1]], "billed") || m[0] != cells[0].Start || m[1] != cells[0].End {
		return false
	}
	for _, o := range ms {
		if o[0] >= cells[1].Start {
			return true
		}
	}
	return false
}
