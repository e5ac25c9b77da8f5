package layout

import "testing"

// TestLocationRoomIsNoProvider: a procedure form's "Location:" may name a
// room of the practice ("Fluoro Suite", "Procedure Room 2"): no provider.
// A location naming a facility still is one.
func TestLocationRoomIsNoProvider(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Location: Fluoro Suite", ""},
		{"Location: Procedure Room 2", ""},
		{"Location: Mercy Surgery Center", "Mercy Surgery Center"},
	} {
		l := Line{Text: tt.text, Trim: tt.text}
		if got := facilityLabel(&l); got != tt.want {
			t.Errorf("facilityLabel(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
