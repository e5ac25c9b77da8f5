package rules

import (
	"strconv"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// Attendance calendars: a month's grid whose marked days are the
// patient's appointments (layout.CalendarMarks). Every day marked
// attended is one encounter; a day marked cancelled or no-show is none.
// A cell prints its day's number, not a date: the visit is cited by a
// line of the page that prints the date (a tally of the days attended,
// "Attended: 4/22, 4/24"), when one does, then by the row of days above
// its mark (a mark alone is too short a quote to find on the page).

// calendarVisits builds the encounters of the attendance calendar on
// page index pi, and reports whether the page prints one.
func (e *Extractor) calendarVisits(doc string, d *layout.Doc, ls []line, pi int) ([]extract.Encounter, bool) {
	marks := layout.CalendarMarks(d, pi)
	var out []extract.Encounter
	for _, m := range marks {
		if !m.Attended {
			continue
		}
		days := lineAt(ls, m.DayLine)
		if days == nil {
			continue
		}
		prov := d.ProviderAt(m.Line)
		kind := providerKind(prov, d.Pages[pi].Title, nil)
		if kind == "" || kind == "other" {
			kind = logKind(d.Pages[pi].Text)
		}
		visit := "office visit"
		switch kind {
		case "chiropractic":
			visit = "chiropractic"
		case "physical_therapy":
			visit = "physical therapy"
		}
		cites := citer{doc: doc}
		if l := dateLine(ls, d.Pages[pi].Number, m.Date); l != nil {
			cites.add(*l, l.quoteAll())
		}
		cites.add(*days, days.trim)
		out = append(out, extract.Encounter{Date: m.Date, Provider: prov, ProviderKind: kind, VisitType: visit, Citations: cites.list})
	}
	return out, len(marks) > 0
}

// lineAt returns the line of ls that is line i of the layout, or nil.
func lineAt(ls []line, i int) *line {
	for k := range ls {
		if ls[k].idx == i {
			return &ls[k]
		}
	}
	return nil
}

// dateLine returns the first line of page n that prints date d, in full or
// as its month and day, or nil.
func dateLine(ls []line, n int, d dates.Date) *line {
	for k := range ls {
		l := &ls[k]
		if l.page != n || l.noise {
			continue
		}
		for _, m := range findDates(l.text) {
			if m.Date == d {
				return l
			}
		}
		for _, m := range reCalMonthDay.FindAllStringSubmatch(l.text, -1) {
			if mo, _ := strconv.Atoi(m[1]); mo == int(d.Month) {
				if day, _ := strconv.Atoi(m[2]); day == d.Day {
					return l
				}
			}
		}
	}
	return nil
}

// reCalMonthDay is a month and day without a year: "4/22".
var reCalMonthDay = lazyre.New(`(?:^|[^0-9/])(\d{1,2})/(\d{1,2})(?:$|[^0-9/])`)
