package rules

import (
	"strings"
	"unicode"

	"github.com/medchron/medchron/extract/layout"
)

// Twin columns: a visit card or log with few columns per visit prints its
// table twice side by side to save paper ("#  Date  Treatment  Init" and
// again right of it): the left half's rows are the first visits, the
// right half's the later ones. Every line then holds two rows, and only
// its first date would be read. splitTwinColumns cuts such a table at the
// second copy of its column heads: each line's right half becomes a row
// of its own, moved under the left half's heads (so its cells fall in the
// same columns) and put after the page's left rows, in the card's order.

// twinCut returns where the second copy of a header row's column heads
// begins in its line, or -1: a head that names the visit's date and the
// head after it are printed again further right, and the second copy
// begins at that date's head or at the short visit-number head before it
// ("#", "No"). OCR may lose the left copy's number head, or read a rule
// or a speck as a cell of its own: cells without a letter, digit or "#"
// are no heads.
func twinCut(l line) int {
	if l.noise || len(lineDates(l)) > 0 {
		return -1
	}
	var cs []layout.Cell
	for _, c := range layout.Cells(l.text) {
		if strings.IndexFunc(l.text[c.Start:c.End], func(r rune) bool { return r == '#' || unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			cs = append(cs, c)
		}
	}
	if len(cs) < 4 {
		return -1
	}
	cell := func(i int) string {
		return strings.ToLower(strings.TrimRightFunc(strings.TrimSpace(l.text[cs[i].Start:cs[i].End]), func(r rune) bool { return !unicode.IsLetter(r) && r != '#' }))
	}
	for i := 0; i+1 < len(cs) && i < 2; i++ {
		if !reLogDateHead.MatchString(cell(i)) {
			continue
		}
		for j := i + 2; j+1 < len(cs); j++ {
			if cell(j) != cell(i) || cell(j+1) != cell(i+1) {
				continue
			}
			if j-1 > i+1 && len(cell(j-1)) <= 3 {
				return cs[j-1].Start // the number head of the second copy
			}
			return cs[j].Start
		}
	}
	return -1
}

// splitTwinColumns returns the lines of a run of visit-log pages with the
// rows of twin-column tables cut in two (see twinCut).
func splitTwinColumns(ls []line) []line {
	type twin struct{ cut, indent int }
	tw := map[int]twin{} // per page
	for _, l := range ls {
		if _, ok := tw[l.page]; ok {
			continue
		}
		if c := twinCut(l); c >= 0 {
			tw[l.page] = twin{cut: c, indent: len(l.text) - len(strings.TrimLeft(l.text, " "))}
		}
	}
	if len(tw) == 0 {
		return ls
	}
	// rightAt returns where line l's right half begins, or -1: at the
	// cell of its first date right of the cut, or at the visit number
	// just before it (OCR may shift the left half's last cell, its
	// initials, past the cut).
	rightAt := func(l line, t twin) int {
		if l.noise {
			return -1
		}
		for _, m := range layout.FindDates(l.text) {
			if m.Start < t.cut-4 {
				continue
			}
			cs := layout.Cells(l.text)
			for k, c := range cs {
				if c.End <= m.Start {
					continue
				}
				if k > 0 {
					prev := strings.TrimSpace(l.text[cs[k-1].Start:cs[k-1].End])
					if len(prev) <= 3 && strings.ContainsAny(prev, "0123456789") && cs[k-1].Start >= t.cut-8 {
						return cs[k-1].Start
					}
				}
				return c.Start
			}
		}
		return -1
	}
	last := map[int]int{} // per page, the table's last dated line
	headed := map[int]bool{}
	for i, l := range ls {
		t, ok := tw[l.page]
		if !ok {
			continue
		}
		if !headed[l.page] {
			headed[l.page] = twinCut(l) >= 0
			continue
		}
		if !l.noise && len(lineDates(l)) > 0 && (rightAt(l, t) >= 0 || last[l.page] > 0) {
			last[l.page] = i // the table's last dated row, either half
		}
	}
	out := make([]line, 0, len(ls)+8)
	var right []line
	headed = map[int]bool{}
	for i, l := range ls {
		t, ok := tw[l.page]
		if !ok {
			out = append(out, l)
			continue
		}
		if !headed[l.page] {
			if twinCut(l) >= 0 {
				headed[l.page] = true
				l.text, l.trim, l.lo = l.text[:t.cut], strings.TrimSpace(l.text[:t.cut]), nil
			}
			out = append(out, l)
			continue
		}
		if at := rightAt(l, t); at >= 0 {
			r := l
			r.text = strings.Repeat(" ", t.indent) + l.text[at:]
			r.trim, r.lo = strings.TrimSpace(l.text[at:]), nil
			right = append(right, r)
			if left := l.text[:at]; strings.TrimSpace(left) != "" {
				l.text, l.trim, l.lo = left, strings.TrimSpace(left), nil
				out = append(out, l)
			}
		} else {
			out = append(out, l)
		}
		if last[l.page] == i {
			out = append(out, right...)
			right = nil
		}
	}
	return append(out, right...)
}
