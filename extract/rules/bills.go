package rules

import (
	"math"
	"strconv"
	"strings"

	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/rxfilter"
)

var reAmount = lazyre.New(`\(?-?(?:\$\s?)?\d{1,3}(?:,\d{3})*[.,]\d{2}\)?-?|\(?-?(?:\$\s?)?\d{4,7}[.,]\d{2}\)?-?`)

// amountsIn returns the money amounts printed on a line with their
// positions, skipping numbers that belong to dates.
func amountsIn(s string) (vals []float64, pos [][2]int) {
	s = mendPoints(s)
	if !moneyShaped(s) {
		return nil, nil
	}
	for _, m := range reAmount.FindAllStringIndex(s, -1) {
		a, b := m[0], m[1]
		// A dot right after an amount is OCR's speck ("98.00."), unless a
		// digit follows it; an amount OCR glued to this one may.
		trailingDot := b < len(s) && s[b] == '.' && (b+1 == len(s) || !isDigitByte(s[b+1]))
		gluedNext := b < len(s) && isDigitByte(s[b]) && (layout.GluedAt(s, b) || s[b-1] == ')' && layout.AmountHead(s[b:]))
		if b < len(s) && !trailingDot && !gluedNext && (isDigitByte(s[b]) || s[b] == '.' || s[b] == '/' || s[b] == '%') {
			continue
		}
		// An amount in parentheses is one whatever runs into it: a
		// payment's description ("CHK#808117(7,908.30)").
		paren := s[a] == '(' && s[b-1] == ')'
		// A digit, a slash, or a point or a dash after a digit runs a
		// longer number into it; a point after a space is OCR's speck
		// (".45.00").
		if a > 0 && !layout.GluedAt(s, a) && !paren && (isDigitByte(s[a-1]) || s[a-1] == '/' || (s[a-1] == '.' || s[a-1] == '-') && a > 1 && isDigitByte(s[a-2])) {
			continue
		}
		if icdTail(s, a, b) || leadingZero(s[a:b]) {
			continue
		}
		if x, y, k, ok := runTogether(s[a:b]); ok {
			vals = append(vals, x, y)
			pos = append(pos, [2]int{a, a + k}, [2]int{a + k + 3, b})
			continue
		}
		if codePrefix(s, a) {
			continue
		}
		if v, ok := parseAmount(s[a:b]); ok {
			vals = append(vals, v)
			pos = append(pos, [2]int{a, b})
		}
	}
	return vals, pos
}

// runTogether splits what reads as an amount of a million dollars or more
// but is two amounts OCR ran together, the first one's point read as a
// comma: "284,003,639.00" is 284.00 and 3,639.00. The first comma followed
// by "00" whose left side is no more than the amount that follows (a
// running balance) splits it; k is its offset.
func runTogether(raw string) (first, second float64, k int, ok bool) {
	if strings.Count(raw, ",") < 2 {
		return 0, 0, 0, false
	}
	for k = 1; k+4 < len(raw); k++ {
		if raw[k] != ',' || raw[k+1:k+3] != "00" || !layout.AmountHead(raw[k+3:]) {
			continue
		}
		x, okx := parseAmount(raw[:k] + ".00")
		y, oky := parseAmount(raw[k+3:])
		if okx && oky && x > 0 && x <= y {
			return x, y, k, true
		}
	}
	return 0, 0, 0, false
}

// leadingZero reports whether an amount's dollars open with a zero
// before another digit ("037.00"): the tail of a longer number OCR broke.
func leadingZero(raw string) bool {
	raw = strings.TrimLeft(raw, "($- ")
	return len(raw) > 1 && raw[0] == '0' && isDigitByte(raw[1])
}

// icdTail reports whether the number s[a:b] is the tail of an ICD-10 code
// ("M54.12", "G44.30"): two digits and a point right after a capital that
// opens a word. An S is left alone, as OCR reads a dollar sign as one.
func icdTail(s string, a, b int) bool {
	if a == 0 || b-a != 5 || s[a+2] != '.' {
		return false
	}
	c := s[a-1]
	return c >= 'A' && c <= 'Z' && c != 'S' && (a == 1 || !isLetterByte(s[a-2]))
}

var (
	reColonDecimal = lazyre.New(`\b(\d{2,3}):(\d{2})\b`)
	// reColonLast is an amount closing a row whose point OCR read as a
	// colon, perhaps before a speck: submatch 1 is the colon.
	reColonLast = lazyre.New(`\s\d{1,2}(:)\d{2}(?:\s+[|!;'_~.-])?\s*$`)
	// reSpeckPoint is an amount with a speck OCR read as a comma or a
	// quote glued before its point ("39,.00").
	reSpeckPoint = lazyre.New("\\d[,'`]\\.\\d{2}\\b")
	// reSpacedPoint is the amount closing a row whose cents OCR set apart
	// after the point ("25171. 50"), perhaps before a speck of the table's
	// rule ("1,492. 00 |") or a degree sign glued to the cents ("12.
	// 45°").
	reSpacedPoint = rxfilter.MustCompile(`\d\. \d{2}(?:\s*°|\s+[|!:;'_~-])?\s*$`)
	// reLetterCents is the amount closing a row whose cents' zeros OCR
	// read as letters, perhaps after a space ("2,750. oo", "287.o0"):
	// submatch 1 is the cents.
	reLetterCents = lazyre.New(`\d\. ?([oO0][oO]|[oO]0)(?:\s+[|!:;'_~-])?\s*$`)
	// reSlashThousands is an amount whose thousands comma OCR read as a
	// slash ("4/116.00"): no date has three digits after its slash and
	// cents after them. Submatch 1 is the slash.
	reSlashThousands = lazyre.New(`(?:^|\s)\d{1,3}(/)\d{3}\.\d{2}(?:\s|$)`)
)

