package demand

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/report/reporttest"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// TestOffWorkPeriods: the time the records place the client off work,
// from work statuses: an end the status gives (a date, a length), else
// the next record of work; open-ended statuses, goals and statuses that
// are work are left out; overlapping periods merge.
func TestOffWorkPeriods(t *testing.T) {
	d := func(m time.Month, day int) dates.Date { return dates.New(2023, m, day) }
	entry := func(id string, date dates.Date, status string) chronology.Entry {
		return chronology.Entry{ID: id, Date: date, Provider: "Clinic", ProviderID: "p1", WorkStatus: status, Grounded: true, Review: chronology.ReviewVerified,
			Citations: []extract.Citation{{DocumentID: "d1", Page: 1, Quote: status}}}
	}
	for _, tc := range []struct {
		name    string
		entries []chronology.Entry
		want    string // from–to per period, days total
	}{
		{"until a date, then light duty", []chronology.Entry{entry("e1", d(3, 20), "off work until 04/03/2023, then light duty")}, "2023-03-20–2023-04-03 14"},
		{"a length in days", []chronology.Entry{entry("e1", d(3, 14), "off work 3 days")}, "2023-03-14–2023-03-17 3"},
		{"a length in weeks", []chronology.Entry{entry("e1", d(3, 14), "Remain off work for 2 weeks")}, "2023-03-14–2023-03-28 14"},
		{"to the next record of work", []chronology.Entry{entry("e1", d(3, 14), "off work"), entry("e2", d(4, 1), "no change"), entry("e3", d(4, 20), "may return to work, light duty")},
			"2023-03-14–2023-04-20 37"},
		{"open-ended: left out", []chronology.Entry{entry("e1", d(3, 14), "off work"), entry("e2", d(4, 1), "remains off work")}, " 0"},
		{"overlapping: merged", []chronology.Entry{entry("e1", d(3, 14), "off work until 03/30/2023"), entry("e2", d(3, 28), "off work until 04/10/2023")},
			"2023-03-14–2023-04-10 27"},
		{"two periods", []chronology.Entry{entry("e1", d(3, 14), "off work 3 days"), entry("e2", d(5, 1), "TTD until 05/15/2023")},
			"2023-03-14–2023-03-17 2023-05-01–2023-05-15 17"},
		{"work and goals are no time off", []chronology.Entry{entry("e1", d(3, 14), "full duty"), entry("e2", d(3, 20), "Goal: able to return to work in 6 weeks")}, " 0"},
		{"a follow-up interval is no length", []chronology.Entry{entry("e1", d(3, 14), "Off work. Follow up in 2 weeks.")}, " 0"},
		{"no work x 1 week", []chronology.Entry{entry("e1", d(3, 14), "No work x 1 week")}, "2023-03-14–2023-03-21 7"},
		{"an until before the visit is no end", []chronology.Entry{entry("e1", d(3, 14), "off work until 03/01/2023")}, " 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := reporttest.Sample()
			c.Entries = tc.entries
			l := newLetter(c, Inputs{})
			var got []string
			total := 0
			for _, p := range l.offWorkPeriods() {
				got = append(got, p.from.String()+"–"+p.to.String())
				total += p.days()
			}
			if s := strings.Join(got, " ") + " " + strconv.Itoa(total); s != tc.want {
				t.Errorf("periods %q, want %q", s, tc.want)
			}
		})
	}
}
