package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestMonitoringFlowsheet: a pain practice's medication-monitoring
// flowsheet prints its visits as dated columns, two or more under a row
// labelled as visit dates, the provider's full name and the visit's codes
// in rows below; the rows of other dates (the prescription database
// queried, a drug screen's result, the next fill due) are facts of those
// visits, never visits of their own, nor is the treatment agreement's date.
func TestMonitoringFlowsheet(t *testing.T) {
	page := `Northgate Pain Mgmt
1909 Riverside Dr, Lancaster, PA 17601
                        Medication Monitoring Flow Sheet
Patient: DOE, JANE   DOB: 17-Feb-1973   MRN: 225034
Date of injury: 28-Sep-2024   Treatment agreement signed: 20-Nov-2024   Pharmacy: on file

Date of visit              20-Nov-2024                27-Dec-2024
Visit type                 New patient                Follow-up
Provider                   Ann Lee, DO                Ann Lee, DO
Pain today (0-10)          7                          4
PDMP reviewed              19-Nov-2024                27-Dec-2024
UDS result (date)          Consistent 25-Nov-2024     Consistent 31-Dec-2024
Next fill due              18-Dec-2024                25-Jan-2025
Dx 1 (ICD-10)              M50.120                    M50.120
Dx 2 (ICD-10)              M54.12                     -
Reviewed by                AL                         AL
`
	res := extractText(t, page)
	var got []string
	for _, e := range res.Encounters {
		dx := dxCodes(e)
		p := -1.0
		if e.PainScore != nil {
			p = *e.PainScore
		}
		got = append(got, fmt.Sprintf("%s %g %s | %s", e.Date, p, e.Clinician, strings.Join(dx, " ")))
	}
	want := []string{"2024-11-20 7 Ann Lee, DO | M50.120 M54.12", "2024-12-27 4 Ann Lee, DO | M50.120"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
