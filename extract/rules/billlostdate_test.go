package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestLostDateParts: a fax's OCR loses more of a row's date cell than one
// slash: both slashes ("11124" for 1/11/24), or the month with its slash,
// the other slash lost or read as a one or a seven ("27/25", "27125",
// "27725" for 1/27/25). The cell, followed by the row's procedure code, is
// no code: the row keeps its code and is dated when exactly one reading
// falls between the dated rows around it; otherwise it stays undated.
func TestLostDateParts(t *testing.T) {
	statement := `Cedar Ridge Pain Center
PATIENT STATEMENT                                                          Page 1
Date of Service      Code        Description                                   Charges     Payments      Balance
12/21/23            99204       OFFICE O/P NEW MOD 45 MIN                  421.00                         421.00
11124              62321       NJX INTERLAMINAR CRV/THRC W/IM          2,327.00                       2,748.00
1/11/24              J3301       TRIAMCINOLONE ACET INJ 10MG               120.00                       2,868.00
1/22/24                          Insurance payment - MedPay                             (871.08)      1,996.92
1/29/24              99214       OFFICE O/P EST MOD 30 MIN                   243.00                       2,239.92
`
	monitoring := `Northside Neuromonitoring, LLC
STATEMENT OF SERVICES                                        Page 1
Patient: DOE, JANE                                        Statement date: 2/24/25
Monitoring time:          08:15 - 11:52 (217 minutes)
DOS          CPT       Mod    Description                                        Units        Per unit       Line total
27/25        95938     TC     SOMATOSENSORY TESTING UPR&LWR                       1         1,025.00        1,025.00
27125        95938     26     SOMATOSENSORY TESTING UPR&LWR                       1           713.00          713.00
1/27/25      95939     TC     C MOTOR EVOKED UPR&LWR LIMBS                        1         1,422.00        1,422.00
27725        95861     TC     MUSCLE TEST 2 LIMBS                                 1           459.00          459.00
1/27/25      95940            IONM IN OPERATNG ROOM 15 MIN                       14           528.00        7,392.00
                                                   Total charges                                       11,011.00
`
	// The bill labels its one date of service above its rows: a damaged
	// cell that may read as it is of that day, whichever reading of a
	// lost slash ("27/25": 2/7/25) the rows around it also allow.
	oneDay := `Northside Neuromonitoring, LLC
STATEMENT OF SERVICES                                        Page 1
Patient: DOE, JANE                                        Statement date: 2/24/25
Date of service:          1/27/25
DOS          CPT       Mod    Description                                        Units        Per unit       Line total
1/27/25      95938     TC     SOMATOSENSORY TESTING UPR&LWR                       1         1,025.00        1,025.00
1/27/25      95939     TC     C MOTOR EVOKED UPR&LWR LIMBS                        1         1,422.00        1,422.00
‘27/25       95940            IONM IN OPERATNG ROOM 15 MIN                       14           528.00        7,392.00
                                                   Total charges                                        9,839.00
`
	tests := []struct {
		name, page string
		want       []string
	}{
		{"both slashes lost", statement, []string{
			"2023-12-21 99204 421.00", "2024-01-11 62321 2327.00", "2024-01-11 J3301 120.00", "2024-01-29 99214 243.00"}},
		{"month lost", monitoring, []string{
			"2025-01-27 95938 1025.00", "2025-01-27 95938 713.00", "2025-01-27 95939 1422.00", "2025-01-27 95861 459.00", "2025-01-27 95940 7392.00"}},
		{"the bill's one date of service", oneDay, []string{
			"2025-01-27 95938 1025.00", "2025-01-27 95939 1422.00", "2025-01-27 95940 7392.00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractText(t, tt.page)
			var got []string
			for _, b := range res.Bills {
				if b.Kind == "" {
					got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("charges\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
