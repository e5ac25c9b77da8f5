package rules

import (
	"strings"
	"testing"
)

// TestProcedureConsentProvider: a practice's informed consent for a
// procedure dates the procedure ("Scheduled date:", "Date of procedure:"),
// not the signatures of the day before (the patient's, the witness's,
// the physician's), and is the practice's record: its
// letterhead names the provider, not the hospital its "Facility:" box
// says the procedure is booked in, nor the form's title.
func TestProcedureConsentProvider(t *testing.T) {
	consent := func(head, dateLine, facility string) string {
		return head + "\n\n            Informed Consent for Surgical / Invasive Procedure\n" +
			"Patient: DOE, JANE DOB: 01/02/1980 MRN: 88213\n\n" + dateLine + "\n" +
			"Physician: Ann Lee, MD                              Facility: " + facility + "\n" +
			"1. I, Jane Doe, hereby authorize Ann Lee, MD, and such assistants as may be selected, to perform the\nfollowing procedure(s):\n" +
			"Procedure:               Lumbar epidural steroid injection L4-L5 with fluoroscopy\n" +
			"Reason:                  Low back pain radiating to the leg with a disc herniation on MRI\n" +
			"2. The risks (infection, bleeding, nerve injury, headache), the benefits and the alternatives have been explained to me.\n" +
			"Patient signature: Jane Doe (signed)   Date: 03/13/2024            Time: 1022\n" +
			"Witness: Mary Yates, RN   Date: 03/13/2024   Time: 1024\n\n" +
			"PHYSICIAN ATTESTATION: I have explained the procedure, its risks, benefits and alternatives to the patient.\n" +
			"Physician signature: Ann Lee, MD   Date: 03/13/2024   Time: 1032\n"
	}
	tests := []struct {
		name, page, provider string
	}{
		{"letterhead, the hospital in the facility box", consent("LAKESIDE ORTHOPAEDIC SURGERY PC\n40 Bay Rd, Tampa, FL 33601\nPhone (813) 555-0152 Fax (813) 555-0105",
			"Scheduled date: 03/14/2024", "MERCY GENERAL HOSPITAL"), "Lakeside Orthopaedic"},
		{"the practice's suite heading the page", consent("NORTHGATE PAIN MANAGEMENT CENTER - procedure suite                               MRN 88213",
			"Date of procedure: 03/14/2024", "NORTHGATE PAIN MANAGEMENT CENTER - procedure suite"), "Northgate Pain"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractText(t, tt.page)
			if got := encounterDates(res); got != "2024-03-14" {
				t.Fatalf("visits %q, want 2024-03-14", got)
			}
			if p := res.Encounters[0].Provider; !strings.Contains(strings.ToLower(p), strings.ToLower(tt.provider)) {
				t.Errorf("provider %q, want %s", p, tt.provider)
			}
		})
	}
}
