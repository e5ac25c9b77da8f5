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

// scannedPlanPage is a payment plan agreement's schedule as a fax's OCR
// reads it: its column heads garbled ("lo. Due date"), a row number lost
// or read as noise, one due date's slashes lost ("61124"), and the line of
// the balance financed worded "to be paid under this plan".
const scannedPlanPage = `Metro County EMS
Patient Accounts
AGREEMENT TO PAY - PAYMENT ARRANGEMENT                          Agreement date: 5/25/24
Date            Code            Description                                        Units        Amount
3/17/24          A0427-SH       ALS1 EMERGENCY TRANSPORT                                      1       1,848.00
3/17/24          A0425-SH       GROUND MILEAGE PER STATUTE MILE                              16         400.00
Total charges                                        2,248.00
4/26/24                           Blue Harbor Health Plan - PIP payment                                       (1,000.00)
Balance to be paid under this plan                                        1,248.00
PAYMENT SCHEDULE
Down payment due at signing                                        150.00
.            Amount financed (no interest)                                        1,098.00
lo.              Due date                                        Payment                  'Remaining
1                61124                                        366.00                       732.00
ey NAN DWN                7/24/24                                        366.00                       366.00
8/23/24                                        366.00                       0.00
1 agree to pay the balance above in the installments shown. A late fee of $10.00 applies to a late payment.
`

// TestPaymentPlanScheduleScanned: under a plan's terms, below the bill's
// total, the rows of its schedule (a due date, the instalment, what
// remains) bill nothing, whatever OCR made of their column heads and due
// dates; the balance "to be paid under this plan" is no payment.
func TestPaymentPlanScheduleScanned(t *testing.T) {
	res := extractText(t, scannedPlanPage)
	var got []string
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
		}
	}
	want := "2024-03-17 A0427 1848.00|2024-03-17 A0425 400.00"
	if strings.Join(got, "|") != want {
		t.Errorf("charges %q, want %q", strings.Join(got, "|"), want)
	}
	for _, t0 := range res.BillTotals {
		if t0.Kind == extract.TotalPayments {
			t.Errorf("payments total %.2f from the plan's terms", t0.Total)
		}
	}
}
