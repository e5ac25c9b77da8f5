package rules

import "testing"

// TestBirthDateNeverVisit: OCR read a page's "DOB" as "Dos" (a fax's B
// set like an s), so the patient's birth date stood under a label of the
// date of service. The document prints the birth date, well read, on its
// other pages: that date is the patient's birth, on every page, never a
// visit.
func TestBirthDateNeverVisit(t *testing.T) {
	first := "ST LUKE'S REGIONAL HOSPITAL - EMERGENCY DEPARTMENT\n" +
		"Patient: HALE, DANA M          DOB: 07/20/1977          MRN 4471022\n" +
		"EMERGENCY DEPARTMENT RECORD\nDate of service: 12/06/2023   Arrival 14:05\n" +
		"Chief complaint: neck pain after a rear-end collision today.\n" +
		"Assessment: cervical strain.\nPlan: ibuprofen, follow up with primary care.\n" +
		"Rebecca Finn, MD\n"
	second := "ST LUKE'S REG HOSP ED                                        PT: HALE, DANA M\n" +
		"Dos: 07/20/1977   MRN 4471022\n" +
		"NURSING TRIAGE NOTE\n" +
		"Pain Score: 8/10   Neck pain, restrained driver, rear-end collision.\n" +
		"Vitals stable. Ambulatory with steady gait.\n" +
		"Carla Diaz, RN\n"
	res := extractOCR(t, first, second)
	for _, e := range res.Encounters {
		if e.Date.String() == "1977-07-20" {
			t.Errorf("encounter dated the patient's birth: %+v", e.Citations[0])
		}
	}
	if len(res.Encounters) == 0 || res.Encounters[0].Date.String() != "2023-12-06" {
		t.Errorf("encounters %+v, want the visit of 2023-12-06 first", res.Encounters)
	}
}
