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
