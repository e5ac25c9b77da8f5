package layout

import (
	"strconv"
	"strings"
	"time"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/rxfilter"
)

// Attendance calendars: a therapy office prints a month as a grid, the
// weekdays across its head, each week a row of day numbers with the
// marks of that week's appointments under them ("X" attended, "C"
// cancelled, "NS" no-show), a legend saying what each mark means. A mark
// stands in its day's cell: right of the day's number and left of the
// next day's.

// CalendarMark is one day of an attendance calendar with a mark in its
// cell.
type CalendarMark struct {
	Date     dates.Date
	Mark     string // the mark as printed: "X", "NS"; "" for a day a tally lists
	Attended bool   // the legend (or, without one, the mark) says the patient came
	Line     int    // index in Doc.Lines of the line that holds the mark
	Start    int    // where the mark starts in that line
	DayLine  int    // index in Doc.Lines of the row of day numbers above it
}

// weekdayHead reports whether a line is a calendar's head: five weekday
// names or more (OCR may lose one, or add a speck to one: "Fri-") and
// nothing else.
func weekdayHead(l *Line) bool {
	fs := strings.Fields(strings.ToLower(l.Trim))
	if len(fs) < 5 || len(fs) > 10 {
		return false
	}
	names := 0
	for _, f := range fs {
		switch w := strings.TrimFunc(f, func(r rune) bool { return r < 'a' || r > 'z' }); {
		case weekdays[w]:
			names++
		case HasLetters(w):
			return false
		}
	}
	return names >= 5
}

