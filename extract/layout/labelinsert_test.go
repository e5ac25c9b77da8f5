package layout

import "testing"

// TestLabelWithALetterMore: OCR may read one letter as two ("n" as
// "ni"): "Enicounter Date" is still the label of the visit's date.
func TestLabelWithALetterMore(t *testing.T) {
	for in, want := range map[string]Label{
		"Enicounter Date":  ServiceLabel,
		"Encounter Date":   ServiceLabel,
		"Dates of Service": ServiceLabel,
	} {
		if got := labelOf(in); got != want {
			t.Errorf("labelOf(%q) = %v, want %v", in, got, want)
		}
	}
}
