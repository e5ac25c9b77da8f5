package rules

import (
	"context"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestArrivalLogDamagedDates: a faxed arrival log prints no row numbers;
// OCR read the slashes of many dates as ones, fours, a "t" or an "f"
// ("3427124" for 3/27/24, "4122/24", "7t12/24", "4f4124") or lost one
// ("717/24" for 7/17/24). A row that prints its status ("Checked out")
// is a row of the log however its date cell was damaged, dated by the
// one reading that falls between its neighbours'; a cell no reading
// settles ("4ali24", "PHSI24") stays unread, and cancelled and scheduled
// rows are no visits.
func TestArrivalLogDamagedDates(t *testing.T) {
	page := `Cornerstone Chiropractic & Wellness                                        ARRIVAL LOG BY PATIENT
THORNBURY, SHAUNA  DOB 1/22/68 Acct 75033612

Date range: 3/25/24 to 8/31/24  Status: All

Date             Appt         Status                 In            Out          Clinician                          Type
3/25/24          09:45         Checked out           09:37         10:25         Phillip Petrov, DC                  Initial Eval
3426/24           16:15         Cancelled - clinic                                   Phillip Petrov, DC                  Treatment
3427124           12:45         Checked out            12:38         13:28         Phillip Petrov, OC                  Tx 45 min
4ali24            14:45         Checked out            14:38         15:27         Phillip Lindholm, DC                Treatment
4f4124            07:15         Checked out            07:09        08:06         Phillip Petrov, DC                  Tx 45 min
418/24            15:30         Checked out            15:16         16:25         Phillip Lindholm, DC               Treatment
4/10/24           13:45         Checked out            13:36         14:36         Phillip Petrov, DC                  Tx 45 min
4122/24           08:00         Checked out            07:48         08:41         Phillip Petrov, DC                  Tx 45 min
4/25/24           12:45         Checked out            12:33         13:43         Phillip Lindholm, DC                Tx 45 min
7110/24           15:15         Checked out            15:04         16:02         Phillip Petrov, DC                  Tx 45 min
7124           13:30         Cancelled - patient                  .               Phillip Petrov, DC                  Treatment
7t12/24           08:00         Checked out            07:49         08:45         Phillip Lindholm, DC                Tx 45 min
PHSI24           07:00         Checked out           06:53         07:50         Phillip Petrov, DC                  Treatment
717/24          09:45         Checked out            09:38         10:41         Phillip Lindholm, DC               Treatment
9/5/24            16:30         Scheduled                                        Phillip Lindholm, DC                Treatment

Checked out: 13  Cancelled - patient: 1  Cancelled - clinic: 1  Scheduled: 1

Run 8/31/24 13:22
`
	pages := pagesOf([]string{page})
	pages[0].Source = extract.SourceOCR
	res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: 1}, pages)
	if err != nil {
		t.Fatal(err)
	}
	got := encounterDates(res)
	if want := "2024-03-25 2024-03-27 2024-04-04 2024-04-08 2024-04-10 2024-04-22 2024-04-25 2024-07-10 2024-07-12 2024-07-17"; got != want {
		t.Errorf("visits %s,\nwant   %s", got, want)
	}
}
