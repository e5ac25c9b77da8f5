package layout

import "testing"

// TestFormBoxes: a form's row of box captions labels the row of values
// under it, box by box in their order, whether the text layer kept the
// columns or OCR moved them: the birth and injury boxes are no visit, the
// exam's is. A table's head over rows alike labels no row as a box.
func TestFormBoxes(t *testing.T) {
	for _, tt := range []struct{ name, caps, vals string }{
		{"columns", "Date of birth                 Date of injury                Date of this exam",
			"04/19/1975                    02/26/2024                    02/27/2024"},
		{"OCR", "Date of birth        .      Date of injury            Date of this exam",
			"04/19/1975     02/26/2024    :     02/27/2024"},
	} {
		d := Analyze(pagesOf("Division of Workers' Compensation\nWORK STATUS REPORT\n" + tt.caps + "\n" + tt.vals + "\nReturn to modified duty.\n"))
		l := &d.Lines[3]
		var got []Label
		for _, m := range l.Dates {
			got = append(got, LabelBefore(l, m, &d.Lines[2]))
		}
		if len(got) != 3 || got[0] != BirthLabel || got[1] != InjuryLabel || got[2] != ServiceLabel {
			t.Errorf("%s: labels %v, want birth, injury, service", tt.name, got)
		}
		if !l.HasService || l.Service.String() != "2024-02-27" {
			t.Errorf("%s: date of service %v", tt.name, l.Service)
		}
	}
	// OCR ran three boxes' dates together into one cell: the cell is no
	// one box's value, and its first box's caption labels none of them.
	d := Analyze(pagesOf("Radiology Results\nExam                  Accession     Ordered          Performed   |    Read\n" +
		"XR CERVICAL SPINE     81895446      06-Dec-2023 1418 06-Dec-2023 1510 06-Dec-2023 1921\nFINDINGS: normal.\n"))
	if l := &d.Lines[2]; len(l.boxes) > 0 {
		t.Errorf("dates run together read as one box's: %v", l.boxes)
	}
	table := "Progress Notes\nCPT      Description          Date of service      Charge\n" +
		"99213    Office visit         03/04/2024           150.00\n" +
		"97110    Exercises            03/06/2024            60.00\n"
	d = Analyze(pagesOf(table))
	if l := &d.Lines[2]; len(l.boxes) > 0 {
		t.Errorf("a table's first row read as boxes: %v", l.boxes)
	}
}
