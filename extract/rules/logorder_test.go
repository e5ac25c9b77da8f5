package rules

import (
	"context"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestLogRowDigitMisread: a visit log lists its rows in date order; a fax's
// OCR took a digit of one row's date for another it looks like ("08/22/2023"
// for 05/22/2023 between 05/17 and 05/23, "2023-08-31" for 2023-05-31
// between 05-29 and 06-02). The row takes the one reading with that digit
// read back that falls between its neighbours; a visit three months away
// made a false treatment gap. The same rows born-digital, and a log whose
// other rows are not in date order, keep their dates as printed.
func TestLogRowDigitMisread(t *testing.T) {
	status := `Evergreen Rehabilitation Services

Run 11/20/2023 12:45 PM                                        Documentation Status Report

Date range: 05/01/2023 - 11/20/2023"  Therapist: All
Patient: VARGA, RAVI   DOB: 09/08/1969   Case: $13.4XXD, M54.2, $39.012D   Date of injury: 05/06/2023

DOS           Time      Therapist                    Note type     Units Pain Status         Signed
05/15/2023    9:30 AM   Anika Costa, DPT            Evaluation    4     7     Signed (late) 05/21/2023
05/17/2023    2:00 PM   Anika Costa, DPT            Daily note    2     7     Signed (late) 05/20/2023
08/22/2023    10:30 AM Nadia Petrov, PTA           -Daily note    4     6     Signed (late) 05/28/2023
05/23/2023    3:15 PM   Nadia Petrov, PTA           --      .      0           Cancelled
05/25/2023    4:30°PM   Anika Costa, DPT            Daily note    4     5     Signed        05/27/2023
05/29/2023    9:30 AM   Nadia Petrov, PTA           Daily note    4     6     Signed         05/29/2023

* 5 visits with notes; 0 notes unsigned

Page 1 of 1
`
	checkin := `EVERGREEN REHABILITATION SERVICES INC                 APPOINTMENT CHECK - IN;CHECK-OUT REPORT

VARGA, RAVI DOB 1969-09-08 Acct 26902255
Date range: 2023-05-15 to 2023-11-18 Status: Alt

Date            Appt         Status                In           Out          Clinician                        Type
2023-05-25      2:45 PM      Checked out           2:35 PM      3:34 PM      Anika Costa, DPT                 Tx 45 min
2023-05-29     4:30 PM      Checked out           4:19 PM      5:32 PM      Nadia Petrov, PTA                Treatment
2023-08-31      2:45 PM      Checked out           2:33 PM      3:34 PM      Anika Costa, DPT                 Fotlow-up Tx
2023-06-02      2:00 PM      Rescheduled                                     Anika Costa, DPT                 Treatment
2023-06-05      4:00 PM      Checked out           3:47 PM      4:53 PM      Nadia Petrov, PTA                Tx 45 min

Run 2023-11-18 8:26 AM                                        _ Page tof 1
`
	unordered := `Evergreen Rehabilitation Services                 Visit Log

DOS           Time      Therapist                    Note type     Units Pain Status
05/10/2023    9:30 AM   Anika Costa, DPT            Evaluation    4     7     Signed
08/16/2023    10:30 AM  Anika Costa, DPT            Daily note    4     6     Signed
05/20/2023    2:00 PM   Nadia Petrov, PTA           Daily note    2     7     Signed
07/02/2023    4:30 PM   Nadia Petrov, PTA           Daily note    4     5     Signed
05/12/2023    9:30 AM   Nadia Petrov, PTA           Daily note    4     6     Signed
06/30/2023    9:30 AM   Nadia Petrov, PTA           Daily note    4     6     Signed
`
	for _, c := range []struct {
		name, page string
		ocr        bool
		want       string
	}{
		{"faxed status report", status, true, "2023-05-15 2023-05-17 2023-05-22 2023-05-25 2023-05-29"},
		{"faxed check-in report", checkin, true, "2023-05-25 2023-05-29 2023-05-31 2023-06-05"},
		{"born-digital status report", status, false, "2023-05-15 2023-05-17 2023-08-22 2023-05-25 2023-05-29"},
		{"faxed log out of date order", unordered, true, "2023-05-10 2023-08-16 2023-05-20 2023-07-02 2023-05-12 2023-06-30"},
	} {
		pages := pagesOf([]string{c.page})
		if c.ocr {
			pages[0].Source = extract.SourceOCR
		}
		res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: 1}, pages)
		if err != nil {
			t.Fatal(err)
		}
		if got := encounterDates(res); got != c.want {
			t.Errorf("%s: visits %s,\nwant   %s", c.name, got, c.want)
		}
	}
}
