package rules

import "strings"

// Checkbox encounter forms (superbills) print every service the office
// offers with its fee, each row behind a box; only the ticked rows were
// billed. A row behind an empty box is the printed fee schedule, no line.

// boxState tells whether a trimmed line begins with a ticked box
// ("[X]", "(x)", "[✓]", "☒", "☑", a lone "X"), an empty one ("[ ]", "()",
// "☐", a lone "_"), or neither.
func boxState(s string) (ticked, empty bool) {
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
		return false, false
	}
	switch inner := strings.TrimSpace(s[1:end]); inner {
	case "":
		return false, true
	case "X", "x", "✓", "✔", "v", "V", "/":
		return true, false
	}
	return false, false
}

// uncheckedRows returns the indexes of the lines of ls that begin with an
// empty box, when the same page also ticks a box on a line with an
// amount: the form's fee schedule, which bills nothing. Without a ticked
// amount row the boxes are not a superbill's and nothing is returned.
func uncheckedRows(ls []line) map[int]bool {
	var out map[int]bool
	ticked := map[int]bool{} // pages with a ticked row that prints an amount
	for i, l := range ls {
		t, e := boxState(l.trim)
		switch {
		case t && moneyShaped(l.text):
			ticked[l.page] = true
		case e:
			if out == nil {
				out = map[int]bool{}
			}
			out[i] = true
		}
	}
	for i := range out {
		if !ticked[ls[i].page] {
			delete(out, i)
		}
	}
	return out
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
	}
	return false, false
}
