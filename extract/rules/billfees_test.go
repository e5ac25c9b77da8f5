package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// pastDuePage is a practice's past-due statement: the services with their
// codes, a payment, then month by month what the account adds to them
// (interest, a late or past-due fee, a fee for each statement mailed, a
// returned check's fee), each with the running balance.
const pastDuePage = `Northgate Orthopaedics
210 Hill Rd, Dayton, OH 45402   Phone (937) 555-0110
PAST DUE STATEMENT                                                          Page 1
Statement date: 08-05-2024                           Account #: 4471902
Patient: DOE, JANE                                   Guarantor: Jane Doe
Date         Code       Description                                  Amount        Balance
12-18-2023   99204      OFFICE O/P NEW MOD 45 MIN                    429.00         429.00
01-04-2024   20610 RT   DRAIN/INJ JOINT/BURSA W/O US                 384.00         813.00
02-23-2024              PATIENT PAYMENT - THANK YOU                 (286.00)        527.00
02-28-2024              LATEFEE                                       25.00         552.00
03-01-2024              RETURNED CHECK FEE                            25.00         577.00
04-05-2024              FINANCE CHARGE 1.5% PER MONTH                  7.90         584.90
04-05-2024              STATEMENT FEE                                 10.00         594.90
05-05-2024              BILLING/STATEMENT FEE                         10.00         604.90
06-04-2024              Billing fee                                    5.00         609.90
07-04-2024              PAST DUE FEE                                  40.00         649.90
07-04-2024              Delinquency charge                            15.00         664.90
                                        Total charges for services                 813.00
                                        New balance                             $664.90
`

// TestStatementFeesNoCharge: the fee a practice adds for each statement
// it mails, or for a returned check, is no care, as interest and a late
// fee are not.
func TestStatementFeesNoCharge(t *testing.T) {
	res := extractText(t, pastDuePage)
	var got []string
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
		}
	}
	want := "2023-12-18 99204 429.00|2024-01-04 20610 384.00"
	if strings.Join(got, "|") != want {
		t.Errorf("charges %q, want %q", strings.Join(got, "|"), want)
	}
}
