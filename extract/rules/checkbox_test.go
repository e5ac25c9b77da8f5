package rules

import (
	"fmt"
	"testing"

	"github.com/medchron/medchron/extract"
)

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
		// A faint box that OCR reads as tildes, dashes, stars and specks.
		{"~ .   J1100  —        DEXAMETHASONE SODIUM PHOS 1MG     11.00", false, true},
		{"—~   , 99204        .  OFFICE O/P NEW.MOD 45 MIN.      497.00", false, true},
		{"~~   96372          THER/PROPH/DIAG IN] SC/IM_..       53.00", false, true},
		{"_~°   97810   ACUP 1/> WO ESTIM 1ST 15 MIN    78.00", false, true},
		{"*    99213           OFFICE O/P EST LOW 20 MIN     135.00", false, true},
		{"~ 5 tablets daily", false, false},
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

// TestFaintSuperbill: a charge ticket as OCR reads a copier scan of it:
// specks between the column captions ("=. — Charge", "Fee —_— Units"),
// ticks read as "x!", a tick lost, faint empty boxes read as tildes and
// dashes or lost, a dash glued to a charge. Only the ticked rows, those
// that print units and a charge beside the fee, are billed, as charges.
func TestFaintSuperbill(t *testing.T) {
	head := "HARMONY ACUPUNCTURE AND HERBAL CLINIC\nCHARGE TICKET\n" +
		"Patient: HALVORSEN, SHAUNA                                Account #: 95667491\n" +
		"DOB: 072077                               .                  Date of service: 010324\n"
	for _, tt := range []struct{ name, captions, rows string }{
		{"specks before the charge caption",
			"CPT. Mod.   Description   —                                        Fee    Units   =. — Charge\n",
			"_    97810          ACUP 1/> WO ESTIM 1ST 15 MIN               ,               _ 78.00\n" +
				"97811          ACUP 1/> WO ESTIM EA ADDL 15                   :            57.00                           :\n" +
				"x! x    97813   —        ACUP 1/> W/ESTIM 1ST. 15 MIN      .      .                     86.00        1         '   86.00\n" +
				"97814.        ACUP 1/> W/ESTIM EA ADDL 15                   So           62.00        1        * 62.00\n" +
				"_   . 97140      .    MANUAL THERAPY 1/> REGIONS   —                ,            74.00\n" +
				"—  . 99213 —     '. OFFICE O/P EST LOW 20MIN   _      oe      :             135.00\n"},
		{"specks between fee and units",
			"CPT.    Mod   Description      -                                        Fee —_— Units          Charge\n",
			"-     97810           ACUP 1/> WO ESTIM 1ST 15 MIN     a      ,                  78.00  |\n" +
				"-     97811.          ACUP 1/> WO'ESTIM EA ADDL 15                                57.00       .           .     :\n" +
				"X    97813.        ACUP 1/> W/ESTIM 1ST 15 MIN              SO                86.00        1            86.00\n" +
				"X    97814           ACUP 1/> W/ESTIM EA ADDL 15     ,                      :      62.00°        1         . -62.00\n" +
				"_     97140           MANUAL THERAPY 1/> REGIONS            :      .             74.00\n" +
				"_     99213           OFFICE O/P EST LOW 20 MIN              oS                    135.00\n"},
		{"a point after the fee caption, a row's mark lost",
			"CPT     Mod   Description                                        OS      Fee.   Units          Charge\n",
			"-    97810          ACUP 1/> WO ESTIM 1ST 15 MIN                             .  78.00\n" +
				"-    97811          ACUP l/> WO ESTIM EA ADOL 15                               57.00\n" +
				"x    97813          ACUP 1/> W/ESTIM 1ST 15 MIN        .                        86.00        1            86.00\n" +
				"x    97814      ‘    ACUP 1/> W/ESTIM EA ADDL 15                                62.00        1            62.00\n" +
				"-    97140          MANUAL THERAPY 1/> REGIONS                              74.00\n" +
				"99213          OFFICE O/P EST LOW 20 MIN                                 135,00\n"},
	} {
		res := extractText(t, head+tt.captions+tt.rows+"Total charges                                  148.00\n")
		var got []string
		for _, b := range res.Bills {
			kind := b.Kind
			if kind == extract.LineCharge {
				kind = "charge"
			}
			got = append(got, fmt.Sprintf("%s %s %.2f", kind, b.Code, b.Charge))
		}
		if want := "[charge 97813 86.00 charge 97814 62.00]"; fmt.Sprint(got) != want {
			t.Errorf("%s: lines %v, want %s", tt.name, got, want)
		}
	}
}

// TestSuperbillTickLostOCR: a faxed superbill whose OCR lost the tick of a
// billed row ("()" for "(x)") and set specks around its labels ("_ DOB:
// ... , Date of service:"). The row still prints its fee, units and charge,
// as only billed rows do on a form whose billed rows print both: it is a
// line, of the superbill's date of service.
func TestSuperbillTickLostOCR(t *testing.T) {
	page := `JADE POINT ACUPUNCTURE CENTER LLC
SUPERBILL
Patient: HALVORSEN, SHAUNA                 .               Account #: 59523102
_ DOB: 07-20-1977                          ,                   Date of service: 01-15-2024
Provider: Kwame Ortega, MSOM, L.Ac.                          Insurance: Keystone Health Alliance
CPT     Mod   Description                                        Fee    Units          Charge
ACUPUNCTURE
©    97810           ACUP 1/> WO ESTIM 1ST 15 MIN                           ~   113.00 ©
Q    97811           ACUP 1/> WO ESTIM EA ADDL 15                               83.00
()   97813           ACUP 1/> W/ESTIM 1ST 15 MIN                                125.00        1           125.00
(x)   97814           ACUP 1/> W/ESTIM EA ADDL 15                                 89.00        1            89.00
OTHER SERVICES
()    97112           NEUROMUSCULAR REEDUCATION                            105.00
Total charges                                        214.00
`
	wantBillRows(t, extractOCR(t, page), "2024-01-15 97813 125.00|2024-01-15 97814 89.00")
}

// TestSuperbillServiceDateSpeckOCR: OCR set a speck in a superbill's date
// of service, between the day and the year ("Date of service: 01-15
// -.2024"): it still dates the superbill's lines.
func TestSuperbillServiceDateSpeckOCR(t *testing.T) {
	page := `JADE POINT ACUPUNCTURE CENTER LLC
SUPERBILL
Patient: HALVORSEN, SHAUNA                 .               Account #: 59523102
DOB: 07-20-1977                                        Date of service: 01-15 -.2024
Provider: Kwame Ortega, MSOM, L.Ac.                          Insurance: Keystone Health Alliance
CPT     Mod   Description                                        Fee    Units          Charge
ACUPUNCTURE
-    97810           ACUP 1/> WO ESTIM 1ST 15 MIN                              113.00
x    97813           ACUP 1/> W/ESTIM 1ST 15 MIN                                125.00        1           125.00
x    97814           ACUP 1/> W/ESTIM EA ADDL 15                                 89.00        1            89.00
Total charges                                        214.00
`
	wantBillRows(t, extractOCR(t, page), "2024-01-15 97813 125.00|2024-01-15 97814 89.00")
}
