package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestPlanOfCareDischarge: a therapy or chiropractic office's discharge
// summary closes a course of care that ran over many visits; it prints
// the course as one range ("Dates of service A - B, N visits"), a table of
// measures at the evaluation and at discharge, and the certification
// period and referral of the plan. The record is the discharge visit, on
// the day the course ends: the start of care is the evaluation's own
// record, and the referral, certification and signature are no visit.
func TestPlanOfCareDischarge(t *testing.T) {
	tests := []struct {
		name, page, want, kind string
	}{
		{"labelled discharge date and a course range", `                    Lakeshore Physical Therapy
               210 Harbor St, Erie, PA 16501  (814) 555-0110

                   PHYSICAL THERAPY DISCHARGE SUMMARY
Patient: ROWE, DANA                                     DOB: 04/11/1980
Referred by: Paul Ibsen, MD                             Referral date: 02/01/2024
Therapist: Grace Lund, PT, DPT                          Plan of care: 02/05/2024 to 05/04/2024
Discharge date: 03/29/2024
Course: Dates of service 02/05/2024 - 03/29/2024, 14 visits attended, 1 no-show.
Assessment: Cervical strain (S13.4XXD), improved.
Measure                         Initial 02/05/2024          Discharge 03/29/2024
Lumbar flexion                  40 deg                      70 deg
Electronically signed by Grace Lund, PT, DPT on 04/01/2024 9:12 AM
`, "2024-03-29", "physical therapy"},
		{"the last visit in columns", `                    Northside Chiropractic Clinic
               88 Elm Ave, Akron, OH 44301  (330) 555-0142

                        CHIROPRACTIC DISCHARGE
Patient: VANCE, ERIC                                    DOB: 09/30/1975
Provider: Omar Reyes, DC                                Onset: 10/02/2023
Initial exam: 10/09/2023       Last visit: 12/14/2023       Visits: 16 of 20
Diagnoses: M54.2 Cervicalgia
Goals met. Released to home exercise.
Signed: Omar Reyes, DC 12/18/2023
`, "2023-12-14", "chiropractic"},
		{"treatment dates through the discharge visit", `                    Summit Rehab & Sports Medicine
                  9 Main St, Troy, NY 12180  (518) 555-0190

                     DISCHARGE FROM PLAN OF CARE
Patient: KERR, LENA                                     DOB: 01/15/1990
Therapist: Ian Moss, PT                                 Certification: 06/03/2024 - 08/31/2024
Date of discharge visit: 07/19/2024
Treatment dates: 06/03/2024 through 07/19/2024; 12 visits attended of 16 authorized.
Pain 2/10 at discharge.
`, "2024-07-19", "physical therapy"},
		{"a speck between the count and its word, as OCR sets it", `                    Summit Rehab & Sports Medicine
                  9 Main St, Troy, NY 12180  (518) 555-0190

                     DISCHARGE FROM PLAN OF CARE
Patient: KERR, LENA                                     DOB: 01/15/1990
_ Therapist: Ian Moss, PT                               Certification period: 06/03/2024 to 08/31/2024
Date of discharge visit: 07/19/2024
Treatment dates: 06/03/2024 through 07/19/2024; 12 visits. attended of 16. authorized.
Pain 2/10 at discharge.
`, "2024-07-19", "physical therapy"},
		{"a hyphen for the space after the count, as a copier's scan reads it", `                    Cedar Chiropractic
                  40 Oak St, Kent, OH 44240  (330) 555-0177

                 DISCHARGE SUMMARY - CHIROPRACTIC.CARE
Patient: HALE, JUNE                                     DOB: 20-Jul-1977
Referring physician: Nora Quist, PA-C                   Referral date: 11-Dec-2023
Treating clinician: Omar Reyes, DC                      Certification period: 18-Dec-2023 to 16-Feb-2024
Discharge date: 17-Jan-2024
'Course of care: Dates of service 18-Dec-2023 - 17-Jan-2024, 11-visits attended, 2 cancelled / no-show.
Pain at discharge: 4/10 (at evaluation 6/10).
Electronically signed by Omar Reyes, DC on 21-Jan-2024 8:49 AM
`, "2024-01-17", "chiropractic"},
		{"a semicolon for the colon of the visit count", `                    Northside Chiropractic Clinic
               88 Elm Ave, Akron, OH 44301  (330) 555-0142

                   DISCHARGE SUMMARY - CHIROPRACTIC CARE
Patient: VANCE, ERIC                                    DOB: 09/30/1975
Treating clinician: Omar Reyes, DC                      Certification period: 10/09/2023 to 01/07/2024
Start of care: 10/09/2023       Last visit: 12/14/2023       Visits; 16 of 20
Diagnoses: M54.2 Cervicalgia
Signed: Omar Reyes, DC 12/18/2023
`, "2023-12-14", "chiropractic"},
		{"a count OCR lost, the plan's certification period printed", `CORNERSTONE    CHIROPRACTIC

Spine and Injury Rehabilitation
5526 Riverside Dr, Brookfield, WI 53045
DISCHARGE SUMMARY - CHIROPRACTIC CARE
Patient: HALE, JUNE                                       DOB: 7/20/77
Treating clinician: Omar Reyes, DC                         Certification period: 12/18/23 to 3/16/24

Date of discharge visit: 1/17/24
Treatment dates: 12/18/23 through 1/17/24; ul visits attended of 15 authorized.
Pain at discharge: 4/10 (at evaluation 6/10).
`, "2024-01-17", "chiropractic"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extractText(t, tc.page)
			if len(res.Encounters) != 1 {
				for _, e := range res.Encounters {
					t.Logf("encounter %s %q", e.Date, e.Citations[0].Quote)
				}
				t.Fatalf("%d encounters, want 1", len(res.Encounters))
			}
			e := res.Encounters[0]
			if e.Date.String() != tc.want || !e.EndDate.IsZero() {
				t.Errorf("date %s to %s (cited %q), want %s", e.Date, e.EndDate, e.Citations[0].Quote, tc.want)
			}
			if !quoteHasDate(e.Citations[0].Quote, e.Date) {
				t.Errorf("first quote %q does not hold the date", e.Citations[0].Quote)
			}
			if e.VisitType != tc.kind {
				t.Errorf("visit type %q, want %q", e.VisitType, tc.kind)
			}
		})
	}
}

