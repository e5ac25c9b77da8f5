package layout

import "testing"

// TestSelfReported: a flowsheet row's cell that marks the reading as the
// patient's own, however OCR specked it; a visit's note about what the
// patient reported is no such cell.
func TestSelfReported(t *testing.T) {
	for rest, want := range map[string]bool{
		"     144/86     72                       Patient reported":     true,
		"     136/85     72            :          Patient. reported":    true,
		"     136/85     72                       Pt-reported":          true,
		"     131/88                              Home reading":         true,
		"     131/88                              Per patient":          true,
		"   10:20 AM   140/74   71   17   98.2   GQ, LPN":               false,
		"   7/10   Patient reported less pain after the injection   JR": false,
	} {
		if got := SelfReported(rest); got != want {
			t.Errorf("SelfReported(%q) = %v, want %v", rest, got, want)
		}
	}
}
