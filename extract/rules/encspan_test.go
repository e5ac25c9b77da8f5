package rules

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestEncounterSpanBoundsOCRDates: an EHR's encounter summary prints the
// span of the visits it lists ("Encounters 3/2/24 to 4/16/24"). Fax OCR
// read the last visit's date with one digit wrong ("4/26/24"), past the
// span's end; the visit is on the span's end, the one date of the span one
// digit from it. On a text page, and for a date no endpoint is one digit
// from, the date stays as printed.
func TestEncounterSpanBoundsOCRDates(t *testing.T) {
	page := func(last string) string {
		return "ENCOUNTER SUMMARY\nRiverbend Spine Center\n" +
			"DOE, JANE DOB 2/3/81 MRN 5521                                   Encounters 3/2/24 to 4/16/24\n\n" +
			"Consultation 3/2/24 9:15 AM                                      Status: Signed\n" +
			"Clinician: Mara Quill, DO Dept: Riverbend Spine Center\nReason: Neck pain radiating to the right arm.\n" +
			"Assessment: Cervical radiculopathy.\nPlan: Epidural steroid injection.\n\n" +
			"Follow-up " + last + " 10:20 AM                                        Status: Signed\n" +
			"Clinician: Mara Quill, DO Dept: Riverbend Spine Center\nReason: Follow-up after injection.\n" +
			"Assessment: Cervical radiculopathy, improving.\nPlan: Continue home exercises.\n"
	}
	for _, tc := range []struct {
		name, last string
		src        extract.PageSource
		want       string
	}{
		{"one digit past the end", "4/26/24", extract.SourceOCR, "2024-03-02 2024-04-16"},
		{"a text page", "4/26/24", extract.SourceText, "2024-03-02 2024-04-26"},
		{"no endpoint one digit away", "5/29/24", extract.SourceOCR, "2024-03-02 2024-05-29"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var res extract.Result
			if tc.src == extract.SourceOCR {
				res = extractOCR(t, page(tc.last))
			} else {
				res = extractText(t, page(tc.last))
			}
			if got := encounterDates(res); got != tc.want {
				t.Errorf("visits %q, want %q", got, tc.want)
			}
		})
	}
}
