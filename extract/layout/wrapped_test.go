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
