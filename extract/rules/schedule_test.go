package rules

import (
	"slices"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestSchedulingRecord: a table of appointments and their statuses that
// records nothing of the care is the office's scheduling record, however
// it is titled and whatever its columns are called: an administrative
// page, no encounter, even for the appointments kept. The same table with
// a pain score for each visit seen is a log of visits.
func TestSchedulingRecord(t *testing.T) {
	schedule := `Lakeview Sports Rehab
Scheduled Visits Report            Run 04/02/2024 08:15
Patient: Jordan Ames    MRN 00451
Appt        Start    Therapist      Visit kind           Outcome                Made
03/01/2024  8:30a    T. Ibarra      PT evaluation        Checked in             02/26/2024
03/05/2024  8:30a    T. Ibarra      PT follow-up         Completed              03/01/2024
03/08/2024  9:15a    T. Ibarra      PT follow-up         No-Show                03/01/2024
03/10/2024  9:15a    T. Ibarra      PT follow-up         Canceled - pt ill      03/05/2024
03/12/2024  8:30a    T. Ibarra      PT follow-up         Bumped by clinic       03/05/2024
03/14/2024  8:30a    T. Ibarra      PT follow-up         Confirmed              03/10/2024
`
	res := extractText(t, schedule)
	if len(res.Pages) != 1 || res.Pages[0].Class != extract.PageAdmin {
		t.Errorf("page classes %+v, want one administrative page", res.Pages)
	}
	for _, e := range res.Encounters {
		t.Errorf("encounter %s %q from a scheduling record", e.Date, e.Provider)
	}

	withPain := `Lakeview Sports Rehab
Scheduled Visits Report            Run 04/02/2024 08:15
Patient: Jordan Ames    MRN 00451
Appt        Start    Therapist      Visit kind           Outcome        Pain
03/01/2024  8:30a    T. Ibarra      PT evaluation        Checked in     6/10
03/05/2024  8:30a    T. Ibarra      PT follow-up         Completed      5/10
03/08/2024  9:15a    T. Ibarra      PT follow-up         No-Show
03/12/2024  8:30a    T. Ibarra      PT follow-up         Completed      4/10
`
	res = extractText(t, withPain)
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String())
	}
	if want := []string{"2024-03-01", "2024-03-05", "2024-03-12"}; len(res.Pages) != 1 || res.Pages[0].Class != extract.PageVisitLog || !slices.Equal(got, want) {
		t.Errorf("with pain scores: pages %+v, encounters %v, want a visit log with %v", res.Pages, got, want)
	}
}
