package rules

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/lazyre"
)

// OCR damages the amount cells of a scanned statement in ways that leave
// a row without its charge: it cuts the cents from the dollars ("612
// .00"), loses the point ("8500" for 85.00) or reads it as a colon
// ("50:00"), or reads a five as a dollar sign ("$0.00" for 50.00). A
// dated row under a header's amount captions is still a line of the
// statement: its cell is mended where the header and the statement's
// other rows leave one reading.

// reSpacedCents is an amount whose cents OCR cut from its dollars with a
// space ("612 .00"): submatch 1 is the dollars' last digit.
var reSpacedCents = lazyre.New(`(\d) \.\d{2}(?:[^\d.,]|$)`)

// mendAmountCell returns the text of a row with the points OCR damaged
// mended (mendPoints); that of a dated table row that prints no
// amount, with the one cell under an amount caption that OCR damaged
// rewritten in place as the amount it is ("612 .00" as " 612.00", "8500"
// at the row's end as "85.00" over the space before it), so that the
// text keeps its length and every offset into it. Any other row is
// returned as it is.
func mendAmountCell(l line, cols []billCol) string {
	s := mendPoints(l.text)
	if cols == nil || moneyShaped(s) || len(lineDates(l)) == 0 && !codeFirst(s) && !gluedDated(s) {
		return s
	}
	if t, ok := spacedCents(s, cols); ok {
		return t
	}
	toks := tokens(s)
	if len(toks) == 0 {
		return s
	}
	// The point lost from the last cell: digits, columns apart from the
	// row's other cells, under an amount caption, no digit after them.
	t := toks[len(toks)-1]
	if len(t.s) >= 3 && len(t.s) <= 7 && allDigits(t.s) && t.a >= 2 && s[t.a-2:t.a] == "  " && underMoney(cols, t.a, t.b) {
		return s[:t.a-1] + t.s[:len(t.s)-2] + "." + t.s[len(t.s)-2:] + s[t.b:]
	}
	return s
}

// fiveForDollar gives a coded charge whose cell OCR read with a dollar
// sign for a five ("$0.00") the charge the same code and units bill on
// another row of the bill whose cell prints no dollar sign, when the cell
// reads as that charge with its dollar signs as fives: a practice prices a
// code alike row after row. cells holds the charge cell of each coded
// charge, by its index in items.
func fiveForDollar(items []extract.BillLine, cells map[int]string) {
	for k, cell := range cells {
		if !strings.Contains(cell, "$") {
			continue
		}
		it := &items[k]
		for j, o := range items {
			c, ok := cells[j]
			if j == k || !ok || strings.Contains(c, "$") || o.Code != it.Code || o.Units != it.Units || o.Charge == it.Charge {
				continue
			}
			if dollarForFive(strings.ReplaceAll(cell, ",", ""), strconv.FormatFloat(o.Charge, 'f', 2, 64)) {
				it.Charge = o.Charge
				break
			}
		}
	}
}

// chargeCell returns the cell of r that printed charge v, or "".
func chargeCell(r billRow, v float64) string {
	for k, a := range r.amts {
		if a == v {
			return r.text[r.aspans[k].a:r.aspans[k].b]
		}
	}
	return ""
}

// column returns where span sp of the row stands on the page, counted in
// characters: OCR's curly quotes, degree signs and guillemets are one
// character wide but several bytes long, and a header's columns are
// counted in characters too (billHeader).
func (r billRow) column(sp span) span {
	return span{utf8.RuneCountInString(r.text[:sp.a]), utf8.RuneCountInString(r.text[:sp.b])}
}

// spacedCents rewrites in place the amount cell under an amount caption
// whose cents OCR cut from its dollars with a space ("287 .00" as "
// 287.00"), and reports whether it did.
func spacedCents(s string, cols []billCol) (string, bool) {
	if m := reSpacedCents.FindStringSubmatchIndex(s); m != nil && underMoney(cols, m[2], m[1]) {
		j := m[2]
		for j > 0 && isDigitByte(s[j-1]) {
			j--
		}
		return s[:j] + " " + s[j:m[3]] + s[m[3]+1:], true
	}
	return s, false
}

// mendFormAmount returns the text of a facility claim's dated row with the
// points OCR damaged mended (mendPoints) and, when it prints no amount,
// the charge cell whose cents OCR cut from its dollars ("287 .00")
// rewritten in place: a claim form's cents in a cell of their own ("287
// 00") print no point at all.
func mendFormAmount(l line, cols []billCol) string {
	s := mendPoints(l.text)
	if cols == nil || moneyShaped(s) || len(lineDates(l)) == 0 {
		return s
	}
	t, _ := spacedCents(s, cols)
	return t
}

// codeFirst reports whether a row opens with a procedure code (a speck
// OCR glued before it aside): the row of a statement's block of one date
// of service, which prints its date in the heading above it.
func codeFirst(s string) bool {
	f := strings.Fields(s)
	if len(f) > 0 && len(f[0]) == 1 && !isAlnumByte(f[0][0]) {
		f = f[1:] // a speck of its own before the code
	}
	if len(f) == 0 {
		return false
	}
	_, _, ok := splitCode(strings.TrimLeft(f[0], codeSpecks))
	return ok
}

// fiveByTotal gives a coded charge whose cell OCR read with a dollar sign
// for a five ("$8.88" for 58.88) the amount its cell reads with fives for
// its dollar signs, when that alone of the bill's cells makes its charges
// sum to its one printed total of charges, to the cent.
func fiveByTotal(items []extract.BillLine, totals []extract.BillTotal, cells map[int]string) {
	sum, want, ok := chargesAndTotal(items, totals)
	if !ok || math.Abs(sum-want) < 0.005 {
		return
	}
	fix, to := -1, 0.0
	for k, cell := range cells {
		if !strings.Contains(cell, "$") || items[k].Kind != extract.LineCharge {
			continue
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(cell, "$", "5"), ",", ""), 64)
		if err != nil || math.Abs(sum-items[k].Charge+v-want) >= 0.005 {
			continue
		}
		if fix >= 0 {
			return // two readings: leave them to a reviewer
		}
		fix, to = k, v
	}
	if fix >= 0 {
		items[fix].Charge = to
	}
}
