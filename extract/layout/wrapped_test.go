package layout

import "testing"

// TestWrappedValueIsNoLetterhead: a field's value that wraps onto the
// next line, under the value's column ("Reason:   Neck pain ... with a
// disc herniation" over "           on MRI"), leaves a line that opens in
// lower case: no practice's name, though "MRI" names a kind of facility.
func TestWrappedValueIsNoLetterhead(t *testing.T) {
	page := "Keystone Spine & Pain Mgmt\n\nCONSENT FOR PROCEDURE\nPatient: DOE, JANE\nProcedure date: 05/27/2024\n" +
		"Procedure:          Cervical epidural steroid injection, C6-7\n" +
		"Condition:          Neck pain radiating to the arm with a disc herniation\n" +
		"                    on MRI\n" +
		"Risks:              Infection; bleeding; headache.\n"
	d := Analyze(pagesOf(page))
	for _, l := range d.Lines {
		if l.Letterhead != "" && l.Top > 0 {
			t.Errorf("line %q: letterhead %q", l.Trim, l.Letterhead)
		}
	}
}

// TestItemNumberIsNoLetterhead: a form's item whose number OCR read
// without its parenthesis or colon ("M1340) Surgical Wound") names an
// item, not a practice, though "Surgical" names a kind of facility.
func TestItemNumberIsNoLetterhead(t *testing.T) {
	for _, item := range []string{"M1340) Surgical Wound", "M1340 Surgical Wound", "{M1340) Surgical Wound"} {
		page := "Heartland Home Health\nOASIS ASSESSMENT\nPatient: DOE, JANE\n(M1330) Stasis Ulcer: 0 - No\n\n" + item + "\n\n(M1400) Dyspnea: 1 - When walking more than 20 feet\n"
		d := Analyze(pagesOf(page))
		for _, l := range d.Lines {
			if l.Letterhead != "" && l.Top > 0 {
				t.Errorf("line %q: letterhead %q", l.Trim, l.Letterhead)
			}
		}
	}
}
