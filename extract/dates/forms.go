package dates

import (
	"fmt"
	"strings"

	"github.com/medchron/medchron/internal/lazyre"
)

// yearFollows reports whether text at i continues with a comma and a
// four-digit year: the two digits a day-first match took for its year are
// then the day of a month-first date ("1   Jun 10, 2024" in a table row is
// June 10, 2024 after a row number, not June 1, 2010).
func yearFollows(text string, i int) bool {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if i >= len(text) || text[i] != ',' {
		return false
	}
	i++
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	n := 0
	for i+n < len(text) && isDigit(text[i+n]) {
		n++
	}
	return n == 4
}

// reCompactShort is MMDDYY: "DOS: 012624", as forms print dates in boxes.
var reCompactShort = lazyre.New(`\b(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(\d{2})\b`)

// reCompactMDY is MMDDYYYY: "SOC. DATE 05182023", as a plan of care's
// boxes and a claim form's date cells print dates. It shares no run with
// reCompact's YYYYMMDD: no month is 19 or 20.
var reCompactMDY = lazyre.New(`\b(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])((?:19|20)\d{2})\b`)

// compactShort appends the six-digit dates (MMDDYY) and the eight-digit
// month-first dates (MMDDYYYY) of text[a:b] that follow a date label, as
// scanCompact does for YYYYMMDD.
func compactShort(text string, a, b int, out []Match) []Match {
	for _, loc := range locs(reCompactMDY, text, a, b) {
		lo := max(0, loc[0]-24)
		if !numericBounds(text, loc[0], loc[1]) || !reCompactLabel.MatchString(strings.TrimRight(text[lo:loc[0]], " \t:#")) {
			continue
		}
		if dt, ok := build(atoi(text[loc[6]:loc[7]]), atoi(text[loc[2]:loc[3]]), atoi(text[loc[4]:loc[5]])); ok {
			out = append(out, Match{dt, loc[0], loc[1], text[loc[0]:loc[1]]})
		}
	}
	for _, loc := range locs(reCompactShort, text, a, b) {
		lo := max(0, loc[0]-24)
		if !numericBounds(text, loc[0], loc[1]) || !reCompactLabel.MatchString(strings.TrimRight(text[lo:loc[0]], " \t:#")) {
			continue
		}
		if dt, ok := build(fixYear(text[loc[6]:loc[7]]), atoi(text[loc[2]:loc[3]]), atoi(text[loc[4]:loc[5]])); ok {
			out = append(out, Match{dt, loc[0], loc[1], text[loc[0]:loc[1]]})
		}
	}
	return out
}

// ParseCompact reads a run of six or eight digits as a date, MMDDYYYY,
// YYYYMMDD or MMDDYY ("02072025"). Alone such a run may as well be an
// account number: callers read it only where a date is due (a table's
// date column).
func ParseCompact(s string) (Date, bool) {
	var forms []string
	switch {
	case strings.Trim(s, "0123456789") != "":
		return Date{}, false
	case len(s) == 8:
		forms = []string{s[0:2] + "/" + s[2:4] + "/" + s[4:8], s[4:6] + "/" + s[6:8] + "/" + s[0:4]}
	case len(s) == 6:
		forms = []string{s[0:2] + "/" + s[2:4] + "/" + s[4:6]}
	}
	for _, f := range forms {
		if f[0] > '1' || f[0] == '1' && f[1] > '2' {
			continue // no month
		}
		if dt, ok := Parse(f); ok && dt.Year >= 1900 {
			return dt, true
		}
	}
	return Date{}, false
}

// HoldsCompact reports whether s prints d as a run of digits standing
// alone, MMDDYYYY, YYYYMMDD or MMDDYY ("02072025"), as a table's date
// column or a form's boxes may print it, not part of a longer number
// ("12.062023", "12062023-7"). Read anywhere such a run would be
// ambiguous (an account number); checked against a date already known,
// it is not.
func HoldsCompact(s string, d Date) bool {
	if d.IsZero() {
		return false
	}
	forms := [...]string{
		fmt.Sprintf("%02d%02d%04d", int(d.Month), d.Day, d.Year),
		fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day),
		fmt.Sprintf("%02d%02d%02d", int(d.Month), d.Day, d.Year%100),
	}
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if !joinsNumber(s, i-2, i-1) && !joinsNumber(s, j+1, j) {
			for _, f := range forms {
				if s[i:j] == f {
					return true
				}
			}
		}
		i = j
	}
	return false
}

// joinsNumber reports whether s[sep] is a separator within a number (".",
// ",", "/", "-") with a digit at s[digit] beyond it.
func joinsNumber(s string, digit, sep int) bool {
	if sep < 0 || sep >= len(s) || digit < 0 || digit >= len(s) {
		return false
	}
	return strings.IndexByte("./,-", s[sep]) >= 0 && isDigit(s[digit])
}
