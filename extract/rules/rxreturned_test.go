package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestRxHistoryReturnedToStock: a pharmacy's claim history prints every
// transaction with its claim's status: a fill picked up is a charge at its
// price (its "Paid" claim is the payer's answer, no payment row), an
// automatic refill never picked up and returned to stock, its claim
// reversed, bills nothing, whether the row says so in its status or in
// its transaction words.
func TestRxHistoryReturnedToStock(t *testing.T) {
	page := `WALLACE FAMILY PHARMACY                                         RX TRANSACTION LOG
Marta Quill      DOB 04/02/1981      Printed 09/30/2025
Date        Rx#-Fill     Drug                           Qty    Transaction                  Claim        Price
06/02/2025  4410021-0    NAPROXEN 500MG TAB             60     Picked up                    Paid         16.80
06/09/2025  4410388-0    TIZANIDINE 4MG TAB             30     Picked up                    Paid         22.10
06/30/2025  4410021-1    NAPROXEN 500MG TAB             60     Returned to stock            Reversed     16.80
07/07/2025  4410388-1    TIZANIDINE 4MG TAB             30     Picked up                    Paid         22.10
08/06/2025  4410388-2    TIZANIDINE 4MG TAB             30     Auto refill, RTS day 12      Reversed     22.10

                         Total picked up                                                               61.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		kind := b.Kind
		if kind == extract.LineCharge {
			kind = "charge"
		}
		got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, kind, b.Charge))
	}
	want := "2025-06-02 charge 16.80|2025-06-09 charge 22.10|2025-07-07 charge 22.10"
	if strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
	for _, b := range res.Bills {
		if strings.Contains(b.Description, "Paid") {
			t.Errorf("line %q keeps the claim's status in its description", b.Description)
		}
	}
}

// TestRxHistoryGluedStatus: where the text layer (or OCR) runs the
// transaction's last word into the claim's status ("daysReversed"), the
// status is still the claim's: the reversed refill bills nothing. A speck
// OCR put before the "Claim" caption leaves it the status column's.
func TestRxHistoryGluedStatus(t *testing.T) {
	page := `NORTHGATE DRUG                                                  CLAIM ACTIVITY
Lee Amundsen      DOB 1990-02-11      Printed 2025-03-01
Date          Rx#-Fill       Drug                                    Qty     Transaction                        - Claim          Price
2025-01-03    7120044-0      PREDNISONE 10MG TAB                     21      Dispensed                      Paid                 9.40
2025-01-03    7120051-0      METHOCARBAMOL 750MG TAB                 40      Dispensed                      Paid                14.25
2025-01-24    7120051-1      METHOCARBAMOL 750MG TAB                 40      Refill held, cancelled 12 daysReversed             14.25

                             Total dispensed                                                                                 23.65
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %.2f", b.Date, b.Charge))
	}
	if want := "2025-01-03 9.40|2025-01-03 14.25"; strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}
