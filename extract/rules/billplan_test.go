package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// planPage is a provider's payment plan agreement, as a billing office
// prints one for a patient who cannot pay the balance at once: the
// account's services restated, the total, an insurer's payment and the
// balance, then the terms that finance the balance (a down payment, the
// amount financed, the instalments and their due dates) and the
// guarantor's promise to pay, with its late fee, in running text.
const planPage = `Riverbend Ambulance District
Patient Accounts   120 Levee Rd, Cairo, IL 62914
PAYMENT ARRANGEMENT AGREEMENT                                   Date: 04/02/2024
Responsible party: Jane Doe          Account: 7731904        Date of service: 02/11/2024
Date          Code        Description                                   Units        Amount
02/11/2024    A0429       BLS EMERGENCY TRANSPORT                           1      1,210.00
02/11/2024    A0425       GROUND MILEAGE PER STATUTE MILE                   9        198.00
                          Total charges                                             1,408.00
03/05/2024                Prairie Mutual - MedPay payment                            (600.00)
                          Balance                                                     808.00
Terms of the arrangement
                          Down payment                                                100.00
                          Amount financed                                             708.00
                          Monthly installment (6 payments)                            118.00
Payment no.   Due date                     Payment          Remaining
1             05/01/2024                    118.00           590.00
2             06/01/2024                    118.00           472.00
I agree to pay the balance above in the installments shown. A late fee of $15.00 applies to a payment received
more than 10 days after its due date.
`

// TestPaymentPlanTerms: the terms of a payment plan (down payment, amount
// financed, instalment) finance the balance of the services above them:
// no charge line, and the down payment is no payment received. The
// agreement's sentence that names the balance and a late fee prints no
// total either.
func TestPaymentPlanTerms(t *testing.T) {
	res := extractText(t, planPage)
	var got []string
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
		}
	}
	want := "2024-02-11 A0429 1210.00|2024-02-11 A0425 198.00"
	if strings.Join(got, "|") != want {
		t.Errorf("charges %q, want %q", strings.Join(got, "|"), want)
	}
	var tots []string
	for _, t := range res.BillTotals {
		kind := t.Kind
		if kind == extract.TotalCharges {
			kind = "charges"
		}
		tots = append(tots, fmt.Sprintf("%s %.2f", kind, t.Total))
	}
	wantTots := "charges 1408.00|balance 808.00"
	if strings.Join(tots, "|") != wantTots {
		t.Errorf("totals %q, want %q", strings.Join(tots, "|"), wantTots)
	}
}
