package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// chargeLines lists a result's charges as "date code charge".
func chargeLines(res extract.Result) string {
	var got []string
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
		}
	}
	return strings.Join(got, "|")
}

// TestPharmacyLienInvoiceCompound: a pharmacy's invoice to a law firm
// prints each fill's date, its Rx number and the date the prescription was
// written (a day or months before the fill: no posting date), and under a
// compounded drug's fill its ingredients with their costs and the
// compounding fee, which the fill's charge sums. The fill's quantity, with
// its unit of measure, and its charge wrap to a line of their own.
func TestPharmacyLienInvoiceCompound(t *testing.T) {
	page := `                 RIVERBEND APOTHECARY
PHARMACY INVOICE                                        Invoice 55120   Date 09/30/2024
Bill to: Smith & Ortiz LLP (lien)
Filled    Rx #         Written   Prescriber      Drug / NDC                        Qty   DS          Charge
03/05/2024 7120044     03/04/2024 Dr. Quill      NAPROXEN 500MG TAB 68462-0190-01  60    30           24.10
03/05/2024 8100231     03/04/2024 Dr. Quill      COMPOUND: DICLOFENAC 3%/BACLOFEN 2%
                                                                                   180 GM 30         780.00
                                                   ingr. DICLOFENAC SODIUM USP 38779-1010-05
                                                                                   6 GM       cost 410.00
                                                   ingr. BACLOFEN USP POWDER 38779-0388-05
                                                                                   4 GM       cost 220.00
                                                   Ingredient: LIPODERM BASE 38779-2542-08
                                                                                   170 GM     cost 95.00
                                                   compounding fee                            fee 55.00
03/11/2024 7120059     03/11/2024 Dr. Quill      GABAPENTIN 300MG CAP 27241-0095-03 90  30           31.00
03/12/2024 7120060     03/11/2024 Dr. Quill      TIZANIDINE 4MG TAB 55111-0180-15  30    10           19.40
03/13/2024 7120061     03/11/2024 Dr. Quill      LIDOCAINE 5% PATCH 00591-3525-30  30    30          140.00
04/04/2024 7120044-1   03/04/2024 Dr. Quill      NAPROXEN 500MG TAB 68462-0190-01  60    30           24.10

                                                 Total charges                               1018.60
`
	res := extractText(t, page)
	if got, want := chargeLines(res), "2024-03-05  24.10|2024-03-05  780.00|2024-03-11  31.00|2024-03-12  19.40|2024-03-13  140.00|2024-04-04  24.10"; got != want {
		t.Errorf("charges %q, want %q", got, want)
	}
	for _, b := range res.Bills {
		if strings.Contains(strings.ToLower(b.Description), "ingr") {
			t.Errorf("line %q carries an ingredient", b.Description)
		}
	}
}

// TestPharmacyInvoiceScannedDateCells: on a scan OCR runs the fill date
// into the Rx number beside it ("04-04-20247120044-1", its dashes spaced),
// or reads the fill date and Rx number as a block of their own after the
// rest of the row, which then reads only the written date.
func TestPharmacyInvoiceScannedDateCells(t *testing.T) {
	page := `RIVERBEND APOTHECARY
PHARMACY INVOICE                          Invoice 55120   Date 09/30/2024
Written   Prescriber    Drug / NDC                        Qty   DS          Charge
Filled    Rx #
03 - 05 - 20247120044    03-04-2024 Dr. Quill NAPROXEN 500MG TAB 68462-0190-01  60    30           24.10
03-04-2024Dr. Quill    TIZANIDINE 4MG TAB 55111-0180-15   30    10           19.40

03-06-20247120051

04-04-20247120044-1. 03-04-2024 Dr. Quill NAPROXEN 500MG TAB 68462-0190-01  60    30           24.10
Total charges                                67.60
`
	res := extractText(t, page)
	if got, want := chargeLines(res), "2024-03-05  24.10|2024-03-06  19.40|2024-04-04  24.10"; got != want {
		t.Errorf("charges %q, want %q", got, want)
	}
}

