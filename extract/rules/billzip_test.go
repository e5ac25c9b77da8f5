package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestRemittanceStubZIP: a statement's tear-off stub prints the practice's
// address beside the amount due ("Lancaster, PA 17601      Amount due:
// $1,928.82"): the five digits after a state's abbreviation are a ZIP
// code, not a procedure code, and the stub bills nothing. The statement's
// rows above it are read as before.
func TestRemittanceStubZIP(t *testing.T) {
	page := `Cedar Ridge Pain Center
410 Orchard Rd, Lancaster, PA 17601
Phone (717) 555-0124

PATIENT STATEMENT                                                          Page 1
Statement date: 09/13/2023                          Account number: 31664998
Date of Service     Code      Description                           Charges      Payments      Balance
06/28/2023          99204     OFFICE O/P NEW MOD 45 MIN              421.00                      421.00
07/19/2023          62321     NJX INTERLAMINAR CRV/THRC W/IM       2,327.00                    2,748.00
07/25/2023                    Insurance payment - Auto                            (871.08)     1,876.92

                                                  New charges                                  2,748.00
                                                  Payments                                      (871.08)
                                                  Amount due                                  $1,876.92

- - - - - - Please detach and return this portion with your payment - - - - - -

Remit to: CEDAR RIDGE PAIN CENTER                             Account number: 31664998
410 Orchard Rd                                                Due date: 10/13/2023
Lancaster, PA 17601                                           Amount due: $1,876.92
Jane Doe                                                      Amount enclosed: $__________
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		kind := string(b.Kind)
		if kind == "" {
			kind = "charge"
		}
		got = append(got, fmt.Sprintf("%s %s %s %.2f", b.Date, kind, b.Code, b.Charge))
	}
	want := []string{
		"2023-06-28 charge 99204 421.00",
		"2023-07-19 charge 62321 2327.00",
		"2023-07-25 payment  0.00",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("bills\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
