package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestProcedureConsent: a practice's informed consent for a surgical or
// invasive procedure is part of the chart of the procedure (the patient
// "authorizes" the physician to perform it, names no records to release):
// it is a clinical page, not a HIPAA authorization. A release of records
// is still administrative.
func TestProcedureConsent(t *testing.T) {
	tests := []struct {
		name, text, class string
	}{
		{"informed consent", "Lakeside Orthopaedics\n40 Bay Rd, Tampa, FL 33601\n\n" +
			"         CONSENT FOR SURGICAL OR INVASIVE PROCEDURE\n" +
			"Patient: DOE, JANE   DOB: 01/02/1980   MRN: 88213\nScheduled date: 03/14/2024\n" +
			"1. I, Jane Doe, hereby authorize Ann Lee, MD, and her assistants to perform the following procedure:\n" +
			"Procedure: Lumbar epidural steroid injection L4-L5 under fluoroscopy\n" +
			"The risks (infection, bleeding, nerve injury, headache), the benefits and the alternatives have been explained to me.\n" +
			"Anesthesia: local\nShould an unforeseen condition arise during the procedure, I authorize the physician to do what is necessary.\n" +
			"Patient signature: Jane Doe   Date: 03/13/2024\nPhysician signature: Ann Lee, MD   Date: 03/13/2024\n", extract.PageClinical},
		{"release of records", "Lakeside Orthopaedics\nAUTHORIZATION FOR RELEASE OF PROTECTED HEALTH INFORMATION\n" +
			"Patient: Jane Doe   DOB: 01/02/1980\nI authorize Lakeside Orthopaedics to release my records of 01/01/2024 to present to Smith Law.\n" +
			"Purpose: legal. This authorization expires one year from the date signed. I may revoke this authorization in writing.\n" +
			"Signature: Jane Doe   Date: 03/13/2024\n", extract.PageAdmin},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(pagesOf(tt.text))
			if got := d.Pages[0].Class; got != tt.class {
				t.Errorf("class %q, want %q", got, tt.class)
			}
		})
	}
}
