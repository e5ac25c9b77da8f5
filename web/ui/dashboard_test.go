package ui

import (
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
)

// TestSummarise: the dashboard counts dated visits and providers without
// rejected entries, the treatment span, pre-incident visits, gaps with the
// longest, specials and what is left to review, undated records included.
func TestSummarise(t *testing.T) {
	d := func(m, day int) dates.Date { return dates.New(2024, 1, 1).AddDays((m-1)*30 + day - 1) }
	c := &chronology.Chronology{
		Entries: []chronology.Entry{
			{ID: "a", ProviderID: "p1", Date: d(1, 2), PreIncident: true, Review: chronology.ReviewVerified},
			{ID: "b", ProviderID: "p2", Date: d(2, 1)},
			{ID: "c", ProviderID: "p3", Date: d(9, 9), Review: chronology.ReviewRejected},
			{ID: "d", ProviderID: "p2", Date: d(4, 1), Review: chronology.ReviewCorrected},
		},
		UndatedEntries: []chronology.Entry{{ID: "u", ProviderID: "p4"}},
		Gaps:           []chronology.Gap{{Days: 40}, {Days: 61}},
		Specials:       chronology.Specials{TotalCharges: 1234.5},
	}
	got := summarise(c)
	want := chronoSummary{Providers: 2, Visits: 3, PreIncident: 1, First: d(1, 2), Last: d(4, 1), Undated: 1,
		Gaps: 2, LongestGap: 61, Charges: 1234.5, ToReview: 2}
	if got != want {
		t.Errorf("summarise:\n got %+v\nwant %+v", got, want)
	}
	if prev, next := neighbours(c, "b"); prev != "a" || next != "c" {
		t.Errorf("neighbours of b = %q, %q; want a, c", prev, next)
	}
	if prev, next := neighbours(c, "a"); prev != "" || next != "b" {
		t.Errorf("neighbours of the first entry = %q, %q; want \"\", b", prev, next)
	}
	if next := nextToReview(c, "b"); next != "" {
		t.Errorf("nextToReview after the only unreviewed entry = %q, want none", next)
	}
}
