package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestShiftNoteSeries: a nursing unit's notes by shift head each block
// with its date and the shift's hours, name the attending under it, and
// open each entry with a 24-hour time ("0815 Patient resting."). Those
// times look like a claim form's revenue codes, and "Attending" is a
// UB-04 box's word, yet entries of prose with no amount are no bill's
// rows: the page is a clinical record. A facility claim's rows of
// revenue codes, descriptions and amounts still make a bill.
func TestShiftNoteSeries(t *testing.T) {
	block := func(date, hours, nurse string) string {
		return date + " " + hours + "\n" +
			"Attending: Maya Ortiz, MD   Nurse: " + nurse + ", RN\n" +
			"0815 Assessment done, patient alert and oriented, dressing dry and\n" +
			"     intact.\n" +
			"0130 Asleep, respirations even.\n" +
			"0540 Vitals taken and within normal limits.\n"
	}
	notes := "Lakeside Community Hospital                          NURSING NOTES - SHIFT\n" +
		"Patient: ROE, SAM                 MRN: 445120          Unit: 3 East\n" +
		"DOB: 02/11/1970                   Admit Date: 03/03/2024   Room: 312\n\n" +
		block("03/04/2024", "0700-1900", "Lena Park") + block("03/04/2024", "1900-0700", "Omar Reyes") +
		block("03/05/2024", "0700-1900", "Lena Park")
	ub := "UB-04 UNIFORM BILL   TYPE OF BILL 0111\nPATIENT CONTROL NO 5521   STATEMENT COVERS PERIOD 03/03/2024 03/05/2024\n" +
		"Attending: Maya Ortiz, MD\nREV CD  DESCRIPTION            HCPCS   SERV DATE   UNITS   TOTAL CHARGES\n" +
		"0120 ROOM-BOARD/SEMI                        03/03/24    2       2,400 00\n" +
		"0250 PHARMACY                               03/03/24    4         180 00\n" +
		"0450 EMERGENCY ROOM            99284        03/03/24    1       1,150 00\n" +
		"0001 TOTAL CHARGES                                               3,730 00\n"
	for _, tt := range []struct{ name, text, class string }{
		{"shift notes", notes, extract.PageClinical},
		{"facility claim", ub, extract.PageBill},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Analyze(pagesOf(tt.text)).Pages[0].Class; got != tt.class {
				t.Errorf("class %q, want %q", got, tt.class)
			}
		})
	}
}
