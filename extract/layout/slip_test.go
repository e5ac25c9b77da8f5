package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestRepeatedSlipSheetsAreBlank: slip sheets between the parts of a
// production print the same caption, which, read alike on every sheet,
// becomes the document's boilerplate; the sheets stay blank pages although
// OCR reads the line under the caption a little differently each time.
func TestRepeatedSlipSheetsAreBlank(t *testing.T) {
	note := func(head, dos string) string {
		return head + "PROGRESS NOTE\nDate of service: " + dos + "\nSUBJECTIVE: Neck pain 5/10.\nASSESSMENT: Cervical strain.\n"
	}
	d := Analyze(pagesOf(
		"FAX COVER SHEET\nTo: Law Office of D. Prescott\nFrom: Momentum Physical Therapy\nDate: 04/22/2024\nNumber of pages (including cover): 6",
		"SLIP SHEET |\n\n’ Next tab",
		note("Momentum Physical Therapy\n120 Main St, Reno, NV 89501\n", "02/01/2024"),
		"SLIP SHEET |\n\nNext tab",
		note("Harbor Family Practice\n12 Bay Rd, Erie, PA 16501\n", "03/04/2024"),
		"SLIP SHEET |\n\n- Next tab.",
	))
	for _, i := range []int{1, 3, 5} {
		if c := d.Pages[i].Class; c != extract.PageBlank {
			t.Errorf("slip sheet on page %d is %q, want blank", i+1, c)
		}
	}
}

// TestRepeatedContinuedIsNoSlipSheet: "CONTINUED" repeated over a note's
// pages is their boilerplate, and a short last page under it is no blank.
func TestRepeatedContinuedIsNoSlipSheet(t *testing.T) {
	d := Analyze(pagesOf(
		"Harbor Family Practice\nPROGRESS NOTE\nDate of service: 03/04/2024\nSUBJECTIVE: Neck pain 5/10.\nASSESSMENT: Cervical strain.\nCONTINUED",
		"CONTINUED\nPLAN: PT 2x/week.\nSigned A. Lane, MD 03/04/2024",
		"Harbor Family Practice\nPROGRESS NOTE\nDate of service: 03/18/2024\nSUBJECTIVE: Neck pain 4/10.\nASSESSMENT: Cervical strain.\nCONTINUED",
		"CONTINUED\nPLAN: Continue PT.\nSigned A. Lane, MD 03/18/2024",
	))
	for _, i := range []int{1, 3} {
		if c := d.Pages[i].Class; c == extract.PageBlank {
			t.Errorf("page %d under a repeated CONTINUED is blank", i+1)
		}
	}
}
