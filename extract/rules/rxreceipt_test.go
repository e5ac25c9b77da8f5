package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestPharmacyCounterReceipts: counter receipts copied to one page print
// each sale's date and clock time over its prescriptions ("Rx #", a drug,
// its price), then a subtotal, tax and total, and what was tendered. Each
// prescription is a charge of its sale's day; the total is a total; the tax,
// the cash tendered and the change are no lines.
func TestPharmacyCounterReceipts(t *testing.T) {
	page := `                 MAPLEWOOD PHARMACY
           410 Main Street, Dover, DE 19901
   03/02/2024 2:41 PM                  REG 1 TRN 0077
   Rx #4410273 NAPROXEN 500MG TAB                 16.80
     QTY 60 DS 30
   Rx #4410274 TIZANIDINE 4MG TAB                 22.15
     QTY 30 DS 10
   SUBTOTAL                                       38.95
   TAX                                             0.00
   TOTAL                                          38.95
   CASH                                           40.00
   CHANGE                                          1.05

                 MAPLEWOOD PHARMACY
           410 Main Street, Dover, DE 19901
   04/01/2024 9:15 AM                  REG 2 TRN 0311
   Rx #4410273-1 NAPROXEN 500MG TAB               16.80
     QTY 60 DS 30
   SUBTOTAL                                       16.80
   TAX                                             0.00
   TOTAL                                          16.80
   VISA ****1234                                  16.80
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		if b.Kind != extract.LineCharge {
			t.Errorf("line %+v, want a charge", b)
		}
		got = append(got, fmt.Sprintf("%s %.2f", b.Date, b.Charge))
	}
	if want := "2024-03-02 16.80|2024-03-02 22.15|2024-04-01 16.80"; strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
	var tots []string
	for _, bt := range res.BillTotals {
		tots = append(tots, fmt.Sprintf("%.2f", bt.Total))
	}
	if want := "38.95|16.80"; strings.Join(tots, "|") != want {
		t.Errorf("totals %q, want %q", strings.Join(tots, "|"), want)
	}
}

// TestPharmacyCounterReceiptsScanned: on a fax OCR strews specks over the
// register line ("; 04/01/2024 9:15 AM . \"REG 2 TRN 0311 ."); it still
// dates the prescriptions under it.
func TestPharmacyCounterReceiptsScanned(t *testing.T) {
	page := `MAPLEWOOD PHARMACY
410 Main Street, Dover, DE 19901
03/02/2024 2:41 PM REG 1 TRN 0077
; Rx #4410273 NAPROXEN 500MG TAB 16.80
SUBTOTAL 16.80
TOTAL 16.80
MAPLEWOOD PHARMACY
410 Main Street, Dover, DE 19901
; 04/01/2024 9:15 AM . "REG 2 TRN 0311 .
. ‘Rx #4410273-1 NAPROXEN 500MG TAB : 16.80 ;
SUBTOTAL 16.80
TOTAL 16.80
`
	res := extractOCR(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %.2f", b.Date, b.Charge))
	}
	if want := "2024-03-02 16.80|2024-04-01 16.80"; strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}
