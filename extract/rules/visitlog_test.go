package rules

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestVisitLog: a daily treatment log yields one encounter per row, with
// the row's date, pain score and CPT codes, cited by the row; initials
// name a clinician through the page's legend and are never medications.
func TestVisitLog(t *testing.T) {
	page1 := `Spine & Wellness Chiropractic
1200 Oak Ave, Reno, NV 89501   Tel (775) 555-0100
DAILY TREATMENT LOG
Patient: Jane Doe     DOB: 01/02/1980
Date        Pain   Regions adjusted     CPT codes            Initials
01/03/2024  7/10   C3-C7, T1-T4         98941 97140 97010    JR
01/05/2024  6/10   C3-C7                98941 97140          JR
01/08/2024  6/10   C3-C7, L4-L5         98941 97010          KM
            pt reports less stiffness in AM
01/10/2024  5/10   C3-C7                98941                JR
JR = John Roe, DC    KM = Kate Moss, DC
`
	page2 := `Spine & Wellness Chiropractic – DOE, JANE – DOB 01/02/1980
01/12/2024  5/10   C3-C7                98941 97140          JR
01/15/2024  4/10   C3-C7                98941                KM
01/17/2024  3/10   C5-C6                98941                JR
`
	res := extractText(t, page1, page2)
	want := []struct {
		date string
		pain float64
		n    int // procedures
		clin string
	}{
		{"2024-01-03", 7, 3, "John Roe, DC"}, {"2024-01-05", 6, 2, "John Roe, DC"}, {"2024-01-08", 6, 2, "Kate Moss, DC"},
		{"2024-01-10", 5, 1, "John Roe, DC"}, {"2024-01-12", 5, 2, "John Roe, DC"}, {"2024-01-15", 4, 1, "Kate Moss, DC"},
		{"2024-01-17", 3, 1, "John Roe, DC"},
	}
	if len(res.Encounters) != len(want) {
		for _, e := range res.Encounters {
			t.Logf("%s %q", e.Date, e.Citations[0].Quote)
		}
		t.Fatalf("got %d encounters, want %d", len(res.Encounters), len(want))
	}
	for i, w := range want {
		e := res.Encounters[i]
		if e.Date.String() != w.date || e.PainScore == nil || *e.PainScore != w.pain || len(e.Procedures) != w.n || e.Clinician != w.clin {
			t.Errorf("row %d: %s pain %v procedures %v clinician %q, want %+v", i, e.Date, e.PainScore, e.Procedures, e.Clinician, w)
		}
		if e.Provider != "Spine & Wellness Chiropractic" || e.VisitType != "chiropractic" {
			t.Errorf("row %d: provider %q visit %q", i, e.Provider, e.VisitType)
		}
		if !strings.Contains(e.Citations[0].Quote, res.Encounters[i].Citations[0].Quote[:10]) || !quoteHasDate(e.Citations[0].Quote, e.Date) {
			t.Errorf("row %d: first quote %q does not hold the date", i, e.Citations[0].Quote)
		}
		if len(e.Medications) != 0 {
			t.Errorf("row %d: medications %q", i, e.Medications)
		}
	}
	if !strings.Contains(res.Encounters[2].Findings, "less stiffness") {
		t.Errorf("wrapped row text: %q", res.Encounters[2].Findings)
	}
}

// TestSignInCardRows: a sign-in card that prints its year once and each
// visit as month and day gives one encounter per row, in that year, under
// the practice of its letterhead (not read as a bill).
func TestSignInCardRows(t *testing.T) {
	page := "Alder Valley Chiropractic                                              PATIENT SIGN-IN CARD\n" +
		"Patient: Jane Doe             Acct #44120          Yr 2023\n" +
		"Date         Time in           Pt init.         Exam           Adj            Pain         Staff\n\n" +
		"11/27        9:09 AM           J.D.             X              X              6            AB\n" +
		"11/29        5:52 PM           J.D.                            X              7            AB\n" +
		"12/04        12:36 PM          J.D.                            X              5            CD\n\n" +
		"Key: Exam = new patient exam (99203); Adj = CMT 3-4 regions (98941). Staff: AB = Ann Berg, DC; CD = Carl Dunn, DC\n"
	res := extractText(t, page)
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String())
		if e.Provider != "Alder Valley Chiropractic" {
			t.Errorf("%s: provider %q", e.Date, e.Provider)
		}
	}
	if want := "2023-11-27,2023-11-29,2023-12-04"; strings.Join(got, ",") != want {
		t.Errorf("visits %v, want %s", got, want)
	}
	if len(res.Bills) > 0 {
		t.Errorf("%d bill lines from a sign-in card", len(res.Bills))
	}
}

