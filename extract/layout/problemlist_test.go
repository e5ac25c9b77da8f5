package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// TestProblemList: an EHR's problem list prints each diagnosis with the
// dates it began (onset), was recorded (noted) and ended (resolved), as a
// table or as a list with the dates under each problem. None of them is a
// visit: the page records no care. An office note that prints the
// patient's active problems among its sections is still a note.
func TestProblemList(t *testing.T) {
	tests := []struct {
		name, text, class string
	}{
		{"list, dates under each problem", "Lakeview Family Medicine\n123 Elm St, Springfield, IL 62701\n\n" +
			"PROBLEM LIST                                                     As of 04/02/2024\n" +
			"DOE, JANE        DOB: 01/02/1980        MRN: 445566\n\nActive Problems\n\n" +
			"Essential hypertension (I10)\n   Onset: 03/10/2019   Noted: 03/12/2019\n" +
			"Sprain of ligaments of cervical spine (S13.4XXA)\n   Onset: 11/05/2023   Noted: 11/09/2023\n" +
			"Post-traumatic headache (G44.309)\n   Onset: 11/05/2023   Noted: 11/09/2023\n" +
			"Resolved Problems\n\nAcute bronchitis (J20.9)\n   Onset: 01/04/2021   Noted: 01/04/2021   Resolved: 02/01/2021\n" +
			"Concussion (S06.0X0A)\n   Onset: 11/05/2023   Noted: 11/09/2023   Resolved: 01/15/2024\n", extract.PageOther},
		{"table", "Lakeview Family Medicine\n\nPROBLEM LIST                                                     As of 04/02/2024\n" +
			"DOE, JANE        DOB: 01/02/1980        MRN: 445566\n\n" +
			"Problem                          ICD-10      Onset        Noted        Status      Resolved\n" +
			"Essential hypertension           I10         03/10/2019   03/12/2019   Active\n" +
			"Cervical strain                  S13.4XXA    11/05/2023   11/09/2023   Active\n" +
			"Post-traumatic headache          G44.309     11/05/2023   11/09/2023   Active\n" +
			"Acute bronchitis                 J20.9       01/04/2021   01/04/2021   Resolved    02/01/2021\n", extract.PageOther},
		{"office note with its active problems", "Lakeview Family Medicine\nOFFICE VISIT\nDate of service: 04/02/2024\n" +
			"CHIEF COMPLAINT: Neck pain after a collision.\nACTIVE PROBLEMS: Essential hypertension (I10); cervical strain (S13.4XXA).\n" +
			"EXAM: Tenderness C5-C7.\nASSESSMENT: Cervical strain, improving.\nPLAN: Physical therapy; return in 4 weeks.\n", extract.PageClinical},
	}
	note := "Lakeview Family Medicine\nOFFICE VISIT\nDate of service: 04/02/2024\nCHIEF COMPLAINT: Neck pain.\n" +
		"EXAM: Tenderness C5-C7.\nASSESSMENT: Cervical strain.\nPLAN: Physical therapy; return in 4 weeks.\n"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(pagesOf(tt.text))
			if got := d.Pages[0].Class; got != tt.class {
				t.Errorf("class %q, want %q", got, tt.class)
			}
			// Filed after a note, it is still no page of the note's.
			d = Analyze(pagesOf(note, tt.text))
			if got := d.Pages[1].Class; got != tt.class {
				t.Errorf("after a note: class %q, want %q", got, tt.class)
			}
		})
	}
}

// TestCardHeadsOfProblemDates: a problem's onset, noted and resolved
// dates side by side make no row of visit cards.
func TestCardHeadsOfProblemDates(t *testing.T) {
	for _, row := range []string{"   Onset: 11/05/2023   Noted: 11/09/2023", "   Noted: 01/04/2021   Resolved: 02/01/2021"} {
		if got := CardHeads(row, dates.FindAll(row)); got != nil {
			t.Errorf("%q: %d cards, want none", row, len(got))
		}
	}
	row := "Visit 3   12/26/2023   Visit 4   12/28/2023"
	if got := CardHeads(row, dates.FindAll(row)); len(got) != 2 {
		t.Errorf("%q: %d cards, want 2", row, len(got))
	}
}
