package layout

import (
	"strings"

	"github.com/medchron/medchron/internal/lazyre"
)

// timedEntry reports whether a line opens with a 24-hour time and goes on
// with a sentence of prose, as a nursing note's timed entries do ("0815
// Assessment done, patient alert and oriented.", "0100 Awake, requests
// water.", an entry wrapped onto the next line): its four digits are the
// hour, no revenue code, whose row names a service (a few words of a
// description) and its amounts.
func timedEntry(t string) bool {
	if len(t) < 6 || !isDigitByte(t[0]) || !isDigitByte(t[1]) || !isDigitByte(t[2]) || !isDigitByte(t[3]) || t[4] != ' ' && t[4] != '\t' {
		return false
	}
	if h, m := int(t[0]-'0')*10+int(t[1]-'0'), int(t[2]-'0')*10+int(t[3]-'0'); h > 23 || m > 59 {
		return false
	}
	rest := strings.TrimSpace(t[5:])
	if moneyCount(rest) > 0 || hasProcCode(rest) {
		return false
	}
	// A sentence: two words or more, one of them at least a word in lower
	// case, and a full stop ("0100 Awake, requests water."); or words in
	// lower case that run on (an entry the page wraps).
	fs := strings.Fields(rest)
	lower := 0
	for _, w := range fs {
		w = strings.TrimRight(w, ".,;:!?")
		if len(w) >= 3 && strings.Trim(w, "abcdefghijklmnopqrstuvwxyz-'") == "" {
			lower++
		}
	}
	stop := strings.Contains(rest, ". ") || strings.ContainsAny(rest[len(rest)-1:], ".!?")
	return lower >= 1 && len(fs) >= 2 && stop || lower >= 4
}

// reShiftHours is the hours of a nursing shift printed right after its
// date: "0700-1900", "19:00 - 07:00", perhaps named ("Day shift",
// "(Night)"), and nothing else after them.
var reShiftHours = lazyre.New(`(?i)^\s{1,4}(?:[01]\d|2[0-3]):?[0-5]\d\s?[-–]\s?(?:[01]\d|2[0-3]):?[0-5]\d(?:\s+\(?(?:(?:day|night|evening|eve|noc|days|nights)(?:\s+shift)?|shift)\)?)?[^A-Za-z0-9]*$`)

// shiftHeader reports whether a date heads a block of a nursing unit's
// notes by shift: the date opens its line and the shift's hours alone
// follow it ("12/07/2024 0700-1900", the night's "12/07/2024 1900-0700",
// whose entries after midnight fall on the next day, yet are the shift
// that began on its date). The shift's date is the day of its care.
func shiftHeader(pre, after string) bool {
	return strings.Trim(pre, " \t.,_-*~|'`•·+") == "" && reShiftHours.MatchString(after)
}
