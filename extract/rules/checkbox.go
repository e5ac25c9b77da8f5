package rules

import "strings"

// Checkbox encounter forms (superbills) print every service the office
// offers with its fee, each row behind a box; only the ticked rows were
// billed. A row behind an empty box is the printed fee schedule, no line.

// boxState tells whether a trimmed line begins with a ticked box
// ("[X]", "(x)", "[✓]", "☒", "☑", a lone "X"), an empty one ("[ ]", "()",
// "☐", a lone "_"), or neither.
func boxState(s string) (ticked, empty bool) {
	if t := withoutSpecks(s); t != s {
		if ticked, empty = printedBox(t); ticked || empty {
			return ticked, empty
		}
	}
	return printedBox(s)
}

// printedBox reads the box a trimmed line begins with, as boxState.
func printedBox(s string) (ticked, empty bool) {
	switch {
	case strings.HasPrefix(s, "☒"), strings.HasPrefix(s, "☑"):
		return true, false
	case strings.HasPrefix(s, "☐"):
		return false, true
	case !strings.HasPrefix(s, "[") && !strings.HasPrefix(s, "("):
		return markState(s)
	}
	end := strings.IndexAny(s, "])")
	if end < 0 || end > 4 {
		return ocrBox(s)
	}
	switch inner := strings.TrimSpace(s[1:end]); inner {
	case "":
		return false, true
	case "X", "x", "✓", "✔", "v", "V", "/":
		return true, false
	}
	return ocrBox(s)
}

// boxDebris are the characters OCR reads a printed box as: its sides,
// "[ ]" as "[}", "{]", "(]", "oo", an underscore as a dash.
const boxDebris = "[](){}|_-—=oO©°"

// boxSides are the letters and digits OCR reads a box's sides as, within
// a word of box debris ("{1", "{I", "U]", "0)") or as the whole of a short
// one ("fl", "ul", "0"); boxSpecks are the dots and quotes it adds.
const (
	boxSides  = "1IlLJUuf0"
	boxSpecks = ".,'`‘’“”"
)

// ocrBox reads the first word of s as a box OCR damaged: only box debris
// is an empty box, box debris around an x a ticked one ("[Xx]", "XX)").
// A word of two characters at most, or one with a bracket, may also hold
// a box's sides and specks as OCR reads them ("{1", "‘[]", "fl"); a
// longer word of them is a number or a word, and an x among them no tick.
func ocrBox(s string) (ticked, empty bool) {
	f, rest, ok := strings.Cut(s, " ")
	if !ok || len(f) > 5 || strings.TrimSpace(rest) == "" {
		return false, false
	}
	x, sides, bracket := 0, 0, false
	for _, r := range f {
		switch {
		case r == 'x' || r == 'X':
			x++
		case strings.ContainsRune(boxSpecks, r):
		case strings.ContainsRune(boxSides, r):
			sides++
		case !strings.ContainsRune(boxDebris, r):
			return false, false
		case strings.ContainsRune("[](){}", r):
			bracket = true
		}
	}
	if sides > 0 && (x > 0 || !bracket && len([]rune(strings.Trim(f, boxSpecks))) > 2) {
		return false, false
	}
	return x > 0, x == 0
}

// withoutSpecks drops what OCR prints in front of a box: quotes and dots
// glued to it ("‘[]", "“{])"), or a word of specks and dashes before it
// ("— (X]", ". [X}"). A line with no bracket after them is left as it is.
func withoutSpecks(s string) string {
	opens := func(t string) bool { return t != "" && strings.ContainsRune("[({", rune(t[0])) }
	if f, rest, ok := strings.Cut(s, " "); ok && strings.Trim(f, boxSpecks+"-—~>«*") == "" {
		if r := strings.TrimLeft(rest, " "); opens(r) {
			return r
		}
	}
	if t := strings.TrimLeft(s, boxSpecks); opens(t) {
		return t
	}
	return s
}

// uncheckedRows returns the indexes of the lines of ls that begin with an
// empty box, on the pages boxedPages returns: the form's fee schedule,
// which bills nothing.
func uncheckedRows(ls []line, boxed map[int]bool) map[int]bool {
	var out map[int]bool
	for i, l := range ls {
		if _, e := boxState(l.trim); e && boxed[l.page] {
			if out == nil {
				out = map[int]bool{}
			}
			out[i] = true
		}
	}
	return out
}

// boxedPages returns the pages of ls that tick a box on a line with an
// amount: checkbox forms. Boxes on other pages are not a superbill's.
func boxedPages(ls []line) map[int]bool {
	var out map[int]bool
	for _, l := range ls {
		if t, _ := boxState(l.trim); t && moneyShaped(l.text) {
			if out == nil {
				out = map[int]bool{}
			}
			out[l.page] = true
		}
	}
	return out
}

// unboxedAmount reports whether a row of a checkbox form is an amount
// without a box or a code: a ticked row's amounts OCR cut from it, or a
// fee of the schedule; no line either way.
func unboxedAmount(l line, r billRow) bool {
	if r.code != "" || r.rev != "" {
		return false
	}
	t, e := boxState(l.trim)
	return !t && !e
}

// markState reads a box printed as a mark of its own before the row: "X"
// or a tick for a ticked box, underscores for an empty one.
func markState(s string) (ticked, empty bool) {
	f, rest, ok := strings.Cut(s, " ")
	if !ok || strings.TrimSpace(rest) == "" {
		return false, false
	}
	switch {
	case f == "X" || f == "x" || f == "✓" || f == "✔":
		return true, false
	case strings.Trim(f, "_") == "":
		return false, true
	case strings.Trim(f, faintBox) == "" && len(rest)-len(strings.TrimLeft(rest, " "+boxSpecks)) >= 2:
		// A faint box: OCR reads tildes, dashes, stars and specks, set
		// apart from the row like a column ("~ .   J1100", "—~   99204").
		return false, true
	}
	return ocrBox(s)
}

// faintBox are the marks OCR reads a faint empty box as.
const faintBox = "_-—–~=*°"

// labelsService reports whether line l prints a labelled date of service
// and no amount: the form's own field, never a row of its fee schedule.
func labelsService(l line) bool {
	_, ok := serviceDate(l)
	return ok && !moneyShaped(l.text)
}
