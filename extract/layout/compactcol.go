package layout

import (
	"sort"
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// Compact dates in a date column. A practice management system may print a
// table's dates as a run of digits ("02072025", MMDDYYYY; "020725",
// MMDDYY; "20250207", YYYYMMDD). Alone such a run is no date (an account,
// claim or check number looks the same), but in the column a header cell
// "Date" or "DOS" heads it is one.

// reDateHeadCell is a header cell that heads a column of dates of
// service: "Date", "DOS", "Visit Date", "Service Date", "Date of Service".
var reDateHeadCell = lazyre.New(`(?i)^(?:(?:visit|service|svc|serv|srv|trans|txn|appt|tx)\.?\s+)?(?:date|dos|d\.o\.s\.?)(?:\s+of\s+(?:service|visit))?$`)

// compactDateColumns adds to the lines of each page the compact dates they
// print under a header cell that heads a column of dates, until the next
// header row or the end of the page.
func compactDateColumns(d *Doc) {
	for pi := range d.Pages {
		var head []Cell // the cells of the last header row with a date column
		date := -1      // the index of the date column in head
		for i := d.Pages[pi].First; i < d.Pages[pi].End; i++ {
			l := &d.Lines[i]
			if cs, k, ok := dateHeadRow(l); ok {
				head, date = cs, k
				continue
			}
			if date < 0 || !strings.ContainsAny(l.Text, "0123456789") {
				continue
			}
			if m, ok := compactUnder(l, head, date); ok {
				l.Dates = append(l.Dates, m)
				sort.Slice(l.Dates, func(a, b int) bool { return l.Dates[a].Start < l.Dates[b].Start })
			}
		}
	}
}

// dateHeadRow reads a table's header row: three cells or more, no date,
// one of them heading a column of dates. It returns the cells and the
// index of the date column. A head's words are one space apart, and two
// heads at least two (OCR sets the words of a scanned header row as close
// as that: "Visit#  Date  Day").
func dateHeadRow(l *Line) ([]Cell, int, bool) {
	if len(l.Dates) > 0 {
		return nil, -1, false
	}
	cs := cellsApart(l.Text, 2)
	if len(cs) < 3 {
		return nil, -1, false
	}
	for k, c := range cs {
		if reDateHeadCell.MatchString(strings.TrimSpace(strings.Trim(l.Text[c.Start:c.End], ":#"))) {
			return cs, k, true
		}
	}
	return nil, -1, false
}

// compactUnder returns the compact date a line prints in the column of
// head at index date: a word of six or eight digits, on no date found
// already, that falls under that column more than under any other.
func compactUnder(l *Line, head []Cell, date int) (dates.Match, bool) {
	for _, w := range fieldsAt(l.Text) {
		n := w.End - w.Start
		if n != 6 && n != 8 || strings.Trim(l.Text[w.Start:w.End], "0123456789") != "" {
			continue
		}
		if nearestCell(head, w) != date || onDate(l.Dates, w) {
			continue
		}
		if dt, ok := dates.ParseCompact(l.Text[w.Start:w.End]); ok && !dt.After(today.AddDays(1)) {
			return dates.Match{Date: dt, Start: w.Start, End: w.End, Raw: l.Text[w.Start:w.End]}, true
		}
	}
	return dates.Match{}, false
}

// nearestCell returns the index of the cell of head that w overlaps most,
// or, when it overlaps none, the nearest.
func nearestCell(head []Cell, w Cell) int {
	best, bestOv := -1, -1<<30
	for k, c := range head {
		ov := min(w.End, c.End) - max(w.Start, c.Start)
		if ov > bestOv {
			best, bestOv = k, ov
		}
	}
	return best
}

// onDate reports whether w overlaps a date of ds.
func onDate(ds []dates.Match, w Cell) bool {
	for _, m := range ds {
		if m.Start < w.End && w.Start < m.End {
			return true
		}
	}
	return false
}
