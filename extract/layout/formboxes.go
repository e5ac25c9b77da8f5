package layout

import (
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// boxedDate is a date of a row of form boxes and what its box's caption
// says it is.
type boxedDate struct {
	start int // the date's offset in the line
	label Label
}

// boxLabel returns the label of the box the date m stands in, when a row
// of captions over the line labels it (markFormBoxes).
func (l *Line) boxLabel(m dates.Match) (Label, bool) {
	for _, b := range l.boxes {
		if b.start == m.Start {
			return b.label, true
		}
	}
	return NoLabel, false
}

// markFormBoxes reads the rows of boxes a form prints its fields in (a
// state's work status report, a claim's general information): a row of
// captions, each box's caption ("Employer   Claim number   Date of this
// exam"), over the row of the boxes' values. Each value is its caption's:
// the date in the exam's box is the visit (the line's date of service),
// the one in the birth or injury box beside it is none, and the name in
// the "Facility" box is the provider. The text layer keeps the boxes'
// columns, OCR only their order, so the k-th value is the k-th caption's,
// when the two rows print as many boxes (see boxOwners when they do not). A table's head over several rows
// alike is no row of boxes: markServiceColumns and the table readers read
// it. It runs after the pages are classified: bills, explanations of
// benefits and paperwork keep their own readers.
func markFormBoxes(d *Doc) {
	for i := range d.Lines {
		caps, vals := d.Prev(i), &d.Lines[i]
		if caps == nil || vals.Noise() {
			continue
		}
		switch d.Pages[d.PageIndex(vals.Page)].Class {
		case extract.PageBill, extract.PageEOB, extract.PageAdmin:
			continue
		}
		cc := boxCaptions(caps)
		vc := InkedCells(vals.Text)
		of := boxOwners(caps.Text, vals.Text, cc, vc)
		if of == nil {
			continue
		}
		if i+1 < len(d.Lines) && d.Lines[i+1].Page == vals.Page && sameRowShape(&d.Lines[i+1], vals, vc) {
			continue // a table's rows under its head
		}
		for k, c := range vc {
			caption := caps.Text[cc[of[k]].Start:cc[of[k]].End]
			in := 0
			for _, m := range vals.Dates {
				if m.Start >= c.Start && m.Start < c.End {
					in++
				}
			}
			for _, m := range vals.Dates {
				if m.Start < c.Start || m.Start >= c.End || in > 1 {
					// A cell of several dates is the value of several
					// boxes OCR ran together, no one caption's.
					continue
				}
				kind := labelOf(caption)
				if reAgeAfter.MatchString(vals.Text[m.End:]) {
					kind = BirthLabel // whatever OCR made of its caption (see LabelBefore)
				}
				if kind == NoLabel || kind == BareLabel {
					continue
				}
				vals.boxes = append(vals.boxes, boxedDate{start: m.Start, label: kind})
				if kind == ServiceLabel && !vals.HasService {
					vals.Service, vals.HasService = m.Date, true
				}
			}
			if vals.Facility == "" && reFacilityCaption.MatchString(strings.TrimSpace(caption)) {
				vals.Facility = facilityValue(vals.Text[c.Start:c.End])
			}
		}
	}
}

// boxOwners returns, for each value cell vc of a row of boxes, the index of
// its caption among cc, or nil. As many values as captions are theirs in
// order. Fewer values (OCR set a box's value on a line of its own, a box
// left empty) are each the caption whose column is nearest to theirs, in
// the same order: OCR's columns stray, yet the farther boxes stay farther
// right.
func boxOwners(caps, vals string, cc, vc []Cell) []int {
	if cc == nil || len(vc) == 0 || len(vc) > len(cc) {
		return nil
	}
	out := make([]int, len(vc))
	if len(vc) == len(cc) {
		for k := range out {
			out[k] = k
		}
		return out
	}
	if len(vc) < 2 {
		return nil
	}
	for k, v := range vc {
		best := -1
		for j, c := range cc {
			if best < 0 || abs(c.Start-v.Start) < abs(cc[best].Start-v.Start) {
				best = j
			}
		}
		if k > 0 && best <= out[k-1] {
			return nil
		}
		out[k] = best
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// reFacilityCaption captions a form's box that names the clinic.
var reFacilityCaption = lazyre.New(`(?i)^(?:(?:treating|health ?care|medical)\s+)?(?:facility|clinic|practice|hospital)(?:\s+name)?[:.]?$|^name\s+of\s+(?:facility|clinic|practice|hospital)[:.]?$`)

// boxCaptions returns the cells of a row of box captions, or nil: two
// boxes or more, each a few words without a digit or a sentence, one of
// them at least a date's or the clinic's caption.
func boxCaptions(l *Line) []Cell {
	if l.Noise() || len(l.Dates) > 0 || strings.ContainsAny(l.Text, "0123456789") {
		return nil
	}
	cs := InkedCells(l.Text)
	if len(cs) < 2 {
		return nil
	}
	known := false
	for _, c := range cs {
		t := l.Text[c.Start:c.End]
		if len(t) > 40 || len(strings.Fields(t)) > 6 || strings.Contains(t, ". ") || !HasLetters(t) {
			return nil
		}
		if k := labelOf(t); k != NoLabel && k != BareLabel || reFacilityCaption.MatchString(t) {
			known = true
		}
	}
	if !known {
		return nil
	}
	return cs
}

// sameRowShape reports whether next prints as many boxes as row (whose
// cells are cs) and a date in a box where row prints one: a further row
// of a table.
func sameRowShape(next, row *Line, cs []Cell) bool {
	nc := InkedCells(next.Text)
	if len(nc) != len(cs) {
		return false
	}
	for _, m := range row.Dates {
		for k, c := range cs {
			if m.Start < c.Start || m.Start >= c.End {
				continue
			}
			for _, n := range next.Dates {
				if n.Start >= nc[k].Start && n.Start < nc[k].End {
					return true
				}
			}
		}
	}
	return false
}
