package layout

import "testing"

// TestUnreadServiceDate: a label of the date of service whose value OCR
// destroyed is told from a readable one, a number and a time.
func TestUnreadServiceDate(t *testing.T) {
	for _, tt := range []struct {
		line, next string
		want       bool
	}{
		{"Visit Date: L714", "", true},
		{"Date of Service                  Review of Systems", "li-Dec- 2024                    Positive for neck pain", true},
		{"Visit Date: 12/27/2024", "", false},
		{"Visit Date                          Review of Systems", "ee                        Positive for neck pain", true},
		{"Date of Service", "Provider", false},
		{"Date of Service", "Pending", false},
		{"Encounter #: 249211628", "", false},
		{"Visit No.: 4471", "", false},
		{"Visit Date: 10:30 AM", "", false},
		{"Date of Service", "12/11/2024", false},
		{"Provider: Ann Lee, MD", "Visit 2 of 12", false},
		// A diagnosis's text that wraps onto the next line, its code
		// there alone: "initial encounter" ends the code's description,
		// no label (a transfer form's diagnosis field).
		{"                 injured in collision with other type car in traffic accident, initial encounter", "                 (V43.52XA)", false},
		{"                 Sprain of ligaments of cervical spine, subsequent encounter", "                 (S13.4XXD)", false},
	} {
		l := &Line{Text: tt.line}
		var next *Line
		if tt.next != "" {
			next = &Line{Text: tt.next}
		}
		if got := UnreadServiceDate(l, next); got != tt.want {
			t.Errorf("%q / %q: %v, want %v", tt.line, tt.next, got, tt.want)
		}
	}
}
