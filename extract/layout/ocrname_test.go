package layout

import "testing"

// TestCleanProviderMendsOCRWord: a word of a provider's name that OCR
// misread by one confusion of letters ("Emergericy" for Emergency,
// "HOSPlTAL") is the facility word it stands for, in the case printed;
// a name's own words, whatever they look like, stay.
func TestCleanProviderMendsOCRWord(t *testing.T) {
	for in, want := range map[string]string{
		"Bayview Gen Hosp - Emergericy Services": "Bayview Gen Hosp - Emergency Services",
		"RIVERBEND COMMUNITY HOSPlTAL":           "RIVERBEND COMMUNITY HOSPITAL",
		"Lakeside Physical Tlierapy":             "Lakeside Physical Therapy",
		"Summit Orthopaeclic Associates":         "Summit Orthopaedic Associates",
		"Clement Family Medicine":                "Clement Family Medicine",
		"Hospitality Plaza Urgent Care":          "Hospitality Plaza Urgent Care",
	} {
		if got := CleanProvider(in); got != want {
			t.Errorf("CleanProvider(%q) = %q, want %q", in, got, want)
		}
	}
}
