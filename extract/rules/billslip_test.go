package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestReceiptSlips: receipts print each service as a block of labelled
// fields. A receipt that itemises a service bills its charge on the date
// of service (not the day it was written), with what was paid on it; a
// receipt stamped void bills nothing; a receipt of a payment on account,
// which itemises no service, is a payment. Printed totals stay totals.
// A label's colon may be lost or misread, as OCR does.
func TestReceiptSlips(t *testing.T) {
	page := `Maple Street Counseling
Receipts issued - DOE, JANE

Receipt # 10-2291                 Issued 04/02/2024
Visit date: 03/28/2024            Counselor: A. Ruiz, LCSW
CPT 90837 Individual psychotherapy, 60 min
Charge: $210.00                   Amount received: $210.00 cash

Receipt # 10-2292   [VOIDED]      Issued 04/09/2024
Visit date: 04/09/2024            Counselor: A. Ruiz, LCSW
CPT 90837 Individual psychotherapy, 60 min
Charge: $210.00                   Amount received: $210.00 cash

Receipt # 10-2293                 Issued 04/09/2024
Visit date: 04/09/2024            Counselor: A. Ruiz, LCSW
CPT 90834 Individual psychotherapy, 45 min
Charge; $160.00                   Amount received $160.00 cash

Receipt # 10-2294                 Issued 04/20/2024
Payment on account
Amount received: $50.00 check 1123

                                  Total charged        370.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		paid := 0.0
		if b.Paid != nil {
			paid = *b.Paid
		}
		kind := b.Kind
		if kind == extract.LineCharge {
			kind = "charge"
		}
		got = append(got, fmt.Sprintf("%s %s %s %.2f paid %.2f", b.Date, kind, b.Code, b.Charge, paid))
	}
	want := []string{
		"2024-03-28 charge 90837 210.00 paid 210.00",
		"2024-04-09 charge 90834 160.00 paid 160.00",
		"2024-04-20 payment  0.00 paid 50.00",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(res.BillTotals) != 1 || res.BillTotals[0].Total != 370 {
		t.Errorf("totals %+v, want the charges' 370.00", res.BillTotals)
	}
}

// TestVoidRow: a ledger row stamped void bills nothing and is no total.
func TestVoidRow(t *testing.T) {
	page := `Riverbend Physical Therapy
PATIENT LEDGER
Date         Code     Description                    Units     Charge
04/02/2024   97110    THERAPEUTIC EXERCISE            2        120.00
04/02/2024   97140    MANUAL THERAPY                  1         65.00   ** VOID **
04/04/2024   97140    MANUAL THERAPY                  1         65.00
                      Total charges                            185.00
`
	got := billRows(extractText(t, page).Bills)
	if want := "2024-04-02 97110 120.00|2024-04-04 97140 65.00"; strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestReceiptFeePointLostOCR: a greyscale receipt's fee lost its decimal
// point ("Fee: 22800"). The receipt's own paid amount and balance add up
// to 228.00: the fee is 228.00. Without a balance that shows it, the fee
// stays unread and the receipt bills nothing.
func TestReceiptFeePointLostOCR(t *testing.T) {
	receipts := func(balance string) string {
		return `Bridgeway Behavioral Health
Receipt copies - HALVORSEN, SHAUNA - page 1
RECEIPT                                        No. 7522
Date: 01/31/2024                                        Client: HALVORSEN, SHAUNA
Date of service: 01/31/2024                                  Clinician: Lucia Yamada, PhD
Service: 90837 PSYTX W PT 60 MINUTES
Fee: 22800                                        Paid: 228.00 Check #6458
` + balance + `
RECEIPT                                        No. 7524
Date: 02/07/2024                                        Client: HALVORSEN, SHAUNA
Date of service: 02/07/2024                                  Clinician: Lucia Yamada, PhD
Service: 90837 PSYTX W PT 60 MINUTES
Fee: 228.00                                        Paid: 228.00 Check #6458
Balance: 0.00                                        Tax ID 33-9059924 NPI 1315669105
`
	}
	wantBillRows(t, extractOCR(t, receipts("Balance: 0.00                                        Tax ID 33-9059924 NPI 1315669105")),
		"2024-01-31 90837 228.00|2024-02-07 90837 228.00")
	wantBillRows(t, extractOCR(t, receipts("Balance: 10.00                                        Tax ID 33-9059924 NPI 1315669105")),
		"2024-01-31  0.00|2024-02-07 90837 228.00")
}

// TestReceiptSummaryColumnsOCR: OCR reads the summary under a practice's
// receipt copies column by column: the summary's heading, with the period
// of its services, then each total's amount over its caption. The heading
// is no service line: the receipts bill what they bill, once.
func TestReceiptSummaryColumnsOCR(t *testing.T) {
	page := `Harbor Counseling Center
Receipt copies - DOE, JANE - page 1
RECEIPT                                        No. 7522
Date: 01/31/2024                                        Client: DOE, JANE
Date of service: 01/31/2024                                  Clinician: Lucia Yamada, PhD
Service: 90791 PSYCH DIAGNOSTIC EVALUATION
Fee: 310.00                                        Paid: 310.00 Check #6458
Balance: 0.00                                        Tax ID 33-9059924 NPI 1315669105
RECEIPT                                        No. 7524
Date: 02/07/2024                                        Client: DOE, JANE
Date of service: 02/07/2024                                  Clinician: Lucia Yamada, PhD
Service: 90837 PSYTX W PT 60 MINUTES
Fee: 228.00                                        Paid: 228.00 Check #6458
Balance: 0.00                                        Tax ID 33-9059924 NPI 1315669105

Summary of receipts, services 01/31/2024 - 02/07/2024

538.00

Total fees

538.00

Total paid

0.00

Balance due
`
	wantBillRows(t, extractOCR(t, page), "2024-01-31 90791 310.00|2024-02-07 90837 228.00")
}

// TestReceiptFeeSpeckMinusOCR: OCR read a speck after a receipt's fee as
// a minus ("Fee: 176.00-"). The receipt's own sums show the fee is a
// charge: what was paid and the balance add up to it as printed without
// the minus. A fee whose sums do not show that stays as read.
func TestReceiptFeeSpeckMinusOCR(t *testing.T) {
	receipts := func(balance string) string {
		return `Bridgeway Behavioral Health
Receipt copies - THORNBURY, MEI - page 1
RECEIPT                                        No. 5164
Date: 12-02-2024                                        Client: THORNBURY, MEI
Date of service: 12-02-2024                               Clinician: Farah Crane, PsyD
Service: 90791 PSYCH DIAGNOSTIC EVALUATION.
Fee: 328.00                                        Paid: 328.00 MC ending 4132
Balance: 0.00                                        Tax ID 90- 2987308 NPI 2049251285
RECEIPT                                        No. 5167
Date: 12-23-2024                                        Client: THORNBURY, MEI
Date of service: 12-23-2024
Service: 90834 PSYTX W PT 45 MINUTES
Fee: 176.00-                                        Paid: 176.00 MC ending 4131
` + balance + `
`
	}
	wantBillRows(t, extractOCR(t, receipts("Balance: 0.00                                        Tax ID 90-2987308 NPI 2049251285")),
		"2024-12-02 90791 328.00|2024-12-23 90834 176.00")
	wantBillRows(t, extractOCR(t, receipts("Balance: 20.00                                        Tax ID 90-2987308 NPI 2049251285")),
		"2024-12-02 90791 328.00|2024-12-23  0.00")
}
