package layout

import (
	"strings"
	"testing"
)

// TestDiagnosisLineAtFootOfPages: the same diagnosis, its description then
// its code, printed last on two pages of different records (a hospital's
// problem list over the print stamp, an office's visit diagnoses) is the
// records' text, not a running footer; a footer that repeats stays one.
func TestDiagnosisLineAtFootOfPages(t *testing.T) {
	grid := "Mercy Regional Medical Center      HOSPITALIST PROGRESS NOTES\n" +
		"Seen by     Omar Haddad, MD\n" +
		"Active problems:\n" +
		"  Sprain of ligaments of cervical spine, initial encounter (S13.4XXA)\n" +
		"  Post-traumatic headache, unspecified, not intractable (G44.309)\n" +
		"Printed 4/21/24 by mfinnegan    Page 1 of 1\n"
	medrec := "Westbrook Family Medicine      MEDICATION RECONCILIATION\n" +
		"Visit diagnoses:\n" +
		"  Cervicalgia (M54.2)\n" +
		"  Post-traumatic headache, unspecified, not intractable (G44.309)\n" +
		"Westbrook Family Medicine - confidential patient record 1\n"
	third := "Westbrook Family Medicine      OFFICE VISIT\n" +
		"Plan: follow up in two weeks.\n" +
		"Westbrook Family Medicine - confidential patient record 2\n"
	d := Analyze(pagesOf(grid, medrec, third))
	for _, l := range d.Lines {
		switch {
		case strings.Contains(l.Trim, "(G44.309)") && l.Boiler != BoilerNone:
			t.Errorf("page %d: %q is %q, want the record's text", l.Page, l.Trim, l.Boiler)
		case strings.Contains(l.Trim, "confidential patient record") && l.Boiler == BoilerNone:
			t.Errorf("page %d: %q is no footer", l.Page, l.Trim)
		}
	}
}
