package layout

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/medchron/medchron/extract/dates"
)

// Year-less rows: a sign-in sheet or a visit card often prints the year
// once, in its header ("Yr 2023", "Year: 2024"), and each visit's date as
// month and day only ("12/18"). A table row whose first cell is such a
// date, on a page that prints its year once, is dated in that year; the
// rows of a page without a year of its own go on in the year of the page
// before, when that page dated rows. Rows run forward in time, so a row in
// January or February after one in November or December is in the next
// year.

var (
	// reYearCell is a year in a cell of its own, after its label.
	reYearCell = regexp.MustCompile(`(?i)(?:^|\s{2,}|\t)(?:yr|year)\s*[:.#]?\s*((?:19|20)\d{2})(?:\s{2,}|\t|$)`)
	// reMonthDayCell is a first cell of a month and a day, then more cells.
	reMonthDayCell = regexp.MustCompile(`^\s*(\d{1,2})/(\d{1,2})(?:\s{2,}|\t)\S`)
)

// yearHeaderLines is how far from the top of a page a year label is read.
const yearHeaderLines = 8

// dateYearlessRows dates the year-less rows of every page.
func dateYearlessRows(d *Doc) {
	carry, carryMonth := 0, time.Month(0)
	for pi := range d.Pages {
		p := &d.Pages[pi]
		year, last := pageYear(d.Lines[p.First:p.End]), time.Month(0)
		if year == 0 {
			year, last = carry, carryMonth
		}
		carry, carryMonth = 0, 0
		if year == 0 {
			continue
		}
		var rows []int
		for i := p.First; i < p.End; i++ {
			if l := &d.Lines[i]; len(l.Dates) == 0 && l.Boiler == BoilerNone && reMonthDayCell.MatchString(l.Text) && len(Cells(l.Text)) >= 3 {
				rows = append(rows, i)
			}
		}
		if len(rows) < 2 {
			continue // one such line is no table of visits
		}
		for _, i := range rows {
			l := &d.Lines[i]
			m := reMonthDayCell.FindStringSubmatchIndex(l.Text)
			month, _ := strconv.Atoi(l.Text[m[2]:m[3]])
			day, _ := strconv.Atoi(l.Text[m[4]:m[5]])
			if last >= time.November && month <= int(time.February) {
				year++
			}
			dt := dates.New(year, time.Month(month), day)
			if !dt.Valid() || dt.After(today) {
				continue
			}
			last = dt.Month
			l.Dates = []dates.Match{{Date: dt, Start: m[2], End: m[5], Raw: l.Text[m[2]:m[5]]}}
		}
		carry, carryMonth = year, last
	}
}

// pageYear returns the year a page's header prints in a cell of its own
// after its label, 0 when none or two differ.
func pageYear(ls []Line) int {
	year := 0
	for i := range ls {
		l := &ls[i]
		if l.Top >= yearHeaderLines {
			break
		}
		if !strings.ContainsAny(l.Text, "Yy") {
			continue
		}
		for _, m := range reYearCell.FindAllStringSubmatch(l.Text, -1) {
			y, _ := strconv.Atoi(m[1])
			if year != 0 && y != year {
				return 0
			}
			year = y
		}
	}
	return year
}
