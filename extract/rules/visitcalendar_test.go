package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// calendarPage is a month's attendance calendar, weeks from Monday, with
// the last days of August filling its first week and a legend of its own
// marks; tally is a line under it that lists the days attended, or "".
func calendarPage(tally string) string {
	return `Lakeside Physical Therapy
12 Shore Rd, Erie, PA 16501

PATIENT ATTENDANCE                                                     September 2024
Patient: DOE, JANE          DOB: 02/03/1981

   Mon           Tue           Wed           Thu           Fri           Sat           Sun
 26            27            28            29            30            31             1
                 A
 2             3             4             5             6             7              8
         A             LC            A              NS
 9             10            11            12            13            14             15
         A                           A
 16            17            18            19            20            21             22

A = attended    LC = late cancel    NS = no show
` + tally
}

// TestAttendanceCalendar: a month's attendance calendar gives one
// encounter per day marked attended, dated by the month over the grid and
// the day whose cell holds the mark; days marked cancelled or no-show are
// none, whatever marks the legend uses, and the days of the month before
// that fill the first week are dated in that month. A line that prints
// the day's date is the visit's first citation; a cell prints none, so
// without such a line the date stays to be checked against the page.
func TestAttendanceCalendar(t *testing.T) {
	want := "2024-08-27 2024-09-02 2024-09-04 2024-09-09 2024-09-11"
	dated := func(res extract.Result) string {
		var got []string
		for _, e := range res.Encounters {
			got = append(got, e.Date.String())
		}
		return strings.Join(got, " ")
	}
	// extractText checks every first quote holds its date.
	if got := dated(extractText(t, calendarPage("Visits kept: 8/27, 9/2, 9/4, 9/9, 9/11\n"))); got != want {
		t.Errorf("with a tally: dates %v, want %v", got, want)
	}
	pages := pagesOf([]string{calendarPage("")})
	res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: 1}, pages)
	if err != nil {
		t.Fatal(err)
	}
	if got := dated(res); got != want {
		t.Errorf("without a tally: dates %v, want %v", got, want)
	}
	for _, e := range res.Encounters {
		for _, c := range e.Citations {
			if !strings.Contains(pages[0].Text, c.Quote) {
				t.Errorf("%s: quote %q not on the page", e.Date, c.Quote)
			}
		}
	}
}
