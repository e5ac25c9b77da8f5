package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestAttendanceSheetAbsences: a work conditioning program's attendance
// sheet marks the scheduled days the participant did not come "ABSENT"
// (with a reason, no hours): those are no visits. A speck OCR left before
// a row's date ("_ 02-20-2025") does not lose the row.
func TestAttendanceSheetAbsences(t *testing.T) {
	page := `Cedar Ridge Physical Therapy
Work Conditioning Program
DAILY ATTENDANCE SHEET
Participant: Jane Roe     DOB 01/02/1980
Date          In        Out       Hours     Activities                                  Pain pre    Post    Staff
02-07-2025    09:45     12:15     2.5       Lift floor-waist 25 lb x10, carry 50 ft     3/10        3/10    DH
02-10-2025    08:45     10:45     2.0       Overhead reach, shelf stocking              3/10        2/10    DH
02-11-2025                        0.0       ABSENT - no call/no show
02-12-2025    07:15     10:15     3.0       Simulated driving 30 min                    3/10        3/10    DH
02-13-2025                        0.0       Absent - called off, sick
_ 02-17-2025  09:45     13:45     4.0       Simulated driving 30 min                    2/10        2/10    DH
Total hours                       11.5
`
	for _, scan := range []bool{false, true} {
		res := extractText(t, page)
		if scan {
			res = extractOCR(t, page)
		}
		got := encounterDates(res)
		if want := "2025-02-07 2025-02-10 2025-02-12 2025-02-17"; got != want {
			t.Errorf("scan %v: visits %s, want %s", scan, got, want)
		}
	}
}

// TestLogVisitsCarryPhone: a log's visits carry the telephone number its
// letterhead prints, as a note's encounter does, so that the practice's
// other names for itself on its other forms (same number, a shared word)
// are one provider.
func TestLogVisitsCarryPhone(t *testing.T) {
	page := `Cedar Ridge Therapy
Work Hardening & Return-to-Work
2559 Bay St, Reno, NV 89501
Phone (775) 555-0171 Fax (775) 555-0182
DAILY ATTENDANCE SHEET
Participant: Jane Roe     DOB 01/02/1980
Date          In        Out       Hours     Activities                                  Pain pre    Post    Staff
02-07-2025    09:45     12:15     2.5       Lift floor-waist 25 lb x10, carry 50 ft     3/10        3/10    DH
02-10-2025    08:45     10:45     2.0       Overhead reach, shelf stocking              3/10        2/10    DH
02-12-2025    07:15     10:15     3.0       Simulated driving 30 min                    3/10        3/10    DH
`
	res := extractText(t, page)
	if len(res.Encounters) != 3 {
		t.Fatalf("%d encounters, want 3", len(res.Encounters))
	}
	for _, e := range res.Encounters {
		if e.Phone != "7755550171" {
			t.Errorf("%s: phone %q, want 7755550171", e.Date, e.Phone)
		}
	}
}

// TestClassRosterAttended: a group class's attendance roster prints each
// scheduled session with its status, the pain the patient reported and
// the units billed as bare figures. Its pain and units columns make it a
// record of care, not a schedule: every attended session is a visit, and
// the sessions missed are none.
func TestClassRosterAttended(t *testing.T) {
	page := `Lakeside Rehab Associates                                     GROUP EXERCISE ROSTER
Class: Core Strength Class   Instructor: Dana Hill, PT   Enrolled: 03/01/2025
Patient: ROE, JANE   DOB: 01/02/1980   DOI: 02/14/2025
No.   Session Date   Time       Instructor        Status             Pain     Units
1     03/04/2025     10:00 AM   Dana Hill, PT     Attended           6        2
2     03/06/2025     10:00 AM   Dana Hill, PT     No show                     0
3     03/11/2025     10:00 AM   Lee Park, PT      Attended           5        3
4     03/13/2025     10:00 AM   Dana Hill, PT     Cancelled by clinic         0
5     03/18/2025     10:00 AM   Lee Park, PT      Attended           4        2
Sessions attended: 3 of 5
`
	for _, scan := range []bool{false, true} {
		res := extractText(t, page)
		if scan {
			res = extractOCR(t, page)
		}
		got := encounterDates(res)
		if want := "2025-03-04 2025-03-11 2025-03-18"; got != want {
			t.Errorf("scan %v: visits %s, want %s", scan, got, want)
		}
	}
}

