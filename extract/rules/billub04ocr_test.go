package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// ub04GluedCaptions is a UB-04's first page as OCR reads a fax of it: the
// grid's captions lose the space between a box's words ("46SERVUNITS",
// "47 TOTALCHARGES"), and the caption line of the revenue code and the
// description falls under the others.
const ub04GluedCaptions = `3a PAT CNTL #                                  4 TYPE OF BILL     5 FED TAX NO.
ST LUKES REGIONAL HOSPITAL
2618 Eastgate Blvd                                  49000653                                    0131           81- 1379098
Cedar Falls IA 50613                                b MED REC                                    6 STATEMENT COVERS PERIOD FROM/ THROUGH
(319) 555-0153                                      62925121                                    120623 120623
S PATIENT NAME                                        10 BIRTHDATE        11 SEX   12 ADMISSION DATE | 3} OCCURRENCE CODE ; DATE
DOE, JANE                                      07201977          F                      01 120623

44HCPCS/RATE/HIPPS CODE 45 SERVDATE     46SERVUNITS   47 TOTALCHARGES’   48 NON-COVERED CHARGES

42REVCD 43 DESCRIPTION

0250     IBUPROFEN 600MG TAB                                        120623             1                 7.36
0270     MED-SUR SUPPLIES                                        120623             1               114.08
0300     URINALYSIS AUTO W/SCOPE                  81001                   120623             1                49.68
0301     COMPREHEN’ METABOLIC PANEL               80053                   120623             1               225.40
0324     X-RAY EXAM CHEST 1 VIEW                   71045                   120623             1               257.59
,         PAGE 1 OF 2                                  CREATION DATE            121423         TOTALS         CONTINUED
50 PAYER NAME                                        54 PRIOR PAYMENTS           55 EST AMOUNT DUE              S6 NPI
`

// TestUB04GluedCaptionsOCR: a UB-04 whose captions OCR glued together
// still bills each service line at its total charge.
func TestUB04GluedCaptionsOCR(t *testing.T) {
	res := extractText(t, ub04GluedCaptions)
	var got []string
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
		}
	}
	want := "2023-12-06 0250 7.36|2023-12-06 0270 114.08|2023-12-06 81001 49.68|2023-12-06 80053 225.40|2023-12-06 71045 257.59"
	if strings.Join(got, "|") != want {
		t.Errorf("charges %q,\nwant %q", strings.Join(got, "|"), want)
	}
}