// reMonthYear is a month and year with no day between them: "April 2024".
// OCR may set a space inside the year ("June 202 3").
var reMonthYear = rxfilter.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d ?\d)\b`)

// monthOf returns the month and year a line prints alone of any day.
func monthOf(text string) (time.Month, int, bool) {
	m := reMonthYear.FindStringSubmatch(text)
	if m == nil {
		return 0, 0, false
	}
	t, err := time.Parse("Jan", strings.ToUpper(m[1][:1])+strings.ToLower(m[1][1:3]))
	if err != nil {
		return 0, 0, false
	}
	y, _ := strconv.Atoi(strings.ReplaceAll(m[2], " ", ""))
	return t.Month(), y, true
}

// dayNumbers returns the day numbers a row of a calendar prints and
// their fields, nil when the line is not such a row. A rule OCR read
// between cells ("|") is no field.
func dayNumbers(l *Line) (days []int, fields []Cell) {
	for _, c := range fieldsAt(l.Text) {
		t := l.Text[c.Start:c.End]
		if strings.Trim(t, "|!:;.,_-") == "" {
			continue
		}
		n, err := strconv.Atoi(t)
		if err != nil || n < 1 || n > 31 {
			return nil, nil
		}
		days, fields = append(days, n), append(fields, c)
	}
	return days, fields
}

// reMark is a mark in a calendar's cell: one to three capitals, or a
// tick; OCR may add a speck after it ("X.").
var reMark = lazyre.New(`^(?:[A-Z]{1,3}|[xX]|✓|✔|√)$`)

// markText returns a mark without OCR's specks, and a letter OCR read
// twice ("Cc", "Xx") once.
func markText(s string) string {
	s = strings.TrimRight(s, ".,:;'|")
	if len(s) == 2 && strings.EqualFold(s[:1], s[1:]) && HasLetters(s) {
		return strings.ToUpper(s[:1])
	}
	return s
}

// markCells returns the marks a line of a calendar prints, nil when it
// prints anything else.
func markCells(l *Line) []Cell {
	cs := fieldsAt(l.Text)
	for _, c := range cs {
		if !reMark.MatchString(markText(l.Text[c.Start:c.End])) {
			return nil
		}
	}
	return cs
}

// fieldX returns where each field of line l stands across the page: its
// word's left edge in points on an OCR page whose words are known (OCR
// text keeps the gaps between words, not where a line starts), else its
// column in the text. slack is how far a mark may stand left of its
// day's number.
func fieldX(p *Page, l *Line, fs []Cell) (xs []float64, slack float64) {
	xs = make([]float64, len(fs))
	for i, c := range fs {
		xs[i] = float64(c.Start)
	}
	if len(p.Words) == 0 {
		return xs, 1
	}
	n := strings.Count(p.Text[:l.Start], "\n")
	var ws []extract.Word
	for _, w := range p.Words {
		if w.Line == n {
			ws = append(ws, w)
		}
	}
	all := fieldsAt(l.Text)
	if len(ws) != len(all) {
		return xs, 1
	}
	k := 0
	for i, w := range ws {
		if k < len(fs) && all[i] == fs[k] {
			xs[k] = w.Box.X0
			k++
		}
	}
	return xs, 4
}

// fieldsAt returns the words of s with where they stand.
func fieldsAt(s string) []Cell {
	var out []Cell
	for i := 0; i < len(s); {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' {
			j++
		}
		if j > i {
			out = append(out, Cell{Start: i, End: j})
		}
		i = j
	}
	return out
}

// reLegendKey is a key of a calendar's legend: "X =", "NS:".
var reLegendKey = lazyre.New(`(?:^|\s)([A-Z]{1,3}|✓|✔|√)\s*[=:]\s*`)

// reNotCame and reCame read what a legend says a mark means.
var (
	reNotCame = lazyre.New(`(?i)cancel|no[- ]?show|miss|resched|did not|not seen|absent|late`)
	reCame    = lazyre.New(`(?i)attend|seen|visit|kept|arriv|present|treated|complete|came|show`)
)

// calendarLegend reads what each mark of a legend line means: true when
// the patient came.
func calendarLegend(text string, into map[string]bool) {
	ks := reLegendKey.FindAllStringSubmatchIndex(text, -1)
	for i, k := range ks {
		end := len(text)
		if i+1 < len(ks) {
			end = ks[i+1][0]
		}
		meaning := text[k[1]:end]
		switch {
		case reNotCame.MatchString(meaning):
			into[text[k[2]:k[3]]] = false
		case reCame.MatchString(meaning):
			into[text[k[2]:k[3]]] = true
		}
	}
}

// CalendarMarks reads the attendance calendar page pi prints: every day
// with a mark in its cell, dated by the month the page prints over the
// grid; on an OCR page whose words' boxes are not known, the days its
// tally lists as attended. It returns nil when the page holds no calendar.
func CalendarMarks(d *Doc, pi int) []CalendarMark {
	p := d.Pages[pi]
	head := -1
	var month time.Month
	year := 0
	for i := p.First; i < p.End; i++ {
		l := &d.Lines[i]
		if head < 0 && !l.Noise() {
			if mo, y, ok := monthOf(l.Text); ok {
				month, year = mo, y
			}
		}
		if weekdayHead(l) {
			head = i
			break
		}
	}
	if head < 0 || year == 0 {
		return nil
	}
	if p.Source == extract.SourceOCR && len(p.Words) == 0 {
		// Without the words' boxes OCR text does not tell which cell a
		// mark stands in: only a tally of the days attended dates them.
		return calendarTally(d, head, p.End, month, year)
	}
	legend := map[string]bool{}
	for i := head + 1; i < p.End; i++ {
		calendarLegend(d.Lines[i].Text, legend)
	}
	var out []CalendarMark
	dayLine, first := -1, true
	var days []int
	var starts []float64
	var months []time.Month // the month of each day of the row
	for i := head + 1; i < p.End; i++ {
		l := &d.Lines[i]
		if ds, fs := dayNumbers(l); ds != nil {
			if dayLine >= 0 {
				first = false
			}
			starts, _ = fieldX(&p, l, fs)
			dayLine, days, months = i, ds, rowMonths(ds, month, first)
			continue
		}
		cs := markCells(l)
		if dayLine < 0 || cs == nil {
			continue
		}
		xs, slack := fieldX(&p, l, cs)
		for ci, c := range cs {
			k := -1
			for j, s := range starts {
				if s <= xs[ci]+slack {
					k = j
				}
			}
			if k < 0 {
				continue
			}
			mark := markText(l.Text[c.Start:c.End])
			came, known := legend[mark]
			if !known {
				came = strings.EqualFold(mark, "x") || strings.ContainsAny(mark, "✓✔√")
			}
			date := dates.Of(time.Date(year, months[k], days[k], 0, 0, 0, 0, time.UTC))
			out = append(out, CalendarMark{Date: date, Mark: mark, Attended: came, Line: i, Start: c.Start, DayLine: dayLine})
		}
	}
	return out
}

// rowMonths returns the month of each day of a calendar's row: a week
// that runs over the month's start or end prints the days of the month
// before (on its first row, before the 1st) or after (after the day the
// numbers fall back to 1) to fill its cells.
func rowMonths(days []int, month time.Month, first bool) []time.Month {
	out := make([]time.Month, len(days))
	mo := month
	if first && days[0] != 1 && days[0] > days[len(days)-1] {
		mo--
	}
	for k, n := range days {
		if k > 0 && n < days[k-1] {
			mo++
		}
		out[k] = mo
	}
	return out
}

// reTallyDay is a day a tally lists, month and day: "4/22".
var reTallyDay = lazyre.New(`(?:^|[^0-9/])(\d{1,2})/(\d{1,2})(?:$|[^0-9/])`)

// calendarTally reads the days a calendar's tally lists as attended
// ("Attended (4): 4/22, 4/24"; a list of cancelled or missed days is
// none), in the year of the month over the grid.
func calendarTally(d *Doc, head, end int, month time.Month, year int) []CalendarMark {
	var out []CalendarMark
	for i := head + 1; i < end; i++ {
		l := &d.Lines[i]
		ms := reTallyDay.FindAllStringSubmatchIndex(l.Text, -1)
		if len(ms) == 0 || l.Noise() {
			continue
		}
		label := l.Text[:ms[0][2]]
		if !reCame.MatchString(label) || reNotCame.MatchString(label) {
			continue
		}
		for _, m := range ms {
			mo, _ := strconv.Atoi(l.Text[m[2]:m[3]])
			day, _ := strconv.Atoi(l.Text[m[4]:m[5]])
			if mo < 1 || mo > 12 || day < 1 || day > 31 {
				continue
			}
			y := year
			if int(month)-mo > 6 {
				y++ // a January day on a December calendar
			}
			date := dates.Of(time.Date(y, time.Month(mo), day, 0, 0, 0, 0, time.UTC))
			out = append(out, CalendarMark{Date: date, Attended: true, Line: i, Start: m[2], DayLine: i})
		}
	}
	return out
}