// TestRosterDamagedDates: on a faxed roster OCR loses the slashes of
// some sessions' dates ("4/124", "75/24", both of "32724") and reads a row's number as
// letters ("il"); a row that prints the session's status is still a row
// of the roster, dated by the reading that falls between its neighbours.
func TestRosterDamagedDates(t *testing.T) {
	page := `Lakeside Rehab Associates                                     GROUP EXERCISE ROSTER
Patient: ROE, JANE   DOB: 1/2/80   DOI: 3/7/24
No.   Date        Time       Instructor        Status             Pain     Units
1     3/21/24     10:00AM    Dana Hill, PT     Attended           6        3
2     3/25/24     10:00AM    Lee Park, PT      Attended           6        4
2     32724       10:00AM    Lee Park, PT      Attended           6        4
3     4/124       10:00AM    Dana Hill, PT     Attended           5        4
4     43/24       10:00AM    Dana Hill, PT     Absent                      0
il    4/15/24     10:00AM    Lee Park, PT      Attended           3        4
12    75/24       10:00AM    Lee Park, PT      Attended           3        2
13    7/8/24      10:00AM    Dana Hill, PT     Attended           3        3
Sessions attended: 7 of 8
`
	// (Not extractOCR: a date read back from a damaged cell is not
	// printed as such in its row's quote, and the chronology flags it to
	// be checked against the page.)
	pages := pagesOf([]string{page})
	pages[0].Source = extract.SourceOCR
	res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: 1}, pages)
	if err != nil {
		t.Fatal(err)
	}
	got := encounterDates(res)
	if want := "2024-03-21 2024-03-25 2024-03-27 2024-04-01 2024-04-15 2024-07-05 2024-07-08"; got != want {
		t.Errorf("visits %s, want %s", got, want)
	}
}

// TestRosterHeadSpeck: a speck OCR read as a point after the last column
// head ("Units.") ends no sentence: the line is still the roster's column
// heads, and its attended sessions are visits.
func TestRosterHeadSpeck(t *testing.T) {
	page := `Lakeside Rehab Associates
Group Exercise Roster
Patient: ROE, JANE   DOB: 01/02/1980   DOI: 02/14/2025
No.   Date           Time       Instructor        Status        Pain     Units.
1     03/04/2025     10:00 AM   Dana Hill, PT     Attended      6        2
2     03/06/2025     10:00 AM   Dana Hill, PT     No show                0
3     03/11/2025     10:00 AM   Lee Park, PT      Attended      5        3
`
	res := extractOCR(t, page)
	got := encounterDates(res)
	if want := "2025-03-04 2025-03-11"; got != want {
		t.Errorf("visits %s, want %s", got, want)
	}
}

// TestRosterClassLine: the line that names the class ("Class: Group
// Therapeutic Exercise") is a field, not the practice's letterhead,
// though "Group" is a word of practices' names.
func TestRosterClassLine(t *testing.T) {
	page := `LAKESIDE REHAB ASSOCIATES PLLC

Group Session Attendance

Class: Group Therapeutic Exercise   Instructor: Dana Hill, PT   Enrolled: Mar 1, 2025
Patient: ROE, JANE   DOB: Jan 2, 1980   DOI: Feb 14, 2025

#     Date           Time       Instructor        Status        Pain     Units
1     Mar 4, 2025    10:00 AM   Dana Hill, PT     Attended      6        2
2     Mar 6, 2025    10:00 AM   Dana Hill, PT     No show                0
3     Mar 11, 2025   10:00 AM   Lee Park, PT      Attended      5        3
`
	res := extractOCR(t, page)
	if len(res.Encounters) != 2 {
		t.Fatalf("%d encounters, want 2", len(res.Encounters))
	}
	for _, e := range res.Encounters {
		if !strings.Contains(strings.ToLower(e.Provider), "lakeside") {
			t.Errorf("%s: provider %q, want the letterhead's", e.Date, e.Provider)
		}
	}
}
