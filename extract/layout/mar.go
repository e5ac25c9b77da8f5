package layout

import "github.com/medchron/medchron/internal/lazyre"

// A medication administration record (MAR) prints one row per medication
// order, its drug, dose, route and frequency in the first column, under the
// hours of the day printed across the page; each cell holds the initials
// of the nurse who gave the dose, and a legend names the nurses. One page
// covers one day of a stay: it records doses given, no visit.

// reMedOrder is a medication order at the start of a row: a drug's name,
// a dose with its unit, then the route within a few words ("Acetaminophen
// 650 mg PO q6h", "Ketorolac 15 mg IV q6h PRN").
var reMedOrder = lazyre.New(`(?i)^[a-z][a-z'\-]+(?: [a-z'\-]+){0,3} \d+(?:\.\d+)?\s?(?:mg|mcg|g|gm|ml|units?|meq|%)(?:/[a-z0-9]+)?(?: \S+){0,2}? (?:po|iv|ivp|ivpb|im|sc|sq|subq|subcut|sl|pr|top|topical|td|inh|neb|ng|peg)\b`)

// medOrderRow reports whether a line opens with a medication order.
func medOrderRow(trim string) bool {
	return reMedOrder.MatchString(trim)
}

// hourColumns reports whether a line prints the hours of the day as
// column heads: four times of day or more on the 24-hour clock ("0900",
// "21:00"), each a word of its own.
func hourColumns(text string) bool {
	n := 0
	for i := 0; i < len(text); {
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		j := i
		for j < len(text) && text[j] != ' ' && text[j] != '\t' {
			j++
		}
		if clock(text[i:j]) {
			n++
		}
		i = j
	}
	return n >= 4
}

// clock reports whether w is a time of day on the 24-hour clock: "0900",
// "21:00".
func clock(w string) bool {
	if len(w) == 5 && w[2] == ':' {
		w = w[:2] + w[3:]
	}
	if len(w) != 4 || !isDigitByte(w[0]) || !isDigitByte(w[1]) || !isDigitByte(w[2]) || !isDigitByte(w[3]) {
		return false
	}
	return (w[0] < '2' || w[0] == '2' && w[1] <= '3') && w[2] <= '5'
}

// administrationRecord reports whether a page is a MAR: two medication
// orders or more as rows under a line of hours across the page, and
// neither the headings nor the running text of a note.
func administrationRecord(f pageFeatures) bool {
	return f.hourHeads && f.medRows >= 2 && f.headings < 3 && f.prose < 3
}
