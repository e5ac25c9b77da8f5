package rules

import "testing"

// TestEncounterDateInFooter: an EHR printout of a consult may print its
// visit's date only in the page footer, beside the print date ("Encounter
// Jan 9, 2024 Printed 6/16/24", "Enc Date 2024-01-09 | Printed ..."). The
// visit is dated by it, never by the print date, and belongs to the
// practice the banner names after the EHR's own name.
func TestEncounterDateInFooter(t *testing.T) {
	for _, tt := range []struct{ banner, footer string }{
		{"Epic Lakeview Neurosurgery", "Encounter Jan 9, 2024 Printed 6/16/24 2:55 PM"},
		{"PowerChart Lakeview Neurosurgery", "Enc Date 2024-01-09 | Printed 6/25/25 8:29 AM"},
	} {
		page := tt.banner + "                                   DOE, JANE DOB 1980-01-02 MRN 181188\n\n" +
			"Outpatient Consult (Spine Neurosurgery)\nProvider: Ann Lee, DO\n" +
			"Reason for consult: Second opinion, neck pain with right arm radiculopathy.\n" +
			"HPI:\nNeck pain radiates to the right thumb since a collision on 11/20/23; NPRS 6/10.\n" +
			"Exam:\nSpurling positive on the right. Biceps 4+/5.\n" +
			"Problem                                         Assessment & Plan\n" +
			"Radiculopathy, cervical region                  Dermatomal numbness right C6. Recheck strength\n" +
			"(M54.12)                                        after the injection.\n" +
			"Electronically signed by Ann Lee, DO\n\n\n\n" +
			tt.footer + "                                                Page 1 of 1\n"
		res := extractText(t, page)
		if len(res.Encounters) != 1 {
			t.Errorf("%s: %d encounters, want 1", tt.footer, len(res.Encounters))
			continue
		}
		e := res.Encounters[0]
		if e.Date.String() != "2024-01-09" || e.Provider != "Lakeview Neurosurgery" {
			t.Errorf("%s: %s %q, want 2024-01-09 Lakeview Neurosurgery", tt.footer, e.Date, e.Provider)
		}
	}
}
