package rules

import "testing"

// TestPortalVisitSummaryAndProviderNote: a patient portal's printout of an
// ED visit gives the visit's summary (its date, timeline) and, under it on
// the same page, the provider's note, which prints no date of service of
// its own, only the day it was signed. Both are the one visit: the note's
// signature date is no second encounter.
func TestPortalVisitSummaryAndProviderNote(t *testing.T) {
	page := `  MyCare Portal                                                                                        Ravi Varga
  ST LUKES REGIONAL HOSPITAL                                                                           DOB: 9/8/69

ED Visit Summary
Date of visit: May 6, 2023
Department: Emergency Medicine
Treating provider: Conrad Venkataraman, DO
Your Visit Timeline
14:33        Arrived by ambulance
15:31        Triage - pain score 8/10, ESI level 2
15:51        Seen by Conrad Venkataraman, DO
16:19        Medication given: ketorolac 15 mg IV
17:00        Discharged home
ED Provider Note
HISTORY OF PRESENT ILLNESS:
53-year-old who was a restrained driver struck on the driver's side at an intersection on 5/6/23, brought in
by ambulance on a backboard. Complains of neck pain, low back pain and headache; no loss of
consciousness.
PHYSICAL EXAM:
GCS 15. Midline and paraspinal cervical tenderness with spasm. Lumbar paraspinal tenderness. Strength
5/5, sensation intact.
DIAGNOSES:
  1. S13.4XXA - Sprain of ligaments of cervical spine, initial encounter
  2. S16.1XXA - Strain of muscle, fascia and tendon at neck level, initial encounter
Referred to orthopedics for follow-up within 1 week.
Electronically signed by Conrad Venkataraman, DO on 5/7/23 11:23 AM

Printed from the patient portal on 11/5/23 9:48 AM                                                            1 of 1
`
	res := extractText(t, page)
	if len(res.Encounters) != 1 {
		for _, e := range res.Encounters {
			t.Logf("encounter %s %q", e.Date, e.Provider)
		}
		t.Fatalf("%d encounters, want the one visit of May 6", len(res.Encounters))
	}
	e := res.Encounters[0]
	if e.Date.String() != "2023-05-06" {
		t.Errorf("date %s, want 2023-05-06", e.Date)
	}
	if len(e.Diagnoses) != 2 {
		t.Errorf("diagnoses %v, want the provider note's two", e.Diagnoses)
	}
}
