package rules

import (
	"strings"
	"testing"
)

// TestDailyProgressNotes: a hospital prints an admission's daily notes one
// after another under one banner; each note's heading carries its own day,
// on the heading's line or alone above it, and each is an encounter of its
// own. The admission date on the banner dates none of them.
func TestDailyProgressNotes(t *testing.T) {
	tests := []struct {
		name string
		page string
		want []string
	}{
		{"date and time on the heading", `Mercy General Hospital                                  INPATIENT PROGRESS NOTES
Patient: DOE, JANE                         MRN: 44120                Acct: 99812
DOB: 02/03/1981                            Admission: 03/04/2024     Bed: 4N-12

3/5/2024 7:15 AM Progress Note - Alan Park, MD
Subjective: Slept well. Neck pain 5/10.
Objective: Afebrile, vitals stable. Tender paraspinals.
Assessment: Cervical strain, improving.
Plan: Continue PT, advance diet.
Electronically signed by Alan Park, MD on 3/6/2024 at 8:02 AM

3/6/2024 6:50 AM Progress Note - Alan Park, MD
Subjective: Ambulating in hall. Neck pain 3/10.
Objective: Vitals stable. Neuro intact.
Assessment: Cervical strain, improved.
Plan: Discharge home today.
Electronically signed by Alan Park, MD on 3/6/2024 at 1:10 PM
`, []string{"2024-03-05", "2024-03-06"}},
		{"the day alone above the heading", `MERCY GENERAL HOSPITAL                                             PROGRESS NOTES
Patient: DOE, JANE                          MRN: 44120             Acct: 99812
DOB: 02-03-1981                             Admit Date: 03-04-2024  Room: 4N-12

*** 03-05-2024 ***
Hospitalist Progress Note (Alan Park, MD)
Subjective
  Slept well. Neck pain 5/10.
Assessment
  Cervical strain, improving.
Plan
  Continue PT.

*** 03-06-2024 ***
Hospitalist Progress Note (Alan Park, MD)
Subjective
  Ambulating in hall. Neck pain 3/10.
Assessment
  Cervical strain, improved.
Plan
  Discharge home today.
`, []string{"2024-03-05", "2024-03-06"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extractText(t, tc.page)
			var got []string
			for _, e := range res.Encounters {
				got = append(got, e.Date.String())
				if !quoteHasDate(e.Citations[0].Quote, e.Date) {
					t.Errorf("%s: first quote %q does not hold the date", e.Date, e.Citations[0].Quote)
				}
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("dates %v, want %v", got, tc.want)
			}
		})
	}
}

// TestAdmissionAndDischargeRecords: the admission's history and physical
// and the discharge summary of one stay print the same admission date and
// often the same diagnoses, yet they are two records, each its own
// encounter; a page printed twice stays one.
func TestAdmissionAndDischargeRecords(t *testing.T) {
	hp := "Mercy General Hospital\n12 Elm St, Erie, PA 16501\n\nHISTORY AND PHYSICAL\nPatient: DOE, JANE   MRN: 5512\n" +
		"Admit Date: 06-Dec-2023   Attending: Ann Lee, MD\nHPI: restrained driver in a collision, headache and neck pain.\n" +
		"ASSESSMENT:\n  1. S06.0X0A - Concussion without loss of consciousness, initial encounter\n  2. S13.4XXA - Sprain of ligaments of cervical spine, initial encounter\n" +
		"PLAN: observation, neuro checks every 4 hours.\n"
	ds := "Mercy General Hospital\n12 Elm St, Erie, PA 16501\n\nDISCHARGE SUMMARY\nPatient: DOE, JANE   MRN: 5512\n" +
		"Admit Date: 06-Dec-2023   D/C Date: 09-Dec-2023\nHospital Course: headache improved; cleared by therapy.\n" +
		"DISCHARGE DIAGNOSES:\n  1. S06.0X0A - Concussion without loss of consciousness, initial encounter\n  2. S13.4XXA - Sprain of ligaments of cervical spine, initial encounter\n" +
		"Condition at Discharge: stable.\n"
	res := extractText(t, hp, "Mercy Outpatient Lab\nLAB REPORT\nCollected: 01/02/2024\nCBC normal.\n", ds)
	var got []string
	for _, e := range res.Encounters {
		if e.Date.String() == "2023-12-06" {
			got = append(got, e.VisitType)
		}
	}
	if len(got) != 2 {
		t.Errorf("encounters of 2023-12-06: %q; want the admission and the discharge summary", got)
	}
	res = extractText(t, hp, hp)
	if len(res.Encounters) != 1 {
		t.Errorf("a page printed twice: %d encounters, want 1", len(res.Encounters))
	}
}