// TestJournalScannedCaptions: an account activity report posts each
// charge days after its date of service, which it prints beside the
// posting date. OCR marred the DOS caption ("bos"), so the posting date's
// caption stands alone over the two dates; the code column lost a HCPCS
// code's letter ("3301" after the transaction type).
func TestJournalScannedCaptions(t *testing.T) {
	page := `PATIENT ACCOUNT ACTIVITY REPORT                    Run date 06-10-2024
Posted      bos        Type   Code     Description                         Prov   Units     Amount     Balance
02-16-2024 02-14-2024 CHG   64483     NJX TFRM EPI L/S 1 LVL             RB     1        1,880.00     1,880.00
02-16-2024 02-14-2024 CHG   3301     TRIAMCINOLONE ACET INJ 10MG         RB     4           60.00     1,940.00
03-01-2024 02-14-2024 PMT   PIPPMT   MEDPAY PAYMENT CHK 104427                           (500.00)     1,440.00
Total charges                                        1,940.00
`
	res := extractText(t, page)
	if got, want := chargeLines(res), "2024-02-14 64483 1880.00|2024-02-14 J3301 60.00"; got != want {
		t.Errorf("charges %q, want %q", got, want)
	}
}

// TestPharmacyInvoiceScannedISODates: an invoice printing ISO dates, its
// fill date glued to the Rx number ("2025 -01- 306418380"), at the row's
// opening or, where OCR set the block, after the row's other cells.
func TestPharmacyInvoiceScannedISODates(t *testing.T) {
	page := `RIVERBEND APOTHECARY
PHARMACY INVOICE                          Invoice 55120   Date 2025-04-30
Filled    Rx #         Written   Prescriber      Drug / NDC                        Qty   DS          Charge
2025 -01- 306418380    2025-01-29 Dr. Quill NAPROXEN 500MG TAB 68462-0190-01  60    30           24.10
2025-01-29 Dr. Quill TIZANIDINE 4MG TAB 55111-0180-15 2025-02-036418381-1   30    10           19.40
Total charges                                43.50
`
	res := extractText(t, page)
	if got, want := chargeLines(res), "2025-01-30  24.10|2025-02-03  19.40"; got != want {
		t.Errorf("charges %q, want %q", got, want)
	}
}

// TestPaymentCheckNumberIsNoCode: a payment row names the check that paid
// it ("CHK 10442", "Check #20917", "CK# 55120"); five digits after a
// check's label are its number, no CPT code, and the row bills nothing.
func TestPaymentCheckNumberIsNoCode(t *testing.T) {
	for _, check := range []string{"CHK 10442", "Check #20917", "CK# 55120", "chk no. 99213"} {
		page := `PATIENT ACCOUNT ACTIVITY REPORT                    Run date 06-10-2024
Posted      DOS        Type   Code     Description                         Prov   Units     Amount     Balance
02-16-2024 02-14-2024 CHG   64483     NJX TFRM EPI L/S 1 LVL             RB     1        1,880.00     1,880.00
03-01-2024 02-14-2024 PMT   PIPPMT   MEDPAY PAYMENT ` + check + `                           (500.00)     1,380.00
Total charges                                        1,880.00
`
		res := extractText(t, page)
		if got, want := chargeLines(res), "2024-02-14 64483 1880.00"; got != want {
			t.Errorf("%s: charges %q, want %q", check, got, want)
		}
	}
}

// TestCheckVisitCodeAfterDescription: "check" in a service's description
// before its code ("POST OP CHECK 99024") is no check's label: only CHK,
// or a check's number sign ("Check #", "Check No."), labels one. (The
// post-operative check at 0.00 bills nothing: no line, nor a payment.)
func TestCheckVisitCodeAfterDescription(t *testing.T) {
	page := `RIVERSIDE SURGICAL ASSOCIATES
ITEMIZED STATEMENT                                   Statement date 06-10-2024
02-14-2024   Office visit, est. patient 99213          185.00
02-28-2024   Post op check 99024                         0.00
03-12-2024   Wound check 99212                         110.00
Total charges                                          295.00
`
	res := extractText(t, page)
	if got, want := chargeLines(res), "2024-02-14 99213 185.00|2024-03-12 99212 110.00"; got != want {
		t.Errorf("charges %q, want %q", got, want)
	}
	if len(res.Bills) != 2 {
		t.Errorf("%d lines, want the 2 charges and no payment", len(res.Bills))
	}
}
