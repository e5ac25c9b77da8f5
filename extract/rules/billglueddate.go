package rules

import (
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// reGluedDateCode is a row's first cell, a date with its four-digit year
// ("Sep 4, 2024", "09/04/2024"), run into the code printed right after it
// when the text layer kept no space between the narrow date column and
// the code column: "Sep 4, 202499203", "09/04/2024J1100"; OCR may set a
// speck before it ("‘Apr 17, 2024...") or read its comma as a semicolon
// ("Dec 16; 2024...").
var reGluedDateCode = lazyre.New(`^[\s'‘’` + "`" + `"“”*.,|_~]*((?:(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}[,;]?\s+|\d{1,2}[/.-]\d{1,2}[/.-])(?:19|20)\d\d)([0-9A-Z][0-9A-Z-]{4,})(?:\s|$)`)

// gluedDateCode reads the date and the code (with its modifiers) of a row
// whose date cell runs into its code cell; ok only when what follows the
// year is a code.
func gluedDateCode(s string) (d dates.Date, at span, code string, mods []string, cs span, ok bool) {
	m := reGluedDateCode.FindStringSubmatchIndex(s)
	if m == nil {
		return
	}
	if code, mods, ok = splitCode(s[m[4]:m[5]]); !ok {
		return
	}
	if d, ok = dates.Parse(s[m[2]:m[3]]); !ok {
		return
	}
	return d, span{m[2], m[3]}, code, mods, span{m[4], m[5]}, true
}

// gluedDateCell dates a row and reads its code from a date cell run into
// the code cell (gluedDateCode), and the modifiers printed after it. OCR
// reads the J of a drug's HCPCS code as 3 or 1: a row that bills a drug
// (a dose or an injection in its words, an NDC line above it) keeps it.
func (r *billRow) gluedDateCell(s string, toks []token, free func(token) bool, take func(a, b int), drug bool) {
	d, at, code, mods, cs, ok := gluedDateCode(s)
	if !ok {
		return
	}
	if (code[0] == '3' || code[0] == '1') && (drug || jCode(s, "")) {
		code = "J" + code[1:]
	}
	r.date, r.dspan, r.code, r.mods = d, at, code, mods
	take(at.a, cs.b)
	for i, t := range toks {
		if t.b == cs.b {
			cs.b = r.readMods(s, toks, i, free, false)
			take(t.a, cs.b)
			break
		}
	}
	r.code, r.cspan = supplyCode(r.code, r.mods), cs
}

// gluedDated reports whether a row opens with a date cell run into its
// code cell.
func gluedDated(s string) bool {
	_, _, _, _, _, ok := gluedDateCode(s)
	return ok
}
