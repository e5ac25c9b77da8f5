package rules

import "testing"

// TestAbbreviatedPrimaryCare: a practice that abbreviates its internal or
// family medicine in its letterhead ("Int Med", "Fam. Med.") is primary
// care, as when it spells the words out; occupational medicine is not.
func TestAbbreviatedPrimaryCare(t *testing.T) {
	testPracticeKinds(t, []struct{ practice, kind string }{
		{"Lakeview Int Med", "primary_care"},
		{"Harbor Fam. Med. Associates", "primary_care"},
		{"Lakeview Internal Medicine", "primary_care"},
		{"Lakeview Occupational Medicine", "other"},
	})
}

// TestNeurodiagnosticLaboratory: a neurodiagnostic laboratory records EMG,
// nerve conduction and EEG studies: neurology, not the imaging its
// "diagnostic" would make it (an MRI ordered before its study is not
// answered by it).
func TestNeurodiagnosticLaboratory(t *testing.T) {
	testPracticeKinds(t, []struct{ practice, kind string }{
		{"Summit Neurodiagnostic Laboratory", "neurology"},
		{"Harbor Electrodiagnostic Associates", "neurology"},
		{"Meridian Diagnostic Radiology", "radiology"},
		{"Advanced Diagnostic Imaging", "radiology"},
	})
}

// testPracticeKinds checks the provider kind of an office note headed by
// each practice's name.
func testPracticeKinds(t *testing.T, tests []struct{ practice, kind string }) {
	t.Helper()
	note := func(practice string) string {
		return practice + "\n400 Lake St, Duluth, MN 55802\nOFFICE VISIT\nDate of service: 05/02/2024\n" +
			"SUBJECTIVE: Neck pain after a collision.\nASSESSMENT: Cervical strain.\nPLAN: Ibuprofen.\n"
	}
	for _, tt := range tests {
		t.Run(tt.practice, func(t *testing.T) {
			res := extractText(t, note(tt.practice))
			if len(res.Encounters) != 1 {
				t.Fatalf("got %d encounters, want 1", len(res.Encounters))
			}
			if got := res.Encounters[0].ProviderKind; got != tt.kind {
				t.Errorf("kind %q, want %q", got, tt.kind)
			}
		})
	}
}

// TestLaboratoryPrintout: a laboratory's printout that heads its results
// in a column right of the patient's name is a laboratory visit, though a
// physician's box of the results it reviewed makes none (see
// TestStateInjuryReportForm).
func TestLaboratoryPrintout(t *testing.T) {
	page := "Northlake Reference Laboratories\n90 Lab Way, Duluth, MN 55802\n" +
		"Patient: DOE, JANE                            LAB RESULTS\n" +
		"Collected: 05/02/2024 08:10     Received: 05/02/2024 11:00     Reported: 05/03/2024\n" +
		"Test                 Result      Flag\nCRP                  12.1        H\nESR                  28          H\n"
	res := extractText(t, page)
	if len(res.Encounters) != 1 {
		t.Fatalf("got %d encounters, want 1", len(res.Encounters))
	}
	if got := res.Encounters[0].VisitType; got != "laboratory" {
		t.Errorf("visit type %q, want laboratory", got)
	}
}
