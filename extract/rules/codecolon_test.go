package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestModifierAfterColon: OCR reads the dash between a HCPCS code and its
// modifier as a colon on a faxed ambulance bill ("A0427:SH"); the row
// still bills A0427 with modifier SH, as the rows that kept their dash.
func TestModifierAfterColon(t *testing.T) {
	page := `Harbor Regional EMS
Date                Code        Description                              Units       Amount
March 3, 2025       A0427:SH    ALS1 EMERGENCY TRANSPORT                   1       1,612.00
March 3, 2025       A0425-SH    GROUND MILEAGE PER STATUTE MILE            7         161.00
                                Total charges                                      1,773.00
`
	wantModifiedRows(t, extractText(t, page), "2025-03-03 A0427 [SH] 1612.00|2025-03-03 A0425 [SH] 161.00")
}

// TestModifierAfterDashAndEquals: OCR reads the dash before a modifier as
// a dash and an equals sign on a faxed physician statement ("99285-=25");
// the row still bills 99285 with modifier 25.
func TestModifierAfterDashAndEquals(t *testing.T) {
	page := `AEMA Professional Services
Statement - Physician Services
Date            Physician                     Code          Description                                     Charges
06-May-2023    Conrad Venkataraman, DO      99285-=25      ED VISIT HIGH SEVERITY                       1,371.00
06-May-2023    Conrad Venkataraman, DO      93010          ELECTROCARDIOGRAM REPORT                        39.00
Total charges                                                                                           1,410.00
`
	wantModifiedRows(t, extractOCR(t, page), "2023-05-06 99285 [25] 1371.00|2023-05-06 93010 [] 39.00")
}

// wantModifiedRows checks res's bill lines, each "date code [modifiers]
// charge", joined by "|", against want.
func wantModifiedRows(t *testing.T, res extract.Result, want string) {
	t.Helper()
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s %v %.2f", b.Date, b.Code, b.Modifiers, b.Charge))
	}
	if strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}
