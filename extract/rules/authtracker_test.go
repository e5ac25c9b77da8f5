package rules

import "testing"

// TestAuthorizationTrackerVisits: a therapy clinic's authorization visit
// tracker gives one encounter per kept row, the row counted against the
// payer's authorization; its no-show and cancelled rows, and the dates
// the authorization was requested, approved and runs, give none.
func TestAuthorizationTrackerVisits(t *testing.T) {
	page := `Harbor Point Physical Therapy                                   Visit Authorization Log
DOE, JANE   DOB 05/20/1986   Payer: Great Plains Casualty
Date          Visit    Status                   Used     Left     Therapist
Auth 4471203-1   requested 03/04/2024    approved 03/06/2024
   Period 03/01/2024 through 04/30/2024   visits allowed 4
03/01/2024    1        Arrived - seen (eval)    1        3        KL
03/05/2024    2        Completed                2        2        KL
03/07/2024    -        No show - not counted    2        2        KL
03/08/2024    3        Kept                     3        1        RM
03/12/2024    -        Pt cancelled (ill)       3        1        RM
03/14/2024    4        Checked out              4        0        KL
Auth 4471203-2   requested 03/13/2024    approved 03/15/2024
   Period 03/18/2024 through 05/16/2024   visits allowed 6
03/19/2024    5        Kept                     5        5        RM
Visits used: 5   Authorizations: 2   Visits remaining: 5
Printed 05/20/2024 09:12                                                  Page 1 of 1
`
	res := extractText(t, page)
	if got, want := encounterDates(res), "2024-03-01 2024-03-05 2024-03-08 2024-03-14 2024-03-19"; got != want {
		t.Errorf("encounters %s, want %s", got, want)
	}
	for _, e := range res.Encounters {
		if e.Provider != "Harbor Point Physical Therapy" {
			t.Errorf("%s: provider %q", e.Date, e.Provider)
		}
	}
}
