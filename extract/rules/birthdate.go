package rules

import (
	"slices"
	"strings"

	"github.com/medchron/medchron/extract/dates"
)

// maxBirthDates bounds the birth dates a document may print (its
// patient's, a guarantor's, a subscriber's).
const maxBirthDates = 4

// birthDates returns the dates the document's lines label as a date of
// birth. Where the label is well read, that date is someone's birth on
// every page of the document, never a visit: OCR may set another page's
// "DOB" as "Dos" and put the patient's birth date under a label of the
// date of service.
func birthDates(ls []line) []dates.Date {
	var out []dates.Date
	for i, l := range ls {
		ds := lineDates(l)
		if len(ds) == 0 || !birthWord(l.text) {
			continue
		}
		var prev *line
		if i > 0 && ls[i-1].page == l.page {
			prev = &ls[i-1]
		}
		for _, m := range ds {
			if labelBefore(l, m, prev) == lblDOB && !slices.Contains(out, m.Date) {
				out = append(out, m.Date)
				if len(out) == maxBirthDates {
					return out
				}
			}
		}
	}
	return out
}

// birthWord reports whether a line may label a date of birth ("DOB",
// "D.O.B.", "Date of birth", "Birthdate").
func birthWord(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		c := s[i] | 0x20
		if c == 'd' && (s[i+1]|0x20 == 'o' && s[i+2]|0x20 == 'b' || s[i+1] == '.' && i+4 < len(s) && s[i+2]|0x20 == 'o' && s[i+4]|0x20 == 'b') {
			return true
		}
		if c == 'b' && i+4 < len(s) && strings.EqualFold(s[i:i+5], "birth") {
			return true
		}
	}
	return false
}
