package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestMembershipFeeNoCharge: an ambulance service's statement to a member
// household prints the membership program's fee (paid, and the renewal
// due) above the transport's charges. The fee buys no care: neither its
// payment nor its renewal is a bill line; the transport's charges and the
// insurer's payment are.
func TestMembershipFeeNoCharge(t *testing.T) {
	page := `Tri-Valley Ambulance Authority
Ambulance Subscription Program
STATEMENT OF ACCOUNT                                                   Statement date: 04/18/2025
Member: OKAFOR household         Member # 20-88412
Subscription fee paid 01/06/2025                                                            75.00
Subscription renewal due 01/06/2026                                                         75.00

Transport 03/03/2025
Date          Code       Description                                  Units        Amount
03/03/2025    A0429      BLS EMERGENCY TRANSPORT                        1        1,210.00
03/03/2025    A0425      GROUND MILEAGE                                 9          198.00
                         Total charges                                           1,408.00
04/02/2025               Crestline Health Plan - insurance payment                (802.56)
                         Balance due                                                 0.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		amt := b.Charge
		if b.Paid != nil {
			amt = *b.Paid
		}
		kind := b.Kind
		if kind == extract.LineCharge {
			kind = "charge"
		}
		got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, kind, amt))
	}
	want := "2025-03-03 charge 1210.00|2025-03-03 charge 198.00|2025-04-02 payment 802.56"
	if strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}
