package layout

import (
	"testing"

	"github.com/medchron/medchron/extract/dates"
)

// TestAppointmentStatus reads a cell as an appointment's status, with
// what the cell adds after it, and tells a status from a visit's text.
func TestAppointmentStatus(t *testing.T) {
	tests := []struct {
		cell     string
		kept, ok bool
	}{
		{"Arrived", true, true},
		{"Checked out", true, true},
		{"Seen - billed", true, true},
		{"ATTENDED", true, true},
		{"No-Show", false, true},
		{"no show - no charge", false, true},
		{"Canceled (patient ill)", false, true},
		{"Cancelled by client", false, true},
		{"Rescheduled to 4/2/24", false, true},
		{"Late cancel, fee waived", false, true},
		{"LATECANCEL", false, true},                     // OCR ran the words together
		{"Kept | - individual, in person’", true, true}, // and read a speck as a bar
		{"Late-Cancel", false, true},
		{"“Booked", false, true},
		{"Pt cancelled", false, true}, // who cancelled, before the status
		{"Patient no show", false, true},
		{"Therapist cancelled - ill", false, true},
		{"Pt arrived", true, true},
		{"Patient seen for neck pain", false, false},
		{"Patient", false, false},
		{"No’ show", false, true},           // OCR read a speck as a quote
		{"Cancelléd", false, true},          // or as an accent
		{"Pt cancetled (ill)", false, true}, // or took one thin letter for another
		{"Cancel1ed", false, true},
		{"Altended", true, true},
		{"Settled", false, false},
		{"Psychotherapy 45", false, false},
		{"Seen for neck pain, improving", false, false},
		{"Cancellation policy reviewed with patient", false, false},
		{"Left - not seen", false, true}, // the patient checked in and left before being seen
		{"Left without being seen", false, true},
		{"LEFT BEFORE SEEN", false, true},
		{"Left - no charge", false, false}, // a side, or a word, not a status
		{"Left shoulder", false, false},
		{"", false, false},
	}
	for _, tt := range tests {
		kept, ok := AppointmentStatus(tt.cell)
		if kept != tt.kept || ok != tt.ok {
			t.Errorf("AppointmentStatus(%q) = %v, %v; want %v, %v", tt.cell, kept, ok, tt.kept, tt.ok)
		}
	}
}

// TestOutOfTen tells a score out of ten from a date in October or on the
// tenth.
func TestOutOfTen(t *testing.T) {
	for s, want := range map[string]bool{
		"  6/10   C3-C7": true, "pain 6 / 10": true, "VAS 10/10": true, "7/10": true,
		"  Completed   12/10/24": false, "3/10/2024 booked": false, "10/10/23": false, "1/100": false, "page 1/1": false,
	} {
		if got := outOfTen(s); got != want {
			t.Errorf("outOfTen(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestScannedAppointmentRows: on a fax, OCR joins a row's status to the
// time booked before it, a speck between ("7:30 AM = No show"), and
// strews a guillemet before a row's date ("» 2024-01-18"): the status and
// the date are still read.
func TestScannedAppointmentRows(t *testing.T) {
	row := "12/05/2023    7:30 AM = No show                         :          Desmond Venkataraman, PTA   Treatment"
	ds := dates.FindAll(row)
	if len(ds) == 0 {
		t.Fatal("no date")
	}
	if kept, ok := RowStatus(row, ds[0].End); kept || !ok {
		t.Errorf("RowStatus(%q) = %v, %v; want false, true", row, kept, ok)
	}
	seen := "12/07/2023    8:00 AM   Checked out   7:52 AM   8:49 AM   Desmond Venkataraman, PTA   Treatment"
	if kept, ok := RowStatus(seen, dates.FindAll(seen)[0].End); !kept || !ok {
		t.Errorf("RowStatus(%q) = %v, %v; want true, true", seen, kept, ok)
	}
	lead := "» 2024-01-18     4:00 PM      Checked out           3:48 PM      4:46 PM      Farah Ballard, DC"
	if m, ok := RowDate(lead, dates.FindAll(lead)); !ok || m.Date.String() != "2024-01-18" {
		t.Errorf("RowDate(%q) = %v, %v; want 2024-01-18", lead, m.Date, ok)
	}
}