// TestVisitLogDiagnoses gives every row of a log the diagnoses its page
// prints once above the rows, citing that line, and a log whose practice
// name is abbreviated beside its title keeps that practice.
func TestVisitLogDiagnoses(t *testing.T) {
	page := `Lotus Acup. & Herbs                                          ACUPUNCTURE TREATMENT RECORD
88 Pine St, Eugene, OR 97401
Patient: Jane Doe   DOB: 01/02/1980
Diagnoses: M54.50, G44.309
Visit   Date          Pain    Points               CPT            LAc
1       03/04/2024    6/10    LI4 GB20 Ashi        97810 97811    AK
2       03/11/2024    4/10    LI4 GB21             97813          AK
3       03/18/2024    3/10    LI4 GB21 SI3         97813          AK
AK = Amy Kwan, L.Ac.
`
	res := extractText(t, page)
	if len(res.Encounters) != 3 {
		t.Fatalf("got %d encounters, want 3", len(res.Encounters))
	}
	for i, e := range res.Encounters {
		codes := dxCodes(e)
		if strings.Join(codes, " ") != "M54.50 G44.309" {
			t.Errorf("row %d: diagnoses %q", i, codes)
		}
		if n := len(e.Citations); n < 2 || !strings.HasPrefix(e.Citations[n-1].Quote, "Diagnoses:") || !quoteHasDate(e.Citations[0].Quote, e.Date) {
			t.Errorf("row %d: citations %+v", i, e.Citations)
		}
		if e.Provider != "Lotus Acup. & Herbs" {
			t.Errorf("row %d: provider %q", i, e.Provider)
		}
	}
}

// TestVisitLogNotKept: an appointment schedule lists visits to come and
// visits missed beside the kept ones; only a kept appointment is a visit.
func TestVisitLogNotKept(t *testing.T) {
	page := `Harbor Physical Therapy
12 Bay Rd, Erie, PA 16501   Tel (814) 555-0100
APPOINTMENT HISTORY
Patient: Jane Doe     DOB: 01/02/1980
Date          Visit type        Status        Pain    Therapist
02/05/2024    Evaluation        Arrived       6/10    LM
02/07/2024    Treatment       - No-show
02/09/2024    Treatment         Arrived       5/10    LM
02/12/2024    Treatment         Cancelled
02/14/2024    Treatment         Arrived       4/10    LM
02/16/2024    Treatment         Booked
LM = Lena Marsh, PT
`
	res := extractText(t, page)
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String())
	}
	if want := "2024-02-05 2024-02-09 2024-02-14"; strings.Join(got, " ") != want {
		t.Errorf("visits %v, want %s", got, want)
	}
}

