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
