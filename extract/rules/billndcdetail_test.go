package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestNDCDetailLine reads a scanned itemized statement that prints under
// each drug's row an uncharged detail line: the NDC (its label read by OCR
// as "NOC", a space after a dash), the N4 qualifier with the package
// quantity in millilitres ("ML2.00"), the lot and where it was given. The
// detail line is no charge, and its quantity no units. The drug's HCPCS
// code whose J OCR read as 3, run into a date cell, still bills the drug.
func TestNDCDetailLine(t *testing.T) {
	page := `Cedar Ridge Orthopedics
1200 Elm St, Springfield, IL 62701
ITEMIZED STATEMENT
Patient: ROE, SAM   Account 5512
DOS          Code           Description                                   Units        Charge
Sep 4, 202499203           OFFICE O/P NEW LOW 30 MIN                         1        210.00
Sep 4, 202431100           DEXAMETHASONE SODIUM PHOS 1MG                     8         24.00
.   NOC 63323- 0165-01   N463323016501. ML2.00   Lot 12T345 exp 05/2025   IM R gluteal, given 9:14 AM by KL
09/20/2024    96372       THER/PROPH/DIAG INJ SC/IM                          1         45.00
09/20/2024    J1885       KETOROLAC TROMETHAMINE INJ 15MG                    2         16.00
NDC 00409-3795-01 N400409379501 ML1.00 Lot 7R112 exp 01/2026 IM L deltoid
                                                   Total charges                295.00
`
	res := extractOCR(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s %g %.2f", b.Date, b.Code, b.Units, b.Charge))
	}
	want := []string{
		"2024-09-04 99203 1 210.00",
		"2024-09-04 J1100 8 24.00",
		"2024-09-20 96372 1 45.00",
		"2024-09-20 J1885 2 16.00",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("bills\n%q\nwant\n%q", got, want)
	}
}
