package rules

import "testing"

// TestBoxState reads printed boxes and their OCR debris as ticked, empty
// or no box at all.
func TestBoxState(t *testing.T) {
	tests := []struct {
		line          string
		ticked, empty bool
	}{
		{"[X] 99214 Office visit", true, false},
		{"(x)   97140 Manual therapy", true, false},
		{"☒ 97110 Exercise", true, false},
		{"X     98940 CMT 1-2 regions", true, false},
		{"[Xx]   97810 Acupuncture", true, false},
		{"XX)   97811 Acupuncture", true, false},
		{"[ ] 99213 Office visit", false, true},
		{"()    99203 Office visit", false, true},
		{"_     99202 Office visit", false, true},
		{"[}    97813 Acupuncture", false, true},
		{"{]    97814 Acupuncture", false, true},
		{"-    20610 Arthrocentesis", false, true},
		// OCR reads an empty box's sides as letters, digits and
		// quotes, and prints specks before a box.
		{"{1    99202    OFFICE O/P NEW SF 15 MIN    181.00", false, true},
		{".]    72040    XR SPINE CERV 2-3 VW    482.00", false, true},
		{"‘[]    99213    OFFICE VISIT    135.00", false, true},
		{"“{])    99215    OFFICE VISIT    392.00", false, true},
		{"U]    97811    ACUPUNCTURE    57.00", false, true},
		{"fl    97140    MANUAL THERAPY    74.00", false, true},
		{"0)    97140    MANUAL THERAPY    74.00", false, true},
		{"—   (X]   97813   ACUPUNCTURE   86.00   1   86.00", true, false},
		{". [X}   97814   ACUPUNCTURE   62.00   1   62.00", true, false},
		{"{X].   97814   ACUPUNCTURE   62.00   1   62.00", true, false},
		{"101   99213   Office visit   120.00", false, false},
		{"Lu1   99213   Office visit   120.00", false, false},
		{"X-RAY CERVICAL SPINE  120.00", false, false},
		{"0450  EMERGENCY ROOM  1,250.00", false, false},
		{"Office visit  99213  120.00", false, false},
	}
	for _, tt := range tests {
		if tk, e := boxState(tt.line); tk != tt.ticked || e != tt.empty {
			t.Errorf("boxState(%q) = %v, %v; want %v, %v", tt.line, tk, e, tt.ticked, tt.empty)
		}
	}
}
