package rules

import (
	"slices"

	"github.com/medchron/medchron/extract/layout"
)

// billNotes cuts the lines of a run of bill pages into bills. The
// segmenter starts a note at any title, and a bill's group headings
// ("OFFICE VISIT - NEW", "PROCEDURES") read as titles; a note that
// begins on the page where the one before it ends and prints no date of
// service of its own is the rest of that bill, under its header row and
// its date of service.
func billNotes(ls []line, d *layout.Doc) []*note {
	var out []*note
	for _, seg := range segment(ls, d) {
		for _, n := range splitClaimForms(seg, d) {
			if k := len(out) - 1; k >= 0 && continuesBill(out[k], n) {
				out[k] = newNote(slices.Concat(out[k].lines, n.lines))
				continue
			}
			out = append(out, n)
		}
	}
	return out
}

// splitClaimForms cuts note n where its pages change from or to a claim
// form (a UB-04, a CMS-1500) and another kind of bill: a claim form is a
// bill of its own, read box by box, though its first line prints the
// form's captions and no letterhead (a hospital's late-charge claim after
// its itemized statement). Pages of one kind stay one note.
func splitClaimForms(n *note, d *layout.Doc) []*note {
	form := func(page int) bool {
		k := d.Pages[d.PageIndex(page)].BillKind
		return k == "ub04" || k == "cms1500"
	}
	var out []*note
	start := 0
	for i := 1; i < len(n.lines); i++ {
		a, b := n.lines[i-1].page, n.lines[i].page
		if a != b && form(a) != form(b) {
			out = append(out, newNote(n.lines[start:i]))
			start = i
		}
	}
	if start == 0 {
		return []*note{n}
	}
	return append(out, newNote(n.lines[start:]))
}

// continuesBill reports whether note n goes on with bill prev: it begins
// on prev's last page and prints no letterhead, and either prev prints a
// date of service and n none, or prev holds a slip's heading on that page
// (receipts, each with its own date of service, are one bill: the heading
// of one opens the fields after it).
func continuesBill(prev, n *note) bool {
	page := prev.lines[len(prev.lines)-1].page
	if n.lines[0].page != page {
		return false
	}
	own := false // n prints a date of service of its own
	for _, l := range n.lines {
		if !l.noise && letterhead(l) != "" {
			return false
		}
		if _, ok := serviceDate(l); ok {
			own = true
		}
	}
	if !own {
		return hasServiceDate(prev)
	}
	for _, l := range prev.lines {
		if l.page == page && !l.noise && reSlipHead.MatchString(l.trim) {
			return true
		}
	}
	return false
}

// hasServiceDate reports whether a line of n labels a date of service.
func hasServiceDate(n *note) bool {
	for _, l := range n.lines {
		if _, ok := serviceDate(l); ok {
			return true
		}
	}
	return false
}
