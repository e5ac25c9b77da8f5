package rules

import (
	"slices"
	"testing"
)

// TestShiftNoteSeries: a nursing unit's notes by shift head each block
// with the shift's date and hours ("03/04/2024 0700-1900"), the night
// shift's block ("03/04/2024 1900-0700") dated by its start though its
// entries after midnight fall on the next day. Each day the shifts record
// is one visit on the header's date, not on the admission date of the
// banner above them, nor on the print date under them.
func TestShiftNoteSeries(t *testing.T) {
	block := func(date, hours, nurse, first string) string {
		return date + " " + hours + "\n" +
			"Attending: Maya Ortiz, MD   Nurse: " + nurse + ", RN\n" +
			"0815 " + first + "\n" +
			"1230 Up to chair, tolerating diet, call light in reach.\n" +
			"0540 Vitals taken and within normal limits.\n"
	}
	for _, hours := range [][2]string{{"0700-1900", "1900-0700"}, {"07:00-19:00", "19:00-07:00"}, {"0645-1915", "1915-0715"}} {
		page := "Lakeside Community Hospital                          NURSING NOTES - SHIFT\n" +
			"Patient: ROE, SAM                 MRN: 445120          Unit: 3 East\n" +
			"DOB: 02/11/1970                   Admit Date: 03/03/2024   Room: 312\n\n" +
			block("03/04/2024", hours[0], "Lena Park", "Assessment done, alert and oriented. Pain 5/10 low back.") +
			block("03/04/2024", hours[1], "Omar Reyes", "Sleeping, respirations even.") +
			block("03/05/2024", hours[0], "Lena Park", "Assessment done, alert and oriented. Pain 3/10 low back.") +
			block("03/05/2024", hours[1], "Omar Reyes", "Awake, requests water.") +
			block("03/06/2024", hours[0]+"       /", "Lena Park", "Assessment done, ambulating. Pain 2/10 low back.") +
			"\nPrinted 04/02/2024 by jdoe                                   Page 1 of 1\n"
		res := extractText(t, page)
		var got []string
		for _, e := range res.Encounters {
			got = append(got, e.Date.String())
		}
		if want := []string{"2024-03-04", "2024-03-05", "2024-03-06"}; !slices.Equal(got, want) {
			t.Errorf("%s: visits %v, want %v", hours[0], got, want)
		}
	}
}
