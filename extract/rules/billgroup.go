package rules

import (
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// Grouped bills: a pharmacy's medication history prints each prescription
// as a header line (Rx number, drug and strength, NDC, prescriber,
// refills) with its fills below it, one dated row each with its quantity
// and amounts. The header is no line item and bills nothing; every fill
// under it is a line of its own that bills the header's drug. None of the
// header's numbers (Rx number, NDC, refills) is a procedure code or an
// amount.

// reGroupHeader opens a prescription's group: an Rx number at the start
// of the line, or an NDC printed in its 4-4-2, 5-3-2, 5-4-1 or 5-4-2 form.
var reGroupHeader = lazyre.New(`(?i)^(?:rx|prescription)\s*(?:#|no\.?|number)?\s*:?\s*\d{5,}|\bndc\s*#?:?\s*\d{4,5}-\d{3,4}-\d{1,2}\b`)

// groupHeader reports whether a bill line that prints no amount heads a
// group of rows (a prescription over its fills), and returns the item it
// names ("CYCLOBENZAPRINE 10MG TAB"), or "" when the line heads no group.
func groupHeader(trim string) string {
	if !reGroupHeader.MatchString(trim) {
		return ""
	}
	return groupLabel(trim)
}

// groupLabel is the name a group header gives its item: the words after
// the Rx number, up to the first label (NDC, prescriber, refills,
// quantity, sig, days supply).
func groupLabel(s string) string {
	low := strings.ToLower(s)
	end := len(s)
	for _, stop := range []string{"ndc", "prescriber", "presc:", "dr.", "refill", "qty", "quantity", "sig:", "days supply", "dispensed"} {
		if k := strings.Index(low, stop); k >= 0 && k < end && (k == 0 || low[k-1] == ' ') {
			end = k
		}
	}
	words := strings.Fields(s[:end])
	// The Rx number and its label open the line.
	for len(words) > 0 {
		w := strings.ToLower(strings.Trim(words[0], "#:."))
		if strings.HasPrefix(w, "rx") && allDigits(strings.TrimLeft(w[2:], "#:. ")) {
			w = "rx" // "Rx.8005894", "Rx#8005894"
		}
		if w == "rx" || w == "prescription" || w == "no" || w == "number" || w == "" || allDigits(strings.TrimLeft(strings.Trim(words[0], "#:."), "#")) {
			words = words[1:]
			continue
		}
		break
	}
	return clip(strings.Trim(strings.Join(words, " "), " -:,;"), 160)
}

// isPatientShare reports whether a bill's column caption is what the
// patient paid at the counter (a copay or coinsurance): a payment.
func isPatientShare(caption string) bool {
	return strings.HasPrefix(caption, "copay") || strings.HasPrefix(caption, "co-pay") || caption == "coinsurance"
}

// glued is what readGluedLead reads of a ledger row's opening cells
// that OCR ran together: a date of service, perhaps a posting date, then
// the procedure code, with their separators and the spaces between them
// lost or scattered ("12.18. 202312.18 202397162" is 12/18/2023, posted
// 12/18/2023, code 97162): the date of service (zero when OCR damaged it past
// reading), the posting date, the code and the end of the cells, and,
// for a damaged date of service, the readings it may be (cands).
type glued struct {
	d, posted dates.Date
	code      string
	end       int
	cands     []dates.Date
}

// readGluedLead reads the row's first cell (up to a gap of three spaces)
// with only its letters and digits kept; ok is false unless the cell is
// exactly dates of eight digits and a code. It also reads a row whose
// cells OCR damaged in one of the ways a fax damages them:
//   - the modifier cell set after the code with a speck between them
//     ("...202560283  __ GP"): the cells end at the gap of two spaces;
//   - a code's letter read both as itself and as its look-alike digit
//     ("G60283" for G0283);
//   - the date of service damaged past reading while the posting date
//     after it reads ("42/23/202412/25/2024"): the readings of the date
//     with one digit changed that fall in the week up to the posting
//     date are its candidates, for the rows around it to settle
//     (fillSlashDates); a ledger prints its rows in date order.
func readGluedLead(s string) (g glued, ok bool) {
	a := len(s) - len(strings.TrimLeft(s, " *'‘’`.,"))
	ends := []int{len(s)}
	if i := strings.Index(s[a:], "   "); i >= 0 {
		ends[0] = a + i
	}
	if i := strings.Index(s[a:], "  "); i >= 0 && a+i < ends[0] {
		ends = append(ends, a+i)
	}
	for _, end := range ends {
		if g, ok = gluedCells(s, a, end); ok {
			return g, true
		}
	}
	return glued{}, false
}

// letterTwice maps a HCPCS code's letter to the digit OCR reads it as
// when it reads the glyph twice ("G60283" for G0283).
var letterTwice = map[byte]byte{'G': '6', 'S': '5', 'B': '8'}

// gluedCells reads s[a:end] as readGluedLead does.
func gluedCells(s string, a, end int) (g glued, ok bool) {
	var c []byte
	for i := a; i < end; i++ {
		if b := s[i]; isDigitByte(b) || b >= 'A' && b <= 'Z' {
			c = append(c, b)
		} else if b == '$' {
			c = append(c, 'S') // a five OCR read as a dollar sign, as it reads an S
		} else if b >= 0x80 || b >= 'a' && b <= 'z' {
			continue // OCR's degree signs, quotes and specks
		}
	}
	// A date's digits OCR may read as their look-alike letters ("0S-24-2023"
	// for 05-24-2023); a code's letter stays a letter.
	digitsOf := func(p []byte) (string, bool) {
		if len(p) < 8 {
			return "", false
		}
		digits, _, _, ok := lookAlikeDigits(string(p[:8]))
		return digits, ok && len(digits) == 8
	}
	date := func(p []byte) (dates.Date, bool) {
		digits, ok := digitsOf(p)
		if !ok {
			return dates.Date{}, false
		}
		return mdy(digits[:2], digits[2:4], digits[4:8])
	}
	if len(c) < 13 {
		return glued{}, false
	}
	d, dok := date(c)
	rest := c[8:]
	posted, pok := date(rest)
	if pok && len(rest) >= 13 {
		rest = rest[8:]
	} else {
		posted, pok = dates.Date{}, false
	}
	if !dok && !pok {
		return glued{}, false
	}
	code, mods, ok := splitGlued(string(rest))
	if !ok && len(rest) == 6 && letterTwice[rest[0]] == rest[1] {
		code, mods, ok = splitGlued(string(rest[:1]) + string(rest[2:]))
	}
	if !ok || len(mods) > 0 {
		return glued{}, false
	}
	g = glued{d: d, posted: posted, code: code, end: end}
	if !dok {
		// The date of service OCR damaged: its readings with one digit
		// changed, in the week up to the posting date.
		raw, ok := digitsOf(c)
		if !ok {
			return glued{}, false
		}
		for _, r := range oneDigitChanged(raw[:2] + "/" + raw[2:4] + "/" + raw[4:]) {
			if !r.After(posted) && !r.Before(posted.AddDays(-postingLag)) {
				g.cands = append(g.cands, r)
			}
		}
		if len(g.cands) == 0 {
			return glued{}, false
		}
	}
	return g, true
}

// reGluedMonthDate is a row's first cell that runs a day-month-year date
// into the digits of the next cell: "06-May-20230120405009".
var reGluedMonthDate = lazyre.New(`^\s*(\d{1,2}-[A-Za-z]{3}-\d{4})\d{3,}`)

// gluedMonthDate reads the date a bill row opens with when the text runs
// it into the number printed right after it (a hospital's chargemaster
// number): the date, its span, and the end of that number, which is no
// code, no units and no description.
func gluedMonthDate(s string) (d dates.Date, at span, end int, ok bool) {
	m := reGluedMonthDate.FindStringSubmatchIndex(s)
	if m == nil {
		return dates.Date{}, span{}, 0, false
	}
	d, ok = dates.Parse(s[m[2]:m[3]])
	return d, span{m[2], m[3]}, m[1], ok
}

// byOrder maps a service row's amounts to the header's columns by their
// order, for rows whose amounts stand nowhere near their captions (OCR
// text keeps the order of cells, not always their place): one amount per
// column when the row has as many as the header; else the first amount is
// the charge and a running balance the last when the header's last column
// is one. It returns nil when neither fits or the row has fewer than two
// amounts.
func byOrder(r billRow, cols []billCol) []string {
	var money []billCol
	for _, c := range cols {
		if c.kind != "units" {
			money = append(money, c)
		}
	}
	if len(r.amts) < 2 || len(money) < len(r.amts) || money[0].kind != "charge" && len(money) != len(r.amts) {
		return nil
	}
	out := make([]string, len(r.amts))
	for i := range out {
		out[i] = money[i].kind
	}
	if len(money) == len(r.amts) {
		return out // one amount per column
	}
	if last := money[len(money)-1]; last.kind == "balance" {
		out[len(out)-1] = "balance"
	}
	return out
}

// reCodeLead is a row that opens with a procedure code ("98941   CHIRO
// MANJ 3-4 REGIONS   1"), whatever speck OCR put before or after it.
var reCodeLead = lazyre.New(`^\W{0,3}[0-9A-V]\d{3}[0-9T]\b`)

// reRevenueLead is a row, indented or not, that opens with a revenue code
// and the words of its item ("0250   Drugs, incl. contrast"): a facility's
// row by revenue code.
var reRevenueLead = lazyre.New(`^\W{0,3}0\d{3}\s+[A-Za-z]`)

// splitAmounts joins a bill row OCR cut in two: a line of words that
// prints no amount (a dated or coded service, a row by revenue code whose
// words ran into the next column, a total's label), then a
// line of amounts alone on the same page. It returns the row as one line to parse
// (its text is no longer a slice of the page: cite the two lines), and
// whether it joined them.
func splitAmounts(l, next line) (line, bool) {
	if next.page != l.page || next.noise || l.noise || moneyShaped(l.text) || !moneyShaped(next.text) || layout.HasLetters(reMeasure.ReplaceAllString(next.text, "$1")) ||
		!layout.HasLetters(l.text) || hasDate(next.text) || billHeader(l.text) != nil || groupHeader(l.trim) != "" {
		return l, false
	}
	if !hasDate(l.text) && !reTotalWords.MatchString(l.text) && !reNotLine.MatchString(l.text) && !reCodeLead.MatchString(l.text) &&
		!reRevenueLead.MatchString(l.trim) {
		return l, false
	}
	j := l
	j.text = l.text + "     " + next.trim
	j.trim = strings.TrimSpace(j.text)
	return j, true
}

// reMeasure is a quantity with its unit of measure ("240 GM", "15 ML",
// "30 EA"), as a pharmacy prints a dispensed quantity in its own cell:
// the amounts of a row that wrapped may carry one.
var reMeasure = lazyre.New(`(?i)(\d)\s?(?:gm?|gr|ml|mg|ea|oz|ct|un|tabs?|caps?)\b`)

// hasWord reports whether s holds a run of three letters: a description,
// not OCR's debris ("oO", "30, ,").
func hasWord(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if isLetterByte(s[i]) {
			if n++; n == 3 {
				return true
			}
		} else {
			n = 0
		}
	}
	return false
}
