package rules

import (
	"context"
	"strings"
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

// TestLogEdgeRowLostDigit: a fax's OCR lost a digit of the first rows' and
// the last row's dates ("1/7/23" for 11/7/23, "1/6/23" for 12/6/23). A
// report that prints the range of its appointments bounds its first and
// last rows as the rows around bound a middle one: each row outside the
// range, or out of the order of the others, takes the one reading with a
// digit read back or put back that falls between the range or its
// neighbours. A row outside the range two readings fit ("1/7/23" in a
// range from 10/3/23: 10/7 and 11/7) is left out, never misdated; without a printed range the first
// row, in order, stays as read, as do the rows of a page that prints
// several ranges (an authorization tracker's periods): none is the
// report's. Nor is a period a plan of care certifies or a payer
// authorizes: visits go on past it while a recertification is pending.
func TestLogEdgeRowLostDigit(t *testing.T) {
	page := func(rangeLine, first, last string) string {
		return `Spine Align Chiropractic                          Patient Appointment History - All Statuses
BLACKWOOD, FRANKLIN DOB 5/20/86 Acct 40544220 ` + rangeLine + `

Appt date        Time      Type         Therapist    Status          Made
` + first + `           3:58PM    Eval         RS           Completed       11/5/23 phone
1/10/23          4:52 PM   F/U Tx       RS           Completed       11/7/23 desk
11/13/23         7:46 AM   Tx           MY           Completed       11/10/23 desk
11/16/23         11:55 AM  Tx           RS           Completed       11/13/23 desk
11/20/23         2:52 PM   Tx           MY           Completed       11/16/23 desk
12/4/23          8:51 AM   Treatment    RS           Completed       11/29/23 desk
` + last + `           3:16 PM   Treatment    MY           Completed       12/4/23 desk
Completed: 7 No show: 0

Printed 4/28/24 13:30                                        Page 1 of 1
`
	}
	for _, c := range []struct {
		name, page string
		ocr        bool
		want       string
	}{
		{"faxed, range printed", page("Range 11/3/23 - 4/28/24", "1/7/23", "1/6/23"), true,
			"2023-11-07 2023-11-10 2023-11-13 2023-11-16 2023-11-20 2023-12-04 2023-12-06"},
		{"faxed, two readings fit the first rows", page("Range 10/3/23 - 4/28/24", "1/7/23", "1/6/23"), true,
			"2023-11-13 2023-11-16 2023-11-20 2023-12-04 2023-12-06"},
		{"faxed, no range printed", page("", "1/7/23", "12/6/23"), true,
			"2023-01-07 2023-01-10 2023-11-13 2023-11-16 2023-11-20 2023-12-04 2023-12-06"},
		{"faxed, one of several periods printed", strings.Replace(page("Period 11/3/23 - 11/30/23", "1/7/23", "12/6/23"), "12/4/23 ", "Period 12/1/23 - 4/28/24\n12/4/23 ", 1), true,
			"2023-01-07 2023-01-10 2023-11-13 2023-11-16 2023-11-20 2023-12-04 2023-12-06"},
		{"faxed, a plan of care's certification period", page("Plan of care 2x/week; certification 11/3/23 - 11/30/23", "11/7/23", "12/6/23"), true,
			"2023-11-07 2023-11-10 2023-11-13 2023-11-16 2023-11-20 2023-12-04 2023-12-06"},
		{"born-digital", page("Range 11/3/23 - 4/28/24", "1/7/23", "1/6/23"), false,
			"2023-01-07 2023-01-10 2023-11-13 2023-11-16 2023-11-20 2023-12-04 2023-01-06"},
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

// TestLogSpacedMonthDate: a fax's OCR read a status row's "05-Jun-2024" as
// "OS- Jun- 2024", its day in look-alikes and spaces after the dashes. The
// row's one reading is dated when it falls between its neighbours' dates,
// and left out when it does not.
func TestLogSpacedMonthDate(t *testing.T) {
	page := func(cell string) string {
		return `ALIGN PHYSICAL THERAPY                                  AUTHORIZATION VISIT TRACKING
ASHWORTH, FRANKLIN  DOB 20-May-1985  Payer: Summit Mutual Insurance

Date              Visit    Status                            Used         Left             Therapist
Period 20-May-2024 through 18-Jul-2024 visits allowed 7
29-May-2024     5       Attended                              5             2                LS
03-Jun-2024     6       Arrived - seen                        6             1                EP
04-Jun-2024     -       No show - not counted                 6             1                EP
` + cell + `       7       Kept                                  7             0                LS
07-Jun-2024     8       Attended                              8             7                EP
10-Jun-2024     9       Kept                                  9             6                LS

Visits used: 9 Authorizations: 2  Visits remaining: 0
`
	}
	for _, c := range []struct{ cell, want string }{
		{"OS- Jun- 2024", "2024-05-29 2024-06-03 2024-06-05 2024-06-07 2024-06-10"},
		{"OS- Jul- 2024", "2024-05-29 2024-06-03 2024-06-07 2024-06-10"},
	} {
		pages := pagesOf([]string{page(c.cell)})
		pages[0].Source = extract.SourceOCR
		res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: 1}, pages)
		if err != nil {
			t.Fatal(err)
		}
		if got := encounterDates(res); got != c.want {
			t.Errorf("%q: visits %s,\nwant   %s", c.cell, got, c.want)
		}
	}
}
