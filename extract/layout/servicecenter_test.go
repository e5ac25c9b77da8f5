package layout

import "testing"

// TestPatientServiceCenterLetterhead: a reference laboratory's draw site
// prints its name as "<laboratory> - Patient Service Center" at the head
// of its report: a facility's name, though it holds the word "Patient".
func TestPatientServiceCenterLetterhead(t *testing.T) {
	page := `Received: 2024-06-04 5:27 PM; From: (555) 555-0105; Page 1 of 2
Harbor Labs - Patient Service Center                                               Patient Report
12 Pier Rd, Salem, MA 01970 (978) 555-0133
Patient: DOE, JANE        DOB: 03/02/1979
`
	d := Analyze(pagesOf(page))
	found := false
	for _, l := range d.Lines {
		if l.Letterhead != "" {
			found = found || l.Letterhead == "Harbor Labs - Patient Service Center"
			if l.Letterhead != "Harbor Labs - Patient Service Center" {
				t.Errorf("letterhead %q", l.Letterhead)
			}
		}
	}
	if !found {
		t.Error("no letterhead")
	}
}
