package rules

import (
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// reLetterDateCell is a row's opening date cell with a digit OCR read as
// the letter it looks like ("Q1.15.2024", "O1/I5/24", "12.l8.2023").
var reLetterDateCell = lazyre.New(`^[0-9OQDlI]{1,2}[./-][0-9OQDlI]{1,2}[./-][0-9OQDlI]{2}(?:[0-9OQDlI]{2})?$`)

// dateLetters are the letters OCR reads for the digits of a date cell.
var dateLetters = strings.NewReplacer("O", "0", "Q", "0", "D", "0", "l", "1", "I", "1")

// letterDate dates the row by its opening cell t when that is a date with
// one or two of its digits read as look-alike letters and the row's other
// cells are read as printed: a ledger's row opens with the date of
// service, and the posting date after it is no date of service.
func (r *billRow) letterDate(t token, take func(a, b int)) {
	s := strings.Trim(t.s, codeSpecks+"“”\"")
	if !reLetterDateCell.MatchString(s) || allDigitsOrSeps(s) {
		return
	}
	n := 0
	for _, c := range s {
		if strings.ContainsRune("OQDlI", c) {
			n++
		}
	}
	if n > 2 {
		return
	}
	if d, ok := dates.Parse(dateLetters.Replace(s)); ok {
		r.date, r.dspan = d, span{t.a, t.b}
		take(t.a, t.b)
	}
}

// allDigitsOrSeps reports whether s holds only digits and date separators.
func allDigitsOrSeps(s string) bool {
	return strings.Trim(s, "0123456789./-") == ""
}

// splitFormRow joins a claim form's service row OCR cut in two: a line of
// the row's date cells alone ("080123 080123"), then a line of its place
// of service, code, modifiers and charge with no date of its own, on the
// same page. It returns the row as one line to parse (cite the two
// lines), and whether it joined them.
func splitFormRow(l, next line, o rowOpts) (line, bool) {
	if next.page != l.page || next.noise || l.noise || layout.HasLetters(l.trim) || moneyShaped(l.text) {
		return l, false
	}
	if r := parseBillRow(l, o); r.date.IsZero() || r.code != "" || len(r.amts) > 0 || strings.TrimSpace(r.desc) != "" {
		return l, false
	}
	if r := parseBillRow(next, o); !r.date.IsZero() || r.code == "" || len(r.amts) == 0 && !hasSplitCents(next.text) {
		return l, false
	}
	j := l
	j.text = l.text + "     " + next.trim
	j.trim = strings.TrimSpace(j.text)
	return j, true
}