// TestVisitLogRowNotes: a log that writes a short note under each visit
// (headings such as "Subjective:" or "Assessment:" repeated row after row)
// is still one visit per dated row, not one note; a row whose note says
// the visit was not made is none, and a signature's date wrapped onto a
// line of its own under a note is no row. A further page of two rows and
// their notes goes on with the log. A single note that prints a table of
// dated readings above its own headings stays one note.
func TestVisitLogRowNotes(t *testing.T) {
	nursing := `Riverbend Visiting Nurses
22 Mill Rd, Salem, OR 97301   Tel (503) 555-0142
PRIVATE DUTY NURSING - VISIT NOTES
Client: DOE, JANE     DOB 02/03/1981      Ordering MD: Paul Reyes, MD
Visit date     Time          Discipline     Nurse           Pain
03/04/2024     0800-0900     RN             K. Olsen        6/10
    Subjective: reports headache and neck stiffness, slept poorly.
    Plan: continue cervical precautions; teach log-roll technique.
03/06/2024     0815-0900     RN             K. Olsen        5/10
    Subjective: headache better after rest; tolerating meals.
    Plan: continue current plan of care. Electronically signed K. Olsen, RN
    03/07/2024 08:10
03/08/2024     --            RN             K. Olsen
    No show: client not at home at the scheduled time; office notified.
03/11/2024     1000-1045     LPN            M. Diaz         4/10
    Subjective: neck stiffness improving, walking to the mailbox.
    Plan: discharge planned at next visit.
03/13/2024     1330-1415     RN             K. Olsen        3/10
    Subjective: no new complaints.
    Plan: discharged from nursing services; goals met.
`
	// The layout of batch I's home health visit record.
	home := `Heartland Home Health Services
Medicare-certified home health agency Provider No. 671000
7671 Bay St, Cedar Falls, IA 50613
Home Health Visit Record - Skilled Nursing
Patient: DOE, JANE DOB: 1981-02-03                                     Start of care: 2023-12-11
Certification period: 2023-12-11 - 2024-02-08                                  Frequency: SN 3w2, 2w1
Date             In           Out           Visit                 Clinician                      BP               Pain
2023-12-11       9:30 AM         10:35 AM    SN SOC                 E. Lindholm                    124/75          5/10
   Assessment: Admitted to home health after the hospital stay. Alert, oriented x3; headache and neck pain 5/10.
   Vitals: T 98.2, HR 74, RR 17, SpO2 98%. Homebound: requires assistance of another person to leave home safely.
   Interventions: Fall-risk home safety check; collar use and skin check under collar.
2023-12-14       12:30 PM      1:40 PM       SN routine             E. Lindholm                   134/82         5/10
   Assessment: Neuro checks within normal limits; headache improving; sleeping better.
   Interventions: Concussion precautions reviewed: screen time, rest breaks, no driving.
2023-12-28        --            --              MV           E. Lindholm
   MISSED VISIT 2:30 PM: no answer at the door, phone not answered; patient later reported being at a relative's.
2023-12-30       9:30 AM       10:25 AM       SN routine          E. Lindholm                     135/77         3/10
   Assessment: Neuro checks within normal limits; headache improving; sleeping better.
   Interventions: Medication reconciliation; teaching on acetaminophen and ketorolac limits.
`
	single := `Lakeview Internal Medicine
PROGRESS NOTE
Patient: DOE, JANE   DOB: 02/03/1981   Date of Service: 04/02/2024
Date          BP         HR     Pain
03/05/2024    132/84     78     6/10
03/19/2024    128/80     74     5/10
04/02/2024    124/78     72     4/10
Subjective: neck pain improving with therapy.
Assessment: cervical strain, improving.
Plan: continue therapy; return in 4 weeks.
`
	more := `DOE, JANE   DOB 02/03/1981                                        Page 2
Visit date     Time          Discipline     Nurse           Pain
03/15/2024     0800-0845     RN             K. Olsen        3/10
    Subjective: mild neck stiffness in the morning.
    Plan: continue home exercise.
03/18/2024     0900-0930     RN             K. Olsen        2/10
    Subjective: no complaints.
    Plan: discharged; goals met.
`
	tests := []struct {
		name  string
		pages []string
		prov  string
		want  string
	}{
		{"nursing notes", []string{nursing}, "Riverbend Visiting Nurses", "2024-03-04 2024-03-06 2024-03-11 2024-03-13"},
		{"nursing notes, a page of two more", []string{nursing, more}, "Riverbend Visiting Nurses", "2024-03-04 2024-03-06 2024-03-11 2024-03-13 2024-03-15 2024-03-18"},
		{"home health record", []string{home}, "Heartland Home Health Services", "2023-12-11 2023-12-14 2023-12-30"},
		{"one note with a table", []string{single}, "Lakeview Internal Medicine", "2024-04-02"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extractText(t, tc.pages...)
			var got []string
			for _, e := range res.Encounters {
				got = append(got, e.Date.String())
				if e.Provider != tc.prov || !quoteHasDate(e.Citations[0].Quote, e.Date) {
					t.Errorf("%s: provider %q, first quote %q", e.Date, e.Provider, e.Citations[0].Quote)
				}
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("visits %v, want %s", got, tc.want)
			}
		})
	}
}