// TestPlanOfCareDischargeAfterNoteOCR: on a fax, the office's discharge
// summary follows its last SOAP note, and OCR set a speck in front of its
// title (":    DISCHARGE SUMMARY - CHIROPRACTIC CARE"): still a record of
// its own, the discharge visit, not a page of the note before it whose
// certification period would then span the course.
func TestPlanOfCareDischargeAfterNoteOCR(t *testing.T) {
	note := `NORTHSIDE CHIROPRACTIC CLINIC                                        SOAP NOTE
Patient: VANCE, ERIC                                   DOB: 09-30-1975
Date of Service: 10.09.2023
Provider: Omar Reyes, DC
S: Neck pain 6/10 with sitting.
A: Cervicalgia (M54.2)
P: CMT 3-4 regions, return in 2 days.
Electronically signed by Omar Reyes, DC
`
	discharge := `Northside Chiropractic Clinic
88 Elm Ave, Akron, OH 44301
Phone (330) 555-0142 Fax (330) 555-0143

:                  DISCHARGE SUMMARY - CHIROPRACTIC CARE
Patient: VANCE, ERIC                                   DOB: 09-30-1975
Treating clinician: Omar Reyes, DC                   Certification period: 10-09-2023 to 01-07-2024
Start of care: 10-09-2023          Last visit: 12-14-2023             Visits: 16 of 20
DIAGNOSES:
1. M54.2 - Cervicalgia
Pain at discharge: 2/10 (at evaluation 6/10).
Electronically signed by Omar Reyes, DC on 12-18-2023 11:48 AM
`
	res := extractOCR(t, note, discharge)
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String()+".."+e.EndDate.String())
	}
	if want := "2023-10-09.. 2023-12-14.."; fmt.Sprint(strings.Join(got, " ")) != want {
		t.Errorf("encounters %q, want %q", strings.Join(got, " "), want)
	}
}
