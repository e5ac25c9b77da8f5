package layout

import (
	"strings"
	"unicode"

	"github.com/medchron/medchron/internal/lazyre"
)

// reServiceColumn captions a table column of dates of service.
var reServiceColumn = lazyre.New(`(?i)^(?:dos|d\.o\.s\.?|date of (?:service|visit)|visit date|service date)$`)

// markServiceColumns labels as dates of service the dates a table prints
// under a "DOS" column (a vitals grid: "DOS  Time  BP  Pulse …", then a
// row per reading): the first row under the caption, and the rows after
// it while they print the same date. A log's later rows, each a visit of
// its own, are left to the visit-log reader. It runs after the pages are
// classified, which it leaves as they are.
func markServiceColumns(d *Doc) {
	for i := 1; i < len(d.Lines); i++ {
		head := d.Prev(i)
		if head == nil || len(head.Dates) > 0 || !serviceCaptionAbove(head, &d.Lines[i]) {
			continue
		}
		first, _ := RowDate(d.Lines[i].Text, d.Lines[i].Dates)
		for j := i; j < len(d.Lines) && d.Lines[j].Page == head.Page; j++ {
			l := &d.Lines[j]
			m, ok := RowDate(l.Text, l.Dates)
			if !ok || m.Date != first.Date || l.Noise() {
				break
			}
			if !l.HasService {
				l.Service, l.HasService = m.Date, true
			}
		}
	}
}

// serviceCaptionAbove reports whether row l opens with a date that stands
// under a date-of-service caption of header row head, a row of three
// captions or more.
func serviceCaptionAbove(head, l *Line) bool {
	m, ok := RowDate(l.Text, l.Dates)
	if !ok {
		return false
	}
	cs := Cells(head.Text)
	if len(cs) < 3 {
		return false
	}
	for _, c := range cs {
		if c.Start <= m.Start+2 && m.Start < c.End+2 {
			return reServiceColumn.MatchString(head.Text[c.Start:c.End])
		}
	}
	return false
}

var (
	// reStampCell is a grid's column head: a date and the time of a
	// reading ("12/27/2024 14:55", "12/27/2024 2:55 PM").
	reStampCell = lazyre.New(`^\S+\s+\d{1,2}:\d{2}(?:\s?[AaPp][Mm])?$`)
	// reVitalRow opens a row of vital signs.
	reVitalRow = lazyre.New(`(?i)^\s*(?:bp|blood pressure|pulse|hr|heart rate|resp(?:irations?)?|rr|temp(?:erature)?|spo2|o2 sat|pain|weight|height|bmi)\b`)
)

// markVitalsHeads labels as a date of service the date of a vitals grid
// whose readings are its columns, each headed by the date and time it was
// taken ("12/27/2024 14:55   12/27/2024 15:53", then BP, Pulse … rows):
// the day the patient was in the room. Heads of several days are left
// alone (a flowsheet of visits).
func markVitalsHeads(d *Doc) {
	for i := range d.Lines {
		l := &d.Lines[i]
		if l.HasService || len(l.Dates) == 0 || l.Noise() {
			continue
		}
		if i+1 >= len(d.Lines) || d.Lines[i+1].Page != l.Page || !reVitalRow.MatchString(d.Lines[i+1].Text) {
			continue
		}
		cs := inkCells(l.Text)
		if len(cs) != len(l.Dates) {
			continue
		}
		same := true
		for k, c := range cs {
			same = same && reStampCell.MatchString(c) && l.Dates[k].Date == l.Dates[0].Date
		}
		if same {
			l.Service, l.HasService = l.Dates[0].Date, true
		}
	}
}

// inkCells returns the text of a line's cells without the specks OCR
// reads from a scan: words of no letter or digit ("~_", ".", "|") at a
// cell's ends are cut off, and a cell of nothing else is no cell.
func inkCells(text string) []string {
	var out []string
	for _, c := range Cells(text) {
		ws := strings.Fields(text[c.Start:c.End])
		for len(ws) > 0 && speck(ws[0]) {
			ws = ws[1:]
		}
		for len(ws) > 0 && speck(ws[len(ws)-1]) {
			ws = ws[:len(ws)-1]
		}
		if len(ws) > 0 {
			out = append(out, strings.Join(ws, " "))
		}
	}
	return out
}

// speck reports whether a word has no letter or digit.
func speck(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0
}

// BlankSpecks returns s with every word of no letter or digit ("—_—",
// "=.", "|") turned into spaces, so that OCR's specks between a table's
// column captions neither join two captions into one cell nor stand in a
// caption's cell. Offsets into s stay valid.
func BlankSpecks(s string) string {
	b := []byte(s)
	for i := 0; i < len(b); {
		if b[i] == ' ' || b[i] == '\t' {
			i++
			continue
		}
		j := i
		for j < len(b) && b[j] != ' ' && b[j] != '\t' {
			j++
		}
		if speck(s[i:j]) {
			for k := i; k < j; k++ {
				b[k] = ' '
			}
		}
		i = j
	}
	return string(b)
}
