package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestDepositionTranscript: a deposition transcript that a production
// includes (a treating physician's testimony) prints numbered lines, 1 to
// 25 a page, of questions and answers ("Q." and "A."), under a caption
// page (the court, the parties, "DEPOSITION OF", date, place, the
// shorthand reporter) and over the reporter's certificate. The witness
// names visits in answers, the reporter dates the certificate: none of it
// is a visit, every page is administrative. A physician's report that says
// it reviewed a deposition transcript is still a report of its visit.
func TestDepositionTranscript(t *testing.T) {
	tests := []struct {
		name, text, class string
	}{
		{"caption page", "                                  Page 1\n" +
			" 1   IN THE CIRCUIT COURT OF COOK COUNTY, ILLINOIS\n 2\n 3   JANE DOE,\n 4             Plaintiff,\n" +
			" 5   v.                                  Case No. 2023-L-004411\n 6   JOHN ROE,\n 7             Defendant.\n 8\n" +
			" 9   DISCOVERY DEPOSITION OF ANN LEE, M.D.\n10\n11   DATE:   Tuesday, March 5, 2024\n12   TIME:   2:00 PM\n" +
			"13   PLACE:  100 Main St, Chicago, IL\n14\n15   Reported by: Carol Hunt, CSR No. 084-1234\n16\n17   APPEARANCES:\n" +
			"18      On behalf of the Plaintiff: Smith & Jones, LLC\n19      On behalf of the Defendant: Baker Legal Group\n", extract.PageAdmin},
		{"questions and answers", "                                  Page 7\n" +
			" 1   BY MR. SMITH:\n 2        Q. When did you first see her?\n 3        A. On May 8, 2023, in my office.\n" +
			" 4        Q. What did she complain of?\n 5        A. Neck pain, 7 out of 10, after the collision.\n" +
			" 6        Q. Did you see her again?\n 7        A. Yes, on June 2, 2023; I ordered an MRI that day.\n" +
			" 8        Q. And the MRI showed?\n 9        A. A disc protrusion at C5-6.\n10        Q. Did you refer her anywhere?\n" +
			"11        A. To physical therapy, three times a week.\n", extract.PageAdmin},
		{"reporter's certificate", "                                  Page 42\n" +
			" 1                   REPORTER'S CERTIFICATE\n 2\n 3        I, Carol Hunt, a Certified Shorthand Reporter, certify that the\n" +
			" 4   witness was duly sworn and that the foregoing deposition is a true\n 5   record of the testimony given.\n 6\n" +
			" 7        Dated: March 19, 2024\n 8\n 9                  Carol Hunt, CSR No. 084-1234\n", extract.PageAdmin},
		{"examiner's report that reviewed a deposition", "Lakeside Orthopaedics\nINDEPENDENT MEDICAL EXAMINATION\n" +
			"Date of examination: 04/02/2024\nRECORDS REVIEWED: MRI cervical spine; the deposition transcript of the claimant.\n" +
			"HISTORY: Neck pain since a collision.\nEXAMINATION: Tenderness C5-C7, range of motion reduced.\n" +
			"ASSESSMENT: Cervical strain (S13.4XXA).\nPLAN: Home exercise.\n", extract.PageClinical},
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