// TestVisitLogDiagnosesAfterDate: a log's header line may print its
// diagnoses one space after a date ("DOI: 05/06/2023 Dx: S13.4XXD"); they
// are still the log's diagnoses, not lost to the date before them.
func TestVisitLogDiagnosesAfterDate(t *testing.T) {
	page := `Mesa Sports Chiropractic                              DAILY LOG
Patient: DOE, JANE DOB: 02/03/1981 DOI: 05/06/2023 Dx: S13.4XXD, M54.2
Date          Pain    CPT            Initials
05/15/2023    6/10    98941 97140    RB
05/17/2023    5/10    98941          RB
05/22/2023    4/10    98941          RB
RB = Rosa Bell, DC
`
	res := extractText(t, page)
	if len(res.Encounters) != 3 {
		t.Fatalf("got %d encounters, want 3", len(res.Encounters))
	}
	for _, e := range res.Encounters {
		codes := dxCodes(e)
		if strings.Join(codes, " ") != "S13.4XXD M54.2" {
			t.Errorf("%s: diagnoses %q", e.Date, codes)
		}
	}
}

// TestVisitLogDiagnosesOverPages: a log prints its diagnoses once, under
// a label that may say where they come from ("Diagnoses (per referral):"),
// over its first page; the rows of its further pages are treated for them
// too, citing that line.
func TestVisitLogDiagnosesOverPages(t *testing.T) {
	page1 := `Riverbend Occupational Therapy
410 Mill St, Eugene, OR 97401   Tel (541) 555-0142
OT TREATMENT LOG
Patient: Jane Doe   DOB: 01/02/1980
Diagnoses (per referral): M54.2, S13.4XXD
Date          Pain    Treatment                       CPT            OTR
04/01/2024    6/10    ADL retraining, splint check     97535 97760    LM
04/03/2024    5/10    ADL retraining                   97535          LM
04/08/2024    5/10    Fine motor, ADL                  97530 97535    LM
LM = Lisa Marsh, OTR/L
`
	page2 := `Riverbend Occupational Therapy – DOE, JANE – Page 2
04/10/2024    4/10    Fine motor                       97530          LM
04/15/2024    3/10    ADL retraining                   97535          LM
`
	res := extractText(t, page1, page2)
	if len(res.Encounters) != 5 {
		t.Fatalf("got %d encounters, want 5", len(res.Encounters))
	}
	for i, e := range res.Encounters {
		codes := dxCodes(e)
		n := len(e.Citations)
		if strings.Join(codes, " ") != "M54.2 S13.4XXD" || n < 2 || !strings.HasPrefix(e.Citations[n-1].Quote, "Diagnoses (per referral):") || e.Citations[n-1].Page != 1 {
			t.Errorf("row %d (%s): diagnoses %q, citations %+v", i, e.Date, codes, e.Citations)
		}
	}
}

// TestTravelCardRows: a practice management system's travel card prints a
// row per visit, numbered, with the day of the week, the codes posted,
// the initials of who treated and the copay collected, and names the
// clinicians in its print line at the foot of the page ("Printed ... by
// ... Providers: EA = ..."). Each numbered row is a visit whose clinician
// the legend names; the row of a no-show is none; the day of the week, the
// copay and the next appointment are no findings.
func TestTravelCardRows(t *testing.T) {
	page := `Evergreen Rehabilitation Services                                                    ROUTING SLIP HISTORY
Patient: DOE, JANE Acct 37612261 Case: AUTO ACCIDENT DOI 05/06/2023 Ins: Keystone Auto & Home
Visit#    Date              Day     VAS      Codes posted                            Prov           Pt       Copay      Next appt

12        08/31/2023        Thu     3        97110 97140 G0283                       EA             JD       30.00      09/04/2023
13        09/04/2023        Mon     3        97110 97140 G0283                       MO             JD       30.00      09/07/2023
          09/05/2023        Tue              NS - no show
14        09/07/2023        Thu     3        97110 97140 G0283                       EA             JD       30.00



Printed 10/25/2023 09:20 by bhaddad Providers: EA = Ellen Abbott, PTA; MO = Mia Owens, PTA                   Page 1 of 1
`
	res := extractText(t, page)
	want := []struct{ date, clin string }{{"2023-08-31", "Ellen Abbott, PTA"}, {"2023-09-04", "Mia Owens, PTA"}, {"2023-09-07", "Ellen Abbott, PTA"}}
	if len(res.Encounters) != len(want) {
		for _, e := range res.Encounters {
			t.Logf("%s %q", e.Date, e.Citations[0].Quote)
		}
		t.Fatalf("got %d encounters, want %d", len(res.Encounters), len(want))
	}
	for i, w := range want {
		e := res.Encounters[i]
		if e.Date.String() != w.date || e.Clinician != w.clin || len(e.Procedures) != 3 {
			t.Errorf("row %d: %s clinician %q procedures %v, want %+v", i, e.Date, e.Clinician, e.Procedures, w)
		}
		if e.Findings != "" {
			t.Errorf("row %d: findings %q", i, e.Findings)
		}
	}
	if len(res.Bills) != 0 {
		t.Errorf("%d bill lines from a travel card's copays", len(res.Bills))
	}
}

