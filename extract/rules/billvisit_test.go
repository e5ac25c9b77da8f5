package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestStatementByVisit: a group practice's statement prints no row of
// column captions; it prints one block per visit, headed by the visit's
// date (and its clinician), with the visit's coded services (each with
// its quantity) undated under it, then the payments and adjustments
// posted to the visit on their own dates and the visit's balance. Each
// service is a charge of its block's visit; the quantity label on every
// row makes no pharmacy's printout of it.
func TestStatementByVisit(t *testing.T) {
	page := `Lakeview Orthopedic Associates
220 Harbor Way, Duluth, MN 55802       Phone (218) 555-0190

STATEMENT OF ACCOUNT                              Statement date 09/30/2025
Patient: Ana Ruiz                                 Account 55120

Date of service 07/08/2025   Omar Haddad, MD
    99203      New patient office visit            Qty 1          215.00
    73030      X-ray shoulder 2 views              Qty 2           96.00
    07/08/2025 Copay received                                     (25.00)
    08/12/2025 Insurance payment - Cedar Health                  (140.20)
               Balance this visit                                 145.80
Visit of 07/29/2025 - Omar Haddad, MD, Orthopaedic Surgery, Duluth clinic
    20610      Arthrocentesis major joint          Qty 1          310.00
    J1030      Methylprednisolone acetate 40 mg    Qty 1           18.00
    09/02/2025 Insurance payment - Cedar Health                  (201.50)
    09/02/2025 Contractual write-off                              (61.10)
               Balance this visit                                  65.40

               Total charges                                      639.00
               Total payments                                    (366.70)
               Total adjustments                                  (61.10)
               Balance due                                        211.20
`
	res := extractText(t, page)
	var charges, others []string
	for _, b := range res.Bills {
		switch b.Kind {
		case extract.LineCharge:
			charges = append(charges, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
		default:
			others = append(others, fmt.Sprintf("%s %s", b.Date, b.Kind))
		}
	}
	want := "2025-07-08 99203 215.00|2025-07-08 73030 96.00|2025-07-29 20610 310.00|2025-07-29 J1030 18.00"
	if got := strings.Join(charges, "|"); got != want {
		t.Errorf("charges %q, want %q", got, want)
	}
	wantOthers := "2025-07-08 payment|2025-08-12 payment|2025-09-02 payment|2025-09-02 adjustment"
	if got := strings.Join(others, "|"); got != wantOthers {
		t.Errorf("payments and adjustments %q, want %q", got, wantOthers)
	}
}

// TestQuantityLabelLeftOut: a row that prints its quantity with a label
// ("Qty 2", "Quantity: 1") describes its service without the label.
func TestQuantityLabelLeftOut(t *testing.T) {
	page := `Lakeview Orthopedic Associates
220 Harbor Way, Duluth, MN 55802
STATEMENT OF ACCOUNT                              Statement date 09/30/2025
Visit on 07/08/2025
    99203      New patient office visit            Qty 1          215.00
    73030      X-ray shoulder 2 views              Quantity: 2     96.00
               Total charges                                      311.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %g %s", b.Code, b.Units, b.Description))
	}
	if want := "99203 1 New patient office visit|73030 2 X-ray shoulder 2 views"; strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestVisitHeadingSpeckOCR: on a faxed group statement OCR set a speck
// between a visit heading's day and year ("Visit on Jul 28,.2023"): the
// heading still dates the visit's lines, not the visit before it.
func TestVisitHeadingSpeckOCR(t *testing.T) {
	page := `Northgate Pain Management Center
Patient: Ravi Varga                                        Statement date: Nov 8, 2023
Visit on Jul 14, 2023 - Farah Haddad, MD
62321         NJX INTERLAMINAR CRV/THRC W/IMG                   Qty 1                                     2,726.00
08-15-2023   Payment - Great Plains Casualty                                        (1,287.90)
Visit balance                                        1,438.10
Visit on Jul 28,.2023 - Farah Haddad, MD                                       :
99214         OFFICE O/P EST MOD 30 MIN                            Qty1                                       284.00
80305         DRUG TEST PRSMV DIR OPT OBS                        Qty 1                                        79.00
Visit balance                                        363.00
Total charges                                        3,089.00
`
	var charges []string
	for _, b := range extractOCR(t, page).Bills {
		if b.Kind == "" || b.Kind == "charge" {
			charges = append(charges, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
		}
	}
	if got, want := strings.Join(charges, "|"), "2023-07-14 62321 2726.00|2023-07-28 99214 284.00|2023-07-28 80305 79.00"; got != want {
		t.Errorf("charges %q, want %q", got, want)
	}
}
