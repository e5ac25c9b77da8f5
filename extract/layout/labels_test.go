package layout

import (
	"strings"
	"testing"
)

// TestWeekdayBetweenLabelAndDate: a therapy note or a scheduling system
// prints the day of the week in front of the date ("DOS   Mon 04/01/2024",
// "Date of Service: Monday, 04/01/2024"); the label still says what the
// date is, in its own column left of the value or on the line above it.
func TestWeekdayBetweenLabelAndDate(t *testing.T) {
	tests := []struct {
		line string
		want Label
	}{
		{"DOS                                Mon 04/01/2024", ServiceLabel},
		{"Visit Date                         Fri 02/07/2025", ServiceLabel},
		{"Date of Service: Monday, 04/01/2024", ServiceLabel},
		{"Date of service: Thurs. 04/04/2024", ServiceLabel},
		{"Plan / next visit                  Wed 04/03/2024", FutureLabel},
		{"DOB: Sat 07/20/1977", BirthLabel},
		// A weekday alone is no label.
		{"Mon 04/01/2024", NoLabel},
		// Nor is a word that ends like one.
		{"Salmon 04/01/2024", NoLabel},
	}
	for _, tt := range tests {
		checkLabel(t, tt.line, tt.want)
	}
	page := "Align Physical Therapy\nVESTIBULAR / BALANCE DAILY TREATMENT RECORD\n\n" +
		"Patient                            Jane Doe DOB 07/20/1977\n" +
		"DOS                                Mon 04/01/2024\n" +
		"Visit                              13 of 17 (plan of care)\n" +
		"Date of service\n" +
		"Tue 04/02/2024\n"
	d := Analyze(pagesOf(page))
	for _, l := range d.Lines {
		if strings.Contains(l.Trim, "/2024") && !l.HasService {
			t.Errorf("%q: no date of service", l.Trim)
		}
	}
}

// TestFormDateLabels: the labels a state's numbered-box form and a
// patient's after-visit summary print in front of the visit's date: a box
// whose long label opens with "Date" and adds the hour, and "You were seen
// on". The last visit before this one, and the signature's date on its
// line, are other days.
func TestFormDateLabels(t *testing.T) {
	tests := []struct {
		line string
		want Label
	}{
		{"15. Date and hour of first examination or treatment        03/05/2024 10:15", ServiceLabel},
		{"10. Date and time of examination 03/05/2024", ServiceLabel},
		// OCR reads the stop after the box's number as a comma.
		{"15, Date and hour of first examination or treatment 27-Nov-2023 14:45", ServiceLabel},
		{"You were seen on: March 5, 2024", ServiceLabel},
		{"Date you were seen: 03/05/2024", ServiceLabel},
		{"16. Previously treated? Yes - last seen on 01/13/2024 for routine care", FutureLabel},
		{"Doctor's signature: Ann Lee, MD Date: 03/07/2024 License No. A1234", SignedLabel},
		{"The patient says she was seen by her dentist on 01/13/2024 for a cleaning", NoLabel},
	}
	for _, tt := range tests {
		checkLabel(t, tt.line, tt.want)
	}
}

// checkLabel fails the test unless the label before the first date of line
// is want.
func checkLabel(t *testing.T, line string, want Label) {
	t.Helper()
	l := &Line{Text: line, Trim: strings.TrimSpace(line)}
	ms := FindDates(line)
	if len(ms) == 0 {
		t.Fatalf("no date in %q", line)
	}
	if got := LabelBefore(l, ms[0], nil); got != want {
		t.Errorf("LabelBefore(%q) = %d, want %d", line, got, want)
	}
}

// TestLabelJoinedToProse: a form's label whose gap from the cell before it
// OCR lost ("... discectomy and Surgery date: May 23, 2023") is still a
// label; a sentence that tells of an event is not.
func TestLabelJoinedToProse(t *testing.T) {
	checkLabel(t, "Procedure: C5-6 anterior cervical discectomy and Surgery date: May 23, 2023", ServiceLabel)
	checkLabel(t, "the MRI of the cervical spine was performed on 05/20/1997", NoLabel)
	checkLabel(t, "she says the surgery date was moved and the new surgery date: 05/20/1997", NoLabel)
}

// TestLabelOneLetterMisread: OCR read one letter of a long label for
// another ("Suigery date:" for "Surgery date:"): still the label. A word
// two letters away, or a short label one letter away, is another word.
func TestLabelOneLetterMisread(t *testing.T) {
	tests := []struct {
		line string
		want Label
	}{
		{"Suigery date: 07/14/2023 Surgeon: Farah Haddad, MD", ServiceLabel},
		{"Date of surgcry: 08/01/2023", ServiceLabel},
		{"Date of servicc: 08/01/2023", ServiceLabel},
		{"Surgeon date: 07/14/2023", BareLabel},
		{"Test dale 07/14/2023", NoLabel},
	}
	for _, tt := range tests {
		checkLabel(t, tt.line, tt.want)
	}
}

// TestLossDateAbbreviations: an insurer's letter, and a report written
// for one, abbreviates the date of loss ("D/L:", "DOL:", "D.O.L."): the
// accident's day, never a visit's.
func TestLossDateAbbreviations(t *testing.T) {
	for _, line := range []string{"D/L: 09/28/2024", "DOL: 09/28/2024", "D.O.L.: 09/28/2024", "Date of loss: 09/28/2024"} {
		checkLabel(t, line, InjuryLabel)
	}
}
