package rules

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestPointOfSaleItems: a walk-in clinic's register receipt itemises the
// visit under its labelled date, without a column header; some items carry
// a code, a dispensed drug or a supply often none. The rows the subtotal
// sums are the visit's charges, coded or not; the discount, the card
// tendered and the change are none.
func TestPointOfSaleItems(t *testing.T) {
	for _, tc := range []struct {
		name, rows string
		want       []string
	}{
		{"mixed", `
99213 OFFICE VISIT EST                     150.00
J3301 KENALOG INJ 10MG                      35.00
ACE WRAP 4 INCH                             12.25
------------------------------------------------
SUBTOTAL                                   197.25
SELF-PAY DISCOUNT (20%)                    (39.45)
TOTAL                                      157.80`, []string{"2024-03-05 99213 150.00", "2024-03-05 J3301 35.00", "2024-03-05  12.25"}},
		{"uncoded", `
OFFICE VISIT EST                           150.00
KENALOG INJ 10MG                            35.00
ACE WRAP 4 INCH                             12.25
------------------------------------------------
SUBTOTAL                                   197.25
SELF-PAY DISCOUNT (20%)                    (39.45)
TOTAL                                      157.80`, []string{"2024-03-05  150.00", "2024-03-05  35.00", "2024-03-05  12.25"}},
	} {
		page := `PINE RIDGE WALK-IN CLINIC
118 Main St, Dayton, OH 45402
PATIENT RECEIPT
Date of service: 03/05/2024
Patient: DOE, JANE Acct 5521
Provider: Ann Lee, PA-C
------------------------------------------------` + tc.rows + `
DEBIT ****1234                             157.80
CHANGE DUE                                   0.00
03/05/2024 4:12 PM REG 1 TRN 0420
THANK YOU
`
		res := extractText(t, page)
		var got []string
		sum := 0.0
		for _, b := range res.Bills {
			if b.Kind != extract.LineCharge {
				continue
			}
			got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
			sum += b.Charge
		}
		if len(got) != len(tc.want) || math.Abs(sum-197.25) > 0.005 {
			t.Errorf("%s: charges\n%s\nwant\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// TestAdjustmentBracketJ: a fax's OCR reads the J of "ADJ" as a closing
// bracket or a bar ("AD] - FEE SCHEDULE"): the credit is still an
// adjustment, not a payment.
func TestAdjustmentBracketJ(t *testing.T) {
	for _, desc := range []string{"AD] - FEE SCHEDULE", "AD| CONTRACTUAL", "ADJ - FEE SCHEDULE"} {
		if k := lineKind(desc, extract.BillLine{Charge: -301}); k != extract.LineAdjustment {
			t.Errorf("%q: kind %q, want adjustment", desc, k)
		}
	}
	if k := lineKind("ADDL VIEWS", extract.BillLine{Charge: 40}); k != extract.LineCharge {
		t.Errorf("ADDL VIEWS: kind %q, want a charge", k)
	}
}

// TestPointOfSaleAmountAbove: a fax's OCR set a receipt row's amount on a
// line of its own above the row's words ("46.00", then "SOFT C-COLLAR"):
// the subtotal printed under the rows adds the pair up with the others, so
// it is the item.
func TestPointOfSaleAmountAbove(t *testing.T) {
	page := `PINE RIDGE WALK-IN CLINIC
PATIENT RECEIPT - SELF PAY
Date of service: 03/05/2024
Provider: Ann Lee, PA-C
OFFICE VISIT EST                           150.00
KENALOG INJ 10MG                            35.00
12.25

ACE WRAP 4 INCH
SUBTOTAL                                   197.25
SELF-PAY DISCOUNT (20%)                    (39.45)
TOTAL                                      157.80
DEBIT ****1234                             157.80
03/05/2024 4:12 PM REG 1 TRN 0420
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Description, b.Charge))
		}
	}
	want := []string{"2024-03-05 OFFICE VISIT EST 150.00", "2024-03-05 KENALOG INJ 10MG 35.00", "2024-03-05 ACE WRAP 4 INCH 12.25"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("charges\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestPointOfSaleTotals: a register receipt's subtotal is its charges;
// the self-pay discount under it an adjustment; its TOTAL is what was
// charged to the card after the discount, no total of charges; the card
// line is the payment (a balance of 0.00 totals nothing).
func TestPointOfSaleTotals(t *testing.T) {
	page := `          PINE RIDGE WALK-IN CLINIC
          PATIENT RECEIPT
          Date of service: 03/05/2024
          Provider: Ann Lee, PA-C
          99213 OFFICE VISIT EST                     150.00
          ACE WRAP 4 INCH                             12.25
          SUBTOTAL                                   162.25
          SELF-PAY DISCOUNT (20%)                    (32.45)
          TOTAL                                      129.80
          VISA ****1234                              129.80
CHANGE DUE                                   0.00
BALANCE                                      0.00
03/05/2024 4:12 PM REG 1 TRN 0420
`
	res := extractText(t, page)
	var got []string
	for _, tot := range res.BillTotals {
		got = append(got, fmt.Sprintf("%s %.2f", tot.Kind, tot.Total))
	}
	want := []string{" 162.25", "adjustments 32.45", "payments 129.80"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("totals\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestPointOfSaleMaskedCard: the card tendered prints its number masked
// ("VISA ***23130", OCR may run a digit of the mask's edge into the last
// four): a card number is no procedure code, and the row tenders the
// payment, no charge.
func TestPointOfSaleMaskedCard(t *testing.T) {
	page := `FIRSTSTOP WALK-IN CLINIC
4667 Medical Plaza, Bakersfield, CA 93301
SELF-PAY RECEIPT
DOS: 02-09-2024
Patient: VILLANUEVA, BEATRIZ  Acct 45226192
VISIT - LEVEL 3 (NEW)                                    281.00
INJ ADMIN IM                                               46.00
XR CERVICAL SPINE 2-3 VW                                 95.00
SUBTOTAL                                                422.00
SELF-PAY DISCOUNT (25%)                                (105.50)
TOTAL                                                   316.50
VISA ***23130                                           316.50
APPROVAL CODE: 288842  CHIP
CHANGE DUE                                                0.00
BALANCE                                                   0.00
02-09-2024 11:34 PM  REG 2  TRN 5703
`
	var got []string
	for _, b := range extractOCR(t, page).Bills {
		if b.Kind == extract.LineCharge {
			got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
		}
	}
	if want := "2024-02-09  281.00|2024-02-09  46.00|2024-02-09  95.00"; strings.Join(got, "|") != want {
		t.Errorf("charges %q, want %q", got, want)
	}
}
