package rules

import "testing"

// TestVisitHistoryCheckInOut: a practice management system's "visit
// history" prints one row per appointment with its status and, of the
// appointments the patient kept, the check-in and check-out times. Those
// rows are the visits (the practice keeps no other note of them); the
// rows without times (no show, cancelled, rescheduled) are none. A
// schedule that prints only the booked time stays a schedule.
func TestVisitHistoryCheckInOut(t *testing.T) {
	page := `Harbor Point Bodywork                                                 Run 03/02/2025 9:14 AM
Patient Visit History                                      Date range: 01/06/2025 - 02/10/2025
Patient: ROE, JANE (#5512)   DOB: 01/02/1980   Case: MVA 12/20/2024
Date          Time      Appt Type              Provider             Status          In      Out     Visit #
01/06/2025    09:30     Massage 60 min         Dana Okafor          Arrived         09:34   10:31         1
01/09/2025    11:00     Massage 60 min         Dana Okafor          No Show
01/13/2025    14:15     Massage 60 min         Dana Okafor          Arrived         14:20   15:18         2
01/20/2025    10:00     Massage 60 min         Dana Okafor          Late Cancel
01/27/2025    08:45     Massage 60 min         Dana Okafor          Arrived         08:45   09:44         3
02/10/2025    13:00     Massage 60 min         Dana Okafor          Cancelled

              Arrived                3
              No Show                1
              Total appointments     6
`
	for _, scan := range []bool{false, true} {
		res := extractText(t, page)
		if scan {
			res = extractOCR(t, page)
		}
		got := encounterDates(res)
		if want := "2025-01-06 2025-01-13 2025-01-27"; got != want {
			t.Errorf("scan %v: visits %s, want %s", scan, got, want)
		}
	}
}
