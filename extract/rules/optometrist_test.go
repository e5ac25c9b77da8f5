package rules

import "testing"

// TestOptometristClinician: an optometrist signs as "Name, OD" (Doctor of
// Optometry), often with a fellowship after it (FAAO, FCOVD). The eye
// exam's grid prints OD for the right eye too ("OD 7 D", "OD 20/20"),
// after no name: that is no clinician.
func TestOptometristClinician(t *testing.T) {
	page := "Lakeview Eye Associates\n5264 Oak Ave, Bakersfield, CA 93301\n\nBINOCULAR VISION EXAM\n" +
		"Patient: Jane Doe                              DOB: 08/15/1971\n" +
		"Date of service: 03/14/2024                    Doctor: Ann Marie Lee, OD, FAAO\n" +
		"Referred by: Tom Reyes, PA-C\n" +
		"History: blurred vision after a concussion.\n" +
		"                     OD            OS\n" +
		"VA distance cc       20/20         20/25\n" +
		"Accommodative amplitude:   OD 7 D, OS 5 D\n" +
		"ASSESSMENT:\n  1. H51.11 - Convergence insufficiency\n" +
		"PLAN:\n  Vision therapy weekly.\n"
	res := extractText(t, page)
	if len(res.Encounters) != 1 {
		t.Fatalf("%d encounters, want 1", len(res.Encounters))
	}
	if got := res.Encounters[0].Clinician; got != "Ann Marie Lee, OD" && got != "Ann Marie Lee, OD, FAAO" {
		t.Errorf("clinician %q, want Ann Marie Lee, OD", got)
	}
}