// mendPoints repairs an amount whose decimal point OCR damaged: read as a
// colon ("98:00"), when the number cannot be a time of day (25 and over)
// or closes a row after another amount ("3.00   21:00"),
// or behind a speck read as a comma or a quote ("39,.00", whose dollars
// move right over the speck: " 39.00"), or with a space after it closing
// the row ("2171. 50" as " 2171.50"), whose zeros OCR may read as
// letters ("2,750. oo" as " 2,750.00"); and an amount whose thousands
// comma OCR read as a slash ("4/116.00"). The result has the same length as
// s, so positions stay valid.
func mendPoints(s string) string {
	if strings.Contains(s, ":") {
		s = reColonDecimal.ReplaceAllStringFunc(s, func(m string) string {
			if h, _ := strconv.Atoi(m[:len(m)-3]); h >= 25 {
				return m[:len(m)-3] + "." + m[len(m)-2:]
			}
			return m
		})
		// A small amount closing a row that prints its units and rate
		// ("7   3.00   21:00") is no time of day when it is their
		// product: its point read as a colon.
		if m := reColonLast.FindStringSubmatchIndex(s); m != nil && productOfRow(s[:m[0]], s[m[0]:m[2]]+"."+s[m[3]:]) {
			s = s[:m[2]] + "." + s[m[3]:]
		}
	}
	for _, m := range reSpeckPoint.FindAllStringIndex(s, -1) {
		j := m[0] + 1 // the speck; the dollars end before it
		i := j
		for i > 0 && (isDigitByte(s[i-1]) || s[i-1] == ',' && i > 1 && isDigitByte(s[i-2])) {
			i--
		}
		s = s[:i] + " " + s[i:j] + s[j+1:]
	}
	if strings.Contains(s, "/") {
		for _, m := range reSlashThousands.FindAllStringSubmatchIndex(s, -1) {
			s = s[:m[2]] + "," + s[m[3]:]
		}
	}
	if m := reLetterCents.FindStringSubmatchIndex(s); m != nil {
		s = s[:m[2]] + "00" + s[m[3]:]
	}
	if m := reSpacedPoint.FindStringIndex(s); m != nil {
		j := m[0] + 2 // the space; the dollars and the point end before it
		i := m[0]
		for i > 0 && (isDigitByte(s[i-1]) || s[i-1] == ',' && i > 1 && isDigitByte(s[i-2])) {
			i--
		}
		s = s[:i] + " " + s[i:j] + s[j+1:]
	}
	return s
}

// productOfRow reports whether amount v (its text) is the product of an
// amount printed in row and a count of units (2 to 99) printed before it.
func productOfRow(row, v string) bool {
	want, ok := parseAmount(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(v), "|!;'_~.-")))
	if !ok || want <= 0 {
		return false
	}
	fields := strings.Fields(row)
	for i, f := range fields {
		rate, ok := parseAmount(f)
		if !ok || !strings.Contains(f, ".") {
			continue
		}
		for _, u := range fields[:i] {
			if n, err := strconv.Atoi(u); err == nil && n > 1 && n < 100 && math.Abs(rate*float64(n)-want) < 0.005 {
				return true
			}
		}
	}
	return false
}

// moneyShaped reports whether s has a digit, a point or comma, and two
// digits, as every amount does.
func moneyShaped(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		if (s[i] == '.' || s[i] == ',') && isDigitByte(s[i-1]) && isDigitByte(s[i+1]) && isDigitByte(s[i+2]) {
			return true
		}
	}
	return false
}

var amountCleaner = strings.NewReplacer("(", "", ")", "", "$", "", ",", "", "-", "", " ", "")

// parseAmount reads $1,234.56, 1234.56, (45.00) or -45.00.
func parseAmount(s string) (float64, bool) {
	t := strings.TrimSpace(s)
	neg := strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") || strings.Contains(t, "-")
	// OCR may print the decimal point as a comma: 1,715,00.
	if n := len(t); n > 3 && t[n-3] == ',' {
		t = t[:n-3] + "." + t[n-2:]
	} else if n > 4 && t[n-4] == ',' && t[n-1] == ')' {
		t = t[:n-4] + "." + t[n-3:]
	}
	t = amountCleaner.Replace(t)
	v, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// isBillLine reports whether a line looks like a billed line item.
func isBillLine(l line) bool {
	if !strings.ContainsAny(l.text, ".,") || l.noise || !moneyShaped(l.text) {
		return false
	}
	r := parseBillRow(l, rowOpts{})
	return len(r.amts) > 0 && (r.code != "" || r.rev != "") && !r.date.IsZero() && !reTotalWords.MatchString(l.text)
}

// countBillLines counts bill-like lines, to tell a bill from a note.
func countBillLines(ls []line) int {
	n := 0
	for _, l := range ls {
		if isBillLine(l) {
			n++
		}
	}
	return n
}

// codePrefix reports whether the number at a follows a lone capital
// letter glued to it: a code ("M54.50", "G44.30"), not an amount. S is
// left out, as OCR reads a dollar sign as one ("S54.50").
func codePrefix(s string, a int) bool {
	if a == 0 || s[a-1] < 'A' || s[a-1] > 'Z' || s[a-1] == 'S' {
		return false
	}
	return a == 1 || !isLetterByte(s[a-2]) && !isDigitByte(s[a-2])
}
