package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestCreditColumnKinds: a self-pay ledger prints the patient's payments
// and the office's discounts in one credit column; the row's words say
// which each is. A discount is an adjustment, its amount the adjustment's,
// none of it paid; the ledger's "Discounts" total is the total of its
// adjustments.
func TestCreditColumnKinds(t *testing.T) {
	page := `Riverbend Physical Therapy
18 Canal St, Lowell, MA 01852
SELF-PAY ACCOUNT LEDGER                                              Printed 05/02/2025
Date         Code     Description                      Units      Charge      Credit      Balance
03/03/2025   97161    PT EVAL LOW COMPLEX              1          150.00                   150.00
03/03/2025            Cash payment                                            (120.00)      30.00
03/05/2025   97110    THERAPEUTIC EXERCISES            2          110.00                   140.00
03/05/2025            Prompt pay discount 15%                                  (16.50)     123.50
03/05/2025            Payment - debit card                                     (93.50)      30.00

                      Total charges                               260.00
                      Payments received                                       (213.50)
                      Discounts                                                (16.50)
                      Balance                                                               30.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			continue
		}
		got = append(got, fmt.Sprintf("%s %s paid=%s adj=%s", b.Date, b.Kind, amountOf(b.Paid), amountOf(b.Adjustment)))
	}
	want := "2025-03-03 payment paid=120.00 adj=-|2025-03-05 adjustment paid=- adj=16.50|2025-03-05 payment paid=93.50 adj=-"
	if strings.Join(got, "|") != want {
		t.Errorf("credits %q, want %q", strings.Join(got, "|"), want)
	}
	var totals []string
	for _, x := range res.BillTotals {
		totals = append(totals, fmt.Sprintf("%s:%.2f", x.Kind, x.Total))
	}
	if want := ":260.00 payments:213.50 adjustments:16.50 balance:30.00"; strings.Join(totals, " ") != want {
		t.Errorf("totals %q, want %q", strings.Join(totals, " "), want)
	}
}

// amountOf prints an optional amount, "-" when there is none.
func amountOf(p *float64) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf("%.2f", *p)
}

// TestTotalsByPayerAndByVisit: a statement prints its payments by payer
// (insurance, patient) and then their total, and a balance for each
// visit and then the account's: the shares and the visits' balances are
// parts of the totals they add up to, no totals of the bill of their own.
func TestTotalsByPayerAndByVisit(t *testing.T) {
	page := `Lakeview Orthopedic Associates
220 Harbor Way, Duluth, MN 55802
STATEMENT OF ACCOUNT                              Statement date 09/30/2025
Visit on 07/08/2025
    99203      New patient office visit                           215.00
    08/12/2025 Insurance payment - Cedar Health                  (140.20)
    07/08/2025 Copay received                                     (25.00)
               Balance this visit                                  49.80
Visit on 07/29/2025
    20610      Arthrocentesis major joint                         310.00
    09/02/2025 Insurance payment - Cedar Health                  (201.50)
    09/02/2025 Contractual write-off                              (61.10)
               Balance this visit                                  47.40

               Total charges                                      525.00
               Insurance payments                                (341.70)
               Patient payments                                   (25.00)
               Total payments                                    (366.70)
               Adjustments                                        (61.10)
               Balance due                                         97.20
`
	res := extractText(t, page)
	var totals []string
	for _, x := range res.BillTotals {
		totals = append(totals, fmt.Sprintf("%s:%.2f", x.Kind, x.Total))
	}
	if want := ":525.00 payments:366.70 adjustments:61.10 balance:97.20"; strings.Join(totals, " ") != want {
		t.Errorf("totals %q, want %q", strings.Join(totals, " "), want)
	}
}

// TestPaymentGluedToDescription: a ledger's payment row whose description
// (a payer and its check number) runs into the payment's amount in
// parentheses still pays that amount; the running balance after it is no
// payment.
func TestPaymentGluedToDescription(t *testing.T) {
	page := `Northshore Hand & Wrist Surgery
44 Bay Rd, Racine, WI 53403
ACCOUNT HISTORY                                                             Run date: 3/1/25
DOS        Code     Units  Description                       Charges    Payments     Balance
11/04/24   99203    1      OFFICE O/P NEW LOW 30 MIN          190.00                   190.00
12/02/24   25447    1      ARTHROPLASTY WRIST INTERPOSITION 2,880.00                 3,070.00
1/15/25                    INS PMT LAKE STATES MUTUAL CHK#55120(1,642.75)            1,427.25
                           TOTAL CHARGES                     3,070.00
                           TOTAL PAYMENTS                               (1,642.75)
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s %.2f paid=%s", b.Date, b.Code, b.Charge, amountOf(b.Paid)))
	}
	want := "2024-11-04 99203 190.00 paid=-|2024-12-02 25447 2880.00 paid=-|2025-01-15  0.00 paid=1642.75"
	if strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestRowCutByOCR: OCR cut a ledger's last row in two, the month of its
// date on a line with the running balance and nothing else. That line
// names no service (no code, no word): it is no charge, and no line is
// made up of it.
func TestRowCutByOCR(t *testing.T) {
	page := `Riverbend Physical Therapy
18 Canal St, Lowell, MA 01852
SELF-PAY ACCOUNT LEDGER                                              Printed 05/02/2025
Date         Code     Description                      Units      Charge      Credit      Balance
04-21-2025   97110    THERAPEUTIC EXERCISES            2          110.00                   410.00
04-21-2025   97140    MANUAL THERAPY                   1           55.00                   465.00

-23-2025   97110      THERAPEUTIC EXERCISES            2          110.00

04-2                                        575.00
`
	res := extractOCR(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
	}
	for _, g := range got {
		if strings.HasSuffix(g, " 575.00") {
			t.Errorf("lines %q: the balance made a charge", strings.Join(got, "|"))
		}
	}
}

// TestCodedCreditNamingAdjustment: on a faxed ledger OCR lost the slashes
// of a credit row's date ("21225," for 2/12/25), which then reads as a
// code; the row names a contractual adjustment and prints a credit. A
// credit whose words name an adjustment or a payment is one, code or not:
// no charge line.
func TestCodedCreditNamingAdjustment(t *testing.T) {
	page := `Spine Align Chiro Ctr
301 Oak Ave, Lexington, KY 40503
PATIENT LEDGER                                                        Run date: 6/22/25
DOS          Posted     Code      Mod   Units Description                               Charges Payments        Adj     Balance
1/20/25      1/22/25    98941            1     CHIROPRACT MAN 3-4 REGIONS              81.00                          1,872.13
2/12/25                            INS PMT GREAT PLAINS CASUALTY CHK#563219        (17.20)                1,854.93
21225,                            CONTRACTUAL AD) CO-45                                        (4.00)     1,850.93
2/21/25                            INS PMT GREAT PLAINS CASUALTY CHK#131074        (16.34)                1,834.59
`
	res := extractOCR(t, page)
	var charges []string
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			charges = append(charges, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
		}
	}
	if got, want := strings.Join(charges, "|"), "2025-01-20 98941 81.00"; got != want {
		t.Errorf("charges %q, want %q", got, want)
	}
}