// TestVisitNumbersOCRDamaged: OCR reads a faxed travel card's visit
// numbers as it likes ("R" for 12, "B3" for 13) and strews specks around
// a date ("16  +  09/14/2023 *"); a row whose date stands in the column
// where the other numbered rows of its page print theirs, after one short
// cell, is a visit all the same.
func TestVisitNumbersOCRDamaged(t *testing.T) {
	page := `Evergreen Rehabilitation Services                                        ROUTING SLIP HISTORY
Patient: DOE, JANE Acct 37612261 Case: AUTO ACCIDENT DOI 05/06/2023 _ Ins: Keystone Auto & Home
Visité    Date            Day    VAS    Codes posted                       Prov      Pr        Copay       Next appt
R       08/31/2023       Thu    3       97110 97140 GO283                  EA        RV        30.00        09/04/2023
B3       09/04/2023       Mon    3       97110 97140 G0283                  MO       RV        30.00        09/07/2023
09/05/2023       Tue            NS - no show
14       09/07/2023       Thu    3       97110 97140 G0283                  EA        RV        30.00        09/11/2023
15       09/11/2023       Mon    2       97120 97140 G0283                  MO       RV       20.00        09/14/2023
16     +  09/14/2023 *         Thu    2       -97110 97140 G0283                   EA        Rv        30.00

Printed 10/25/2023 09:20 by bhaddad Providers: EA = Ellen Abbott, PTA; MO = Mia Owens, PTA                              _ Page lofi
`
	res := extractOCR(t, page)
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String())
	}
	if want := "2023-08-31 2023-09-04 2023-09-07 2023-09-11 2023-09-14"; strings.Join(got, " ") != want {
		t.Errorf("visits %v, want %s", got, want)
	}
}

// TestTravelCardCompactDates: a practice management system prints its
// travel card's dates as runs of digits (MMDDYYYY) under the "Date" head,
// the next appointment the same way under its own head. Each row is a
// visit on the date under "Date"; the no-show row is none.
func TestTravelCardCompactDates(t *testing.T) {
	page := `Spine Align Chiropractic                                                                                PATIENT TRAVEL CARD
Patient: DOE, JANE        Acct 65017775   Case: AUTO ACCIDENT   DOI 09282024        Ins: Harborline Auto Insurance
Visit#    Date           Day     VAS    Codes posted                    Prov        Pt         Copay      Next appt

11        02072025       Fri     3      98941 97014 97012               NV          JD         20.00      02102025
12        02102025       Mon     3      98941 97014 97012               GC          JD         25.00      02122025
          02112025       Tue            NS - no show
13        02122025       Wed     3      98941 97014 97012               NV          JD         20.00



Printed 03302025 16:02 by dstrand        Providers: GC = Gustavo Crane, DC; NV = Nadia Venkataraman, DC         Page 1 of 1
`
	res := extractText(t, page)
	want := []struct{ date, clin string }{{"2025-02-07", "Nadia Venkataraman, DC"}, {"2025-02-10", "Gustavo Crane, DC"}, {"2025-02-12", "Nadia Venkataraman, DC"}}
	if len(res.Encounters) != len(want) {
		for _, e := range res.Encounters {
			t.Logf("%s %q", e.Date, e.Citations[0].Quote)
		}
		t.Fatalf("got %d encounters, want %d", len(res.Encounters), len(want))
	}
	for i, w := range want {
		if e := res.Encounters[i]; e.Date.String() != w.date || e.Clinician != w.clin || len(e.Procedures) != 3 {
			t.Errorf("row %d: %s clinician %q procedures %v, want %+v", i, e.Date, e.Clinician, e.Procedures, w)
		}
	}
}

