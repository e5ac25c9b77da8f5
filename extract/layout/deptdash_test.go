package layout

import "testing"

// TestHeaderNameKeepsDepartment: an EHR's running header prints the
// practice with its department after a spaced dash ("Harborview
// Orthopaedics - Spine Center"); the dash there is part of the name,
// while the bars around it still separate the vendor and the patient.
func TestHeaderNameKeepsDepartment(t *testing.T) {
	for _, tt := range []struct{ header, want string }{
		{"NextGen | Lakeview Orthopedics - Spine Center | ROE, JANE | DOB 01/02/1980 | MRN 123456", "Lakeview Orthopedics - Spine Center"},
		{"Lakeview Orthopedics - Spine Center    ROE, JANE    Page 2 of 3", "Lakeview Orthopedics - Spine Center"},
	} {
		if got := headerName(tt.header, "Jane Roe"); got != tt.want {
			t.Errorf("headerName(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}
