package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestProseUnderStatementNoLine: the sentence a hospital statement prints
// under its totals, which tells the date the insurer processed the account
// and the patient's share ("... on 06/27/2023 and assigned a patient
// responsibility of $817.81 (deductible and coinsurance)."), is no bill
// line: its date and amount sit inside a sentence, not in a row's cells.
func TestProseUnderStatementNoLine(t *testing.T) {
	page := `Saint Luke's Regional Hospital                                                                      STATEMENT OF ACCOUNT
Patient Financial Services 7382 Riverside Dr, Cedar Falls, IA 50613 (319) 555-0101                      Statement date 06/30/2023 Page 1
Guarantor: Ravi Varga                                                      Account #: 37686559
Patient: VARGA, RAVI DOB: 09/08/1969                                       Primary insurance: Keystone Health Alliance
CHARGES
Date            Rev        Code          Description                                                                                Amount
05/06/2023      0450       99285         ED VISIT HIGH SEVERITY                                                                     2,612.80
05/25/2023      0610       72141         MRI NECK SPINE W/O DYE                                                                     2,465.60

CREDITS POSTED
06/27/2023  Payment - Keystone Health Alliance                                                                                     (3,270.36)
07/01/2023  Patient payment - thank you                                                                                              (163.56)

                                                                     Total charges                                                   5,078.40
                                                                     Insurance payments                                            (3,270.36)
                                                                     Patient payments                                                (163.56)
                                                                     Please pay this amount                                         $1,644.48

Your insurer processed this account on 06/27/2023 and assigned a patient responsibility of $817.81 (deductible and coinsurance).
Payments posted after the statement date will appear on your next statement.
`
	// The same sentence wrapped after its amount.
	wrapped := strings.Replace(page, "$817.81 (deductible", "$817.81\n(deductible", 1)
	for _, page := range []string{page, wrapped} {
		res := extractText(t, page)
		var got []string
		for _, b := range res.Bills {
			amt := b.Charge
			if b.Paid != nil {
				amt += *b.Paid
			}
			got = append(got, fmt.Sprintf("%s %s %s %.2f", b.Kind, b.Date, b.Code, amt))
		}
		want := []string{
			" 2023-05-06 99285 2612.80",
			" 2023-05-25 72141 2465.60",
			"payment 2023-06-27  3270.36",
			"payment 2023-07-01  163.56",
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("lines:\n got %q\nwant %q", got, want)
		}
	}
}