// TestDOSLabelReadAsPOS: a fax's OCR read the "DOS" label of a daily
// treatment record as "‘pos" before the weekday and the date; the record
// is the visit of that date, not part of the note before it.
func TestDOSLabelReadAsPOS(t *testing.T) {
	prev := `Evergreen Rehab - Outpatient PT
VESTIBULAR / BALANCE DAILY TREATMENT RECORD VARGA, RAVI pg 1
Patient Ravi Varga DOB 08-Sep-1969
DOS Mon 02-Oct-2023
Subjective Dizzy with head turns.
Pain(NPRS) 3/10
Therapist Anika Costa, DPT
`
	page := `Evergreen Rehab - Outpatient PT
Vestibular & Concussion Program
VESTIBULAR / BALANCE DAILY TREATMENT RECORD VARGA, RAVI pg 1
Patient Ravi Varga DOB 08-Sep-1969 _
‘pos Mon 09-Oct-2023
Visit : _ 16 of 16 (plan of care)
Subjective Less motion sensitivity since last visit; still foggy reading on screens.
Pain(NPRS) . 2/10 _
Therapist Anika Costa, DPT
`
	res := extractOCR(t, prev, page)
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String())
	}
	if strings.Join(got, " ") != "2023-10-02 2023-10-09" {
		t.Errorf("visits %v, want 2023-10-02 and 2023-10-09", got)
	}
}

// TestTravelCardVisitNumberReadAsLetters: a fax's OCR read the first
// row's visit number 11 as "ll"; its compact date stands where the other
// numbered rows print theirs, so it is a visit like them.
func TestTravelCardVisitNumberReadAsLetters(t *testing.T) {
	page := `Cornerstone Chiropractic & Wellness                            .              :                 PATIENT TRAVEL CARD
Patient: DOE, JANE Acct 16198789 Case: AUTO ACCIDENT DOI 09282024 Ins: Keystone Auto & Home
Visité#    Date            Day    VAS    Codes posted                       Prov      Pt:       Copay       Next appt
ll       02122025        Wed   4       98941 97014 97012                   cB        MT        30.00        02172025
02142025 *      Fri             CX - pt called
12.     02172025        Mon    2       98941 97014 97012                   KO        MT        20.00        02192025
13       02192025        Wed   3       98941 97014 97012      .             cB        MT       20.00        02212025
4       02212025        Fri     3       98941 97014 97012         .          KO      “MT       30.00        02242025
15       02242025        Mon    2       98941 97014 97012                   cB        MT       20.00

Printed 04012025 12:10 by mmensah Providers: KO = Kwame Okonkwo, DC; CB = Conrad Ballard, DC       .                       Page 1 of 1
`
	res := extractOCR(t, page)
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String())
	}
	if want := "2025-02-12 2025-02-17 2025-02-19 2025-02-21 2025-02-24"; strings.Join(got, " ") != want {
		t.Errorf("visits %v, want %s", got, want)
	}
}

