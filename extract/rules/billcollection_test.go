package rules

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// collectionPage is a collection agency's itemization of a practice's
// account, as agencies send one with the validation notice: the agency's
// heading, the original creditor, the creditor's rows restated, then what
// the agency adds (its fee, interest, a late charge), dated or not.
const collectionPage = `Great Lakes Recovery Bureau                                   ITEMIZATION OF ACCOUNT
PO Box 2210, Toledo, OH 43601   Toll free 1-800-555-0142        Statement date: 08/14/2025
Debtor: DOE, JANE   DOB: 03/02/1980   Agency ref #: 88120034
Original creditor: Lakeview Imaging Associates   Creditor acct: 4471902
Placed with agency: 07/30/2025   Last payment to creditor: 03/11/2025
Date           Code          Description                                  Amount          Balance
01/06/2025     73721-26      MRI JOINT LOWER EXTREMITY W/O DYE            640.00           640.00
01/20/2025     73562-26      X-RAY EXAM OF KNEE 3                          88.00           728.00
03/11/2025                   Insurance payment - Cedar Health             (301.10)          426.90
03/11/2025                   Contractual adjustment                        (52.40)          374.50
07/30/2025                   Collection agency fee 20%                      74.90           449.40
08/14/2025                   Interest 8% per annum from 07/30/2025           1.23           450.63
                             Late charge                                    10.00           460.63
                             Total original charges                        728.00
                             Balance placed by creditor                                     374.50
                             TOTAL NOW DUE                                                  460.63
This communication is from a debt collector. This is an attempt to collect a debt.
`

// TestCollectionAgencyAddOns: the fee, interest and late charges a
// collection agency (or a practice's own statement) adds to an account
// are no medical charge, dated or not, whatever line they print on; the
// creditor's coded services restated are.
func TestCollectionAgencyAddOns(t *testing.T) {
	res := extractText(t, collectionPage)
	var got []string
	sum := 0.0
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
			sum += b.Charge
		}
	}
	want := "2025-01-06 73721 640.00|2025-01-20 73562 88.00"
	if strings.Join(got, "|") != want {
		t.Errorf("charges %q, want %q", strings.Join(got, "|"), want)
	}
	if sum != 728 {
		t.Errorf("charges sum to %.2f, want the creditor's 728.00", sum)
	}
}

// TestCollectionOriginalCreditor: the lines of a collection agency's
// itemization are the original creditor's, not the agency's: the agency
// bills no care.
// OCR of a fax may keep one space between the creditor's name and the
// label after it.
func TestCollectionOriginalCreditor(t *testing.T) {
	ocr := regexp.MustCompile(`([a-z]) {2,}(Creditor acct)`).ReplaceAllString(collectionPage, "$1 $2")
	for _, page := range []string{collectionPage, ocr} {
		res := extractText(t, page)
		if len(res.Bills) == 0 {
			t.Fatal("no bill lines")
		}
		for _, b := range res.Bills {
			if b.Provider != "Lakeview Imaging Associates" {
				t.Errorf("line %s %s billed by %q, want the original creditor", b.Date, b.Description, b.Provider)
			}
		}
		for _, x := range res.BillTotals {
			if x.Provider != "Lakeview Imaging Associates" {
				t.Errorf("total %s %.2f of %q, want the original creditor", x.Kind, x.Total, x.Provider)
			}
		}
	}
}

// TestCollectionCreditorBalance: "creditor" is no credit: the balance the
// creditor placed with the agency is a balance, not a payment. The total
// now due after the agency's fee and interest is no balance of the care.
func TestCollectionCreditorBalance(t *testing.T) {
	res := extractText(t, collectionPage)
	var got []string
	for _, x := range res.BillTotals {
		got = append(got, fmt.Sprintf("%s:%.2f", x.Kind, x.Total))
	}
	if s := strings.Join(got, " "); !strings.Contains(s, "balance:374.50") || strings.Contains(s, "payments:374.50") {
		t.Errorf("totals %q, want the creditor's balance 374.50 a balance", s)
	}
	if s := strings.Join(got, " "); strings.Contains(s, "460.63") {
		t.Errorf("totals %q, want no total of the fee and interest added", s)
	}
}
