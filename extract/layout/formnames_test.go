package layout

import "testing"

// TestProviderNames: a legal suffix the scan cut to its first letter
// ("... SURGERY P", "..., |p") is no part of the name, and the federal department
// that publishes a form (CMS-700, CMS-1500) is no provider.
func TestProviderNames(t *testing.T) {
	for in, want := range map[string]string{
		"HARBORVIEW ORTHOPAEDIC SURGERY P": "HARBORVIEW ORTHOPAEDIC SURGERY",
		"Cedar Ridge Physical Therapy":     "Cedar Ridge Physical Therapy",
		"Vitamin P":                        "Vitamin P",
		// OCR read the suffix's first letter with a rule's speck before
		// it, what was left of "P.A." glued to the next label.
		"CAPITOL NEUROSURGICAL ASSOCIATES, |p":  "CAPITOL NEUROSURGICAL ASSOCIATES",
		"CAPITOL NEUROSURGICAL ASSOCIATES, |pr": "CAPITOL NEUROSURGICAL ASSOCIATES",
	} {
		if got := CleanProvider(in); got != want {
			t.Errorf("CleanProvider(%q) = %q, want %q", in, got, want)
		}
	}
	for _, s := range []string{"DEPARTMENT OF HEALTH AND HUMAN SERVICES", "DEPARTMENT OF HEALTH. AND HUMAN SERVICES", "‘DEPARTMENT OF HEALTH AND HUMAN SERVICES", "Centers for Medicare & Medicaid Services", "U.S. Department of Labor"} {
		if !formPublisher(s) {
			t.Errorf("%q: not read as a form's publisher", s)
		}
	}
	if formPublisher("Cedar Ridge Health Services") {
		t.Error("a practice read as a form's publisher")
	}
}