// TestHomeDaysBesideClinicVisits: a home exercise log that also records
// the clinic's sessions marks where each day was spent. The clinic days
// are visits; the days at home (exercises done, or none) are the
// patient's own, though they print a pain score, and so is a remark that
// the patient sent no log for a while. A home-health log whose every
// visit was made at the patient's home keeps its visits.
func TestHomeDaysBesideClinicVisits(t *testing.T) {
	log := func(title string) string {
		return "Northshore Sports Therapy\n22 Lake St, Evanston, IL 60201   Tel 847-555-0117\n\n" + title + "\n" +
			"Patient: Jane Doe   DOB 02/02/1980\n" +
			"Day           Place        Activity                                  Minutes   Pain    By\n" +
			"03/04/2024    Clinic       97161 eval, 97110; program issued         60        6/10    RT\n" +
			"03/05/2024    Home         bridges 2x10, clamshells 2x15             15        5/10    pt\n" +
			"03/06/2024    Home         skipped                                                     pt\n" +
			"03/07/2024    Clinic       97110, 97140; program progressed          45        5/10    RT\n" +
			"03/08/2024    Home         bridges 2x10, bird dog 2x10               20        4/10    pt\n" +
			"03/09/2024                 Patient away, no sheet turned in until 03/20/2024\n" +
			"03/20/2024    Clinic       97110, 97530                              45        3/10    MS\n" +
			"03/21/2024    At home      walking 20 min                            20        3/10    pt\n"
	}
	for _, title := range []string{"HOME EXERCISE PROGRAM AND CLINIC VISITS", "HEP COMPLIANCE SHEET"} {
		t.Run(title, func(t *testing.T) {
			res := extractText(t, log(title))
			var got []string
			for _, e := range res.Encounters {
				got = append(got, e.Date.String())
			}
			if want := "2024-03-04 2024-03-07 2024-03-20"; strings.Join(got, " ") != want {
				t.Errorf("visits %q, want %s", got, want)
			}
		})
	}
	// The same log through a fax and OCR: specks beside the place, and in a
	// cell of their own after the date.
	scan := strings.NewReplacer("03/05/2024    Home    ", "03/05/2024    Home -  ",
		"03/06/2024    Home    ", "03/06/2024 .  Home    ", "03/08/2024    Home    ", "03/08/2024    Home *  ").Replace(log("HOME EXERCISE PROGRAM AND CLINIC VISITS"))
	var got []string
	for _, e := range extractOCR(t, scan).Encounters {
		got = append(got, e.Date.String())
	}
	if want := "2024-03-04 2024-03-07 2024-03-20"; strings.Join(got, " ") != want {
		t.Errorf("scanned: visits %q, want %s", got, want)
	}
	homeHealth := "Riverbend Home Health\n9 Mill Rd, Elgin, IL 60120\n\nHOME HEALTH THERAPY VISIT LOG\nPatient: Jane Doe\n" +
		"Date          Place        Treatment                     Pain    Therapist\n" +
		"04/01/2024    Home         97161 evaluation, gait        6/10    LK\n" +
		"04/03/2024    Home         97110, 97116 gait training    5/10    LK\n" +
		"04/05/2024    Home         97110, 97116 stairs           4/10    LK\n"
	if res := extractText(t, homeHealth); len(res.Encounters) != 3 {
		t.Errorf("home health visits: got %d encounters, want 3", len(res.Encounters))
	}
}

// TestVisitLogSignatureTimeWithSpeck: a nurse's signature date and time,
// wrapped onto a line of its own under the visit's notes, is no visit,
// though a scan left a speck beside it ("12-26-2023 18:30      ,").
func TestVisitLogSignatureTimeWithSpeck(t *testing.T) {
	row := func(d, in, out, pain, signed, speck string) string {
		return d + "  " + in + "     " + out + "     SN routine     C. Winslow            124/74      " + pain + "\n" +
			"Assessment: Neck stiffness in the morning, improves with heat; no new numbness or weakness.\n" +
			"Response: verbalized understanding; no adverse events. Electronically signed Conrad Winslow, RN\n" +
			signed + " 17:15" + speck + "\n"
	}
	text := "Visiting Nurses of the Valley\n3147 Medical Plaza, Bakersfield, CA 93301\nPhone (661) 555-0155\n\nSKILLED NURSING VISIT LOG\n" +
		"Patient: DOE, JANE   DOB: 07-20-1977          Start of care: 12-10-2023\n\n" +
		"Date        In        Out       Visit          Clinician             BP          Pain\n\n" +
		row("12-20-2023", "15:45", "16:50", "3/10", "12-20-2023.", "") +
		row("12-25-2023", "14:30", "15:20", "4/10", "12-26-2023", "          ,") +
		row("12-28-2023", "10:30", "11:15", "2/10", "12-28-2023", "     .")
	var got []string
	for _, e := range extractOCR(t, text).Encounters {
		got = append(got, e.Date.String())
	}
	if want := []string{"2023-12-20", "2023-12-25", "2023-12-28"}; !slices.Equal(got, want) {
		t.Errorf("encounters %v, want %v", got, want)
	}
}

// TestVisitLogLastPageOneRow: a log's last page may hold one row under its
// column heads, printed again; that row is a visit of the log, dated by its
// row, not a note dated by the signature under it. The pages are a
// development matter's home health log (internal/fixture/zoo,
// home_health_log) as pdftotext read them.
func TestVisitLogLastPageOneRow(t *testing.T) {
	pages := testPages(t, "home-health-log-p1.txt", "home-health-log-p2.txt")
	res := extractText(t, pages...)
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String())
	}
	if want := []string{"2023-05-09", "2023-05-12", "2023-05-14", "2023-05-17", "2023-05-20", "2023-05-24", "2023-05-26", "2023-05-29", "2023-05-31"}; !slices.Equal(got, want) {
		t.Errorf("encounters %v, want %v (pages %+v)", got, want, res.Pages)
	}
}

