package layout

import (
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// A hospital's registration face sheet, and the boxed identifiers of a
// laboratory's report, print each field as a small caption with its value
// in the box under it, several boxes a row: a row of captions ("Admit
// date   Admit time   Admit type / source") over the row of their values.

// InkedCells returns the cells of s that hold a letter or a digit: OCR's
// specks between boxes ("|", ".") are no cells.
func InkedCells(s string) []Cell {
	var out []Cell
	for _, c := range Cells(s) {
		if !speck(s[c.Start:c.End]) {
			out = append(out, c)
		}
	}
	return out
}

// CaptionCells returns the cells of a row of captions: its inked cells
// (InkedCells) less OCR's debris of a letter or two in lower case ("oo",
// "oe"), which no caption is.
func CaptionCells(s string) []Cell {
	cs := InkedCells(s)
	out := cs[:0:0]
	for _, c := range cs {
		if t := s[c.Start:c.End]; len(t) <= 2 && strings.ToLower(t) == t && HasLetters(t) && !strings.ContainsAny(t, "0123456789") {
			continue
		}
		out = append(out, c)
	}
	return out
}

// captionRow reports whether line l is a row of three captions or more,
// each a few words without a digit.
func captionRow(l *Line) bool {
	if strings.ContainsAny(l.Text, "0123456789") {
		return false
	}
	cs := CaptionCells(l.Text)
	if len(cs) < 3 {
		return false
	}
	for _, c := range cs {
		cell := l.Text[c.Start:c.End]
		if len(cell) > 36 || len(strings.Fields(cell)) > 6 {
			return false
		}
	}
	return true
}

// PairCells returns, for each cell of the value row val (InkedCells), the
// index of the caption (CaptionCells) of the row cap over it; nil when
// val does not fill cap's boxes. A value starts where its caption does;
// OCR, which spaces each line of a scan its own way, keeps the order of
// the boxes but not their places: a row of as many values as captions,
// each after the caption before its own and before the caption after it,
// fills them in order.
func PairCells(cap, val string) []int {
	pair, _, _ := pairCells(cap, val)
	return pair
}

// pairCells is PairCells that also returns the caption cells cs and the
// value cells vs it paired.
func pairCells(cap, val string) (pair []int, cs, vs []Cell) {
	cs, vs = CaptionCells(cap), InkedCells(val)
	if len(vs) == 0 || len(vs) > len(cs) {
		return nil, nil, nil
	}
	out := make([]int, len(vs))
	placed := true
	for i, v := range vs {
		if out[i] = captionAt(cs, v.Start); out[i] < 0 {
			placed = false
			break
		}
	}
	if placed {
		return out, cs, vs
	}
	if len(vs) != len(cs) {
		return nil, nil, nil
	}
	for i, v := range vs {
		if i > 0 && v.Start <= cs[i-1].Start || i+1 < len(cs) && v.Start >= cs[i+1].Start {
			return nil, nil, nil
		}
		out[i] = i
	}
	return out, cs, vs
}

// underCaptions reports whether line l fills the boxes of the captions
// row cap (PairCells).
func underCaptions(cap, l *Line) bool { return PairCells(cap.Text, l.Text) != nil }

// captionAt returns the index of the cell of cs that starts at x, give or
// take two, -1 when none does.
func captionAt(cs []Cell, x int) int {
	for k, c := range cs {
		if abs(c.Start-x) <= 2 {
			return k
		}
	}
	return -1
}

// markFormCaptions marks the boxed form's rows of captions: a row of
// captions (captionRow) over one row of values that fill its boxes. A
// table's header is none: its rows go on under it, the next one filling
// the same columns with figures again.
func markFormCaptions(d *Doc) {
	for i := range d.Lines {
		l := &d.Lines[i]
		if i+1 >= len(d.Lines) || d.Lines[i+1].Page != l.Page || !captionRow(l) || !underCaptions(l, &d.Lines[i+1]) {
			continue
		}
		if i+2 < len(d.Lines) {
			n := &d.Lines[i+2]
			if n.Page == l.Page && strings.ContainsAny(n.Text, "0123456789") && underCaptions(l, n) {
				continue
			}
		}
		l.Captions = true
	}
}

// formCellAbove classifies the caption that stands over the date m when
// the line above (prev) is a boxed form's row of captions
// (markFormCaptions) and the date opens its box. A bare "Date" caption
// says nothing, as in labelAbove.
func formCellAbove(prev, l *Line, m dates.Match) Label {
	if !prev.Captions {
		return NoLabel
	}
	caption, box, ok := captionOver(prev, l, m)
	if !ok || m.Start > box+1 {
		return NoLabel // the date does not open its box
	}
	// "Discharge date / time": the box holds the hour too.
	if k := labelOf(reAndTime.ReplaceAllString(caption, "")); k != BareLabel {
		return k
	}
	return NoLabel
}

// captionOver returns the caption of row prev (PairCells) over the cell of
// line l that holds the date m, and where that cell starts; ok is false
// when l does not fill prev's boxes or m stands in no cell.
func captionOver(prev, l *Line, m dates.Match) (caption string, cell int, ok bool) {
	pair, cs, vs := pairCells(prev.Text, l.Text)
	for i, v := range vs {
		if v.Start <= m.Start && m.Start < v.End {
			c := cs[pair[i]]
			return prev.Text[c.Start:c.End], v.Start, true
		}
	}
	return "", 0, false
}

// reAndTime ends a caption of a box that holds the hour after the date.
var reAndTime = lazyre.New(`(?i)\s*(?:/|&|and)\s*(?:time|hour)[\s.:]*$`)

// admissionRecord reports whether the page registers a hospital stay: it
// labels a date of service and prints three of the registration's
// captions (admission date and source, attending physician, admitting
// diagnosis, patient class). A face sheet notes the consents the patient
// signed at registration ("Notice of privacy practices given"): that
// makes it no consent form.
func admissionRecord(f pageFeatures) bool {
	return f.service > 0 && f.n[fAdmission] >= 3
}

// columnLabelAbove classifies the field label that stands over the date m
// in a layout of several columns of fields: a laboratory's "Specimen
// Details" column prints "Date collected:" on one line and the date under
// it, while the patient's and the physician's columns go on beside it.
// The date opens its cell, after a wide gap; the cell of prev that starts
// where it does is a label that ends with its colon. A bare "Date:" says
// nothing.
func columnLabelAbove(prev, l *Line, m dates.Match) Label {
	if prev.Page != l.Page {
		return NoLabel
	}
	if m.Start > 0 && isLetterByte(l.Text[m.Start-1]) {
		// A name too long for its column ran into the date's ("MEDICINE
		// CENTER04/18/2024"): the date still stands where its label does.
		for _, c := range CaptionCells(prev.Text) {
			if c.Start == m.Start {
				return columnLabel(prev.Text[c.Start:c.End])
			}
		}
		return NoLabel
	}
	caption, cell, ok := captionOver(prev, l, m)
	if !ok || cell != m.Start || cell == 0 {
		return NoLabel
	}
	return columnLabel(caption)
}

// columnLabel classifies a field label in a column of fields ("Date
// collected:"): a few words that end with a colon; a bare "Date:" says
// nothing.
func columnLabel(cell string) Label {
	if !strings.HasSuffix(cell, ":") || len(cell) > 32 || len(strings.Fields(cell)) > 5 {
		return NoLabel
	}
	if lb := labelOf(cell); lb != BareLabel {
		return lb
	}
	return NoLabel
}

// markColumnLabelsTwoUp labels the date a column of fields prints two
// lines under its caption: a laboratory's physician column holds a
// practice name too long for it, and the specimen column's "Date
// collected:" has its date pushed below the name's line, alone on its
// own. The date opens its line at the caption's column, and the line
// between starts nothing there.
func markColumnLabelsTwoUp(d *Doc) {
	for i := 2; i < len(d.Lines); i++ {
		l := &d.Lines[i]
		if l.HasService || len(l.Dates) == 0 || l.Noise() {
			continue
		}
		mid, top := d.Prev(i), d.Prev(i-1)
		if mid == nil || top == nil || mid.Noise() {
			continue
		}
		m := l.Dates[0]
		if m.Start < 8 || strings.TrimSpace(l.Text[:m.Start]) != "" {
			continue
		}
		if cellStartsNear(Cells(mid.Text), m.Start, m.End) {
			continue
		}
		for _, c := range CaptionCells(top.Text) {
			if c.Start >= m.Start-2 && c.Start <= m.Start+2 && columnLabel(top.Text[c.Start:c.End]) == ServiceLabel {
				l.Service, l.HasService = m.Date, true
				break
			}
		}
	}
}

// cellStartsNear reports whether one of the cells starts within the
// columns from-2 to to.
func cellStartsNear(cs []Cell, from, to int) bool {
	for _, c := range cs {
		if c.Start >= from-2 && c.Start < to {
			return true
		}
	}
	return false
}