// testPages reads page texts kept under testdata/pages (development
// matters' pages as pdftotext gave them).
func testPages(t *testing.T, names ...string) []string {
	t.Helper()
	var pages []string
	for _, f := range names {
		b, err := os.ReadFile(filepath.Join("testdata", "pages", f))
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, string(b))
	}
	return pages
}

// TestLogDiagnosesAfterSpeck: on a fax, OCR set a speck before the "Dx:"
// label at the end of a session log's header line ("... Clinician: Conrad
// Costa, PsyD _Dx: F43.21, F45.42"); the codes still hold for every
// session of the page.
func TestLogDiagnosesAfterSpeck(t *testing.T) {
	page := "Clearwater Psych Assoc\nCLINICAL NOTES - ALL SESSIONS\n" +
		"Client: DOE, JANE DOB: 1961-04-24 Clinician: Conrad Costa, PsyD _Dx: F43.21, F45.42\n\n" +
		"2024-02-16 -   3:00PM      90834    49        Arrived - seen\nS: Reports fewer catastrophic thoughts about the neck.\n" +
		"I: Cognitive restructuring of catastrophic pain thoughts.\nR: Engaged, affect brighter. PHQ-9 8. P: Next session as scheduled.\nSigned: Conrad Costa, PsyD\n" +
		"2024-02-23     3:00 PM       --        0         No show - no charge\n\n" +
		"2024-03-01    3:00 PM      90834    45        Kept - individual, in person\nS: Slept 5-6 hours most nights; pain flares after work.\n" +
		"I: Pacing and activity scheduling; reviewed sleep diary.\nR: Engaged, affect brighter. PHQ-9 6. P: Next session as scheduled.\nSigned: Conrad Costa, PsyD\n"
	res := extractOCR(t, page)
	if got := encounterDates(res); got != "2024-02-16 2024-03-01" {
		t.Fatalf("encounters %s, want 2024-02-16 2024-03-01", got)
	}
	for _, e := range res.Encounters {
		dx := dxCodes(e)
		if strings.Join(dx, " ") != "F43.21 F45.42" {
			t.Errorf("%s: diagnoses %v, want F43.21 F45.42", e.Date, dx)
		}
	}
}

// TestVisitLogDiagnosesWrapped: a therapy log's treatment diagnoses, each
// code with its description, run on past the width of the page onto the
// next line; the codes of both lines hold for every row, up to the next
// label ("Plan of care:").
func TestVisitLogDiagnosesWrapped(t *testing.T) {
	for _, dx := range []string{
		"Treatment diagnoses: Concussion without loss of consciousness, subsequent encounter (S06.0X0D); Postconcussional syndrome\n" +
			"(F07.81); Attention and concentration deficit (R41.840)\n",
		"Treatment diagnoses: S06.0X0D Concussion without loss of consciousness, subsequent encounter; F07.81 Postconcussional\n" +
			"syndrome; R41.840 Attention and concentration deficit\n",
	} {
		page := "Harbor Speech Therapy                                             SPEECH-LANGUAGE PATHOLOGY TREATMENT LOG\n" +
			"Patient: DOE, JANE DOB: 01/02/1980\n" + dx +
			"Plan of care: 2x/week for 8 weeks; certification 03/04/2024 - 04/29/2024\n" +
			"Date          Time     Min    CPT                Goals addressed                        SLP\n" +
			"03/04/2024    10:30    60     96125              Evaluation; goals set                  AK\n" +
			"03/07/2024    10:30    45     97129, 97130 x2    G1 attention: alternating attention    AK\n" +
			"03/11/2024    10:30    30     92507              G2 memory: delayed recall              AK\n" +
			"03/14/2024    10:30    30     92507              G2 memory: delayed recall              AK\n" +
			"AK = Amy Kwan, MS, CCC-SLP\n"
		res := extractText(t, page)
		if len(res.Encounters) != 4 {
			t.Fatalf("got %d encounters, want 4", len(res.Encounters))
		}
		for i, e := range res.Encounters {
			if codes := strings.Join(dxCodes(e), " "); codes != "S06.0X0D F07.81 R41.840" {
				t.Errorf("row %d: diagnoses %q", i, codes)
			}
		}
	}
}
