package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/layout"
)

// TestFundingStatement: a medical funding company's statement of the
// charges it bought from a provider prints one row a charge: the
// provider's name (cut to the width of its column), the date of service,
// the code (a revenue code where the line has no CPT), the description,
// the full billed charge, then the price the funder paid for it and when.
// Each row is a line at its billed charge, its revenue code read after
// the provider's cell and its date; the purchase price is no payment and
// no balance, its total no total of payments; the payoff asked at
// settlement is what is owed, no line, whatever date it is good through.
func TestFundingStatement(t *testing.T) {
	page := `Summit Lien Capital Partners                                   MEDICAL RECEIVABLES STATEMENT
410 Commerce Way, Suite 200, Fresno                              Statement date: 05/20/2024
Client: Jane Doe   Date of injury: 01/06/2024   Attorney: Reyes Law Group   Account: SLC-55120
Provider                 Svc Date      Code     Description                           Billed      Funded   Funded On
LAKESHORE AMBULATORY S   02/12/2024    64483    TFESI LUMBAR SINGLE LEVEL           3,150.00    1,417.50 02/28/2024
LAKESHORE AMBULATORY S   02/12/2024    0250     PHARMACY                              214.00       96.30 02/28/2024
LAKESHORE AMBULATORY S   02/12/2024    0710     RECOVERY ROOM                         960.00      432.00 03/04/2024
                                                Total billed charges                4,324.00
                                                Total funded (paid to provider)                 1,945.80
Payoff upon settlement: $4,324.00   Valid through 06/19/2024
The funded amount is not a payment on the account. The patient remains responsible for the full billed charges.
`
	// The provider's own record, earlier in the production, names it in
	// full: the cut name on the funder's rows is it.
	record := `LAKESHORE AMBULATORY SURGERY CENTER
88 Lake Dr, Fresno, CA
OPERATIVE REPORT
Date of service: 02/12/2024
Patient: Jane Doe
Procedure: Transforaminal epidural steroid injection, L5-S1.
Diagnosis: M54.16 Radiculopathy, lumbar region.
Assessment: Tolerated well. Plan: follow up in two weeks.
`
	res := extractText(t, page)
	for _, b := range res.Bills {
		if b.Provider != "LAKESHORE AMBULATORY S" || strings.Contains(b.Description, "LAKESHORE") {
			t.Errorf("line %s %s: provider %q, description %q: want the row's provider, out of the description", b.Date, b.Code, b.Provider, b.Description)
		}
	}
	res2 := extractText(t, record, page)
	for _, b := range res2.Bills {
		if b.Provider != "LAKESHORE AMBULATORY SURGERY CENTER" {
			t.Errorf("line %s %s after the provider's record: provider %q, want its full name", b.Date, b.Code, b.Provider)
		}
	}
	want := []string{"2024-02-12 64483 3150.00", "2024-02-12 0250 214.00", "2024-02-12 0710 960.00"}
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
		if b.Paid != nil || b.Balance != nil {
			t.Errorf("line %s %s: the funder's price is no payment nor balance (paid %v, balance %v)", b.Date, b.Code, b.Paid, b.Balance)
		}
	}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("lines %q, want %q", got, want)
	}
	for _, x := range res.BillTotals {
		if x.Kind == extract.TotalPayments {
			t.Errorf("the purchase price's total %.2f read as a total of payments", x.Total)
		}
	}
}

// TestPayoffPaymentRow: a provider's ledger row that posts the payoff a
// funder or a settlement paid stays a payment, no total.
func TestPayoffPaymentRow(t *testing.T) {
	page := `Lakeshore Ambulatory Surgery Center
PATIENT LEDGER
Date         Code     Description                          Charges     Payments     Balance
02/12/2024   64483    TFESI LUMBAR SINGLE LEVEL           3,150.00                  3,150.00
07/01/2024            Settlement payoff payment                       3,150.00          0.00
`
	res := extractText(t, page)
	var kinds []string
	for _, b := range res.Bills {
		kinds = append(kinds, fmt.Sprintf("%s %s %s", b.Date, b.Code, b.Kind))
	}
	if len(res.Bills) != 2 || res.Bills[1].Kind != extract.LinePayment {
		t.Errorf("lines %q: want the charge and the payoff's payment", kinds)
	}
}

// TestCutProviderName: a cut name that begins no name the document prints
// has its cut last word completed when one word of a facility's name
// begins with it ("CE" for Center); a whole word, an ambiguous start and
// a lone letter stay as printed.
func TestCutProviderName(t *testing.T) {
	d := layout.Analyze(nil)
	for cut, want := range map[string]string{
		"MEADOWBROOK SURGERY CE":  "MEADOWBROOK SURGERY CENTER",
		"Riverside Orthopedic Cl": "Riverside Orthopedic Clinic",
		"LAKESHORE AMBULATORY S":  "LAKESHORE AMBULATORY S",
		"Eastpoint ASC - Pain":    "Eastpoint ASC - Pain",
		"Harbor Spine Me":         "Harbor Spine Me",
	} {
		if got := fullName(cut, d); got != want {
			t.Errorf("fullName(%q) = %q, want %q", cut, got, want)
		}
	}
}

// TestFundingStatementScan: on a fax, OCR damages a row's date of service
// ("1219/24" for 12/9/24) and strews specks after the provider's cell;
// the date the funder bought the charge, under its own caption, is no
// date of service: the row is dated from its damaged cell, as the rows
// around it.
func TestFundingStatementScan(t *testing.T) {
	page := `Summit Lien Capital Partners                                   MEDICAL RECEIVABLES STATEMENT
410 Commerce Way, Suite 200, Fresno                              Statement date: 01/20/2025
Client: Jane Doe   Date of injury: 10/06/2024   Attorney: Reyes Law Group   Account: SLC-55120
Provider                 Svc Date      Code     Description                           Billed      Funded   Purchased
Lakeshore Surgery Ctr    12/9/24       64483    TFESI LUMBAR SINGLE LEVEL           3,150.00    1,417.50   12/20/24
Lakeshore Surgery Ctr  . 1219/24       0250     PHARMACY                              214.00       96.30   12/28/24
Lakeshore Surgery Ctr    12/9/24       0710     RECOVERY ROOM                         960.00      432.00    1/4/25
                                                Total billed charges                4,324.00
`
	res := extractText(t, page)
	want := []string{"2024-12-09 64483 3150.00 Lakeshore Surgery Ctr", "2024-12-09 0250 214.00 Lakeshore Surgery Ctr", "2024-12-09 0710 960.00 Lakeshore Surgery Ctr"}
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s %.2f %s", b.Date, b.Code, b.Charge, b.Provider))
	}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("lines %q, want %q", got, want)
	}
}

// TestDamagedDateCellWithSpeck: a damaged date cell with a quote mark OCR
// glued before it ("“5124124" for 5/24/24) holds no procedure code; the
// row bills its revenue code on the date of the rows around it.
func TestDamagedDateCellWithSpeck(t *testing.T) {
	page := `Riverside Surgery Center
ITEMIZED STATEMENT
DOS           Rev     Description                     Charges
5/24/24       0360    OPERATING ROOM SERVICES        1,850.00
“5124124      0272    STERILE SUPPLY                   287.00
5/24/24       0710    RECOVERY ROOM                    796.00
Total charges                                        2,933.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
	}
	want := []string{"2024-05-24 0360 1850.00", "2024-05-24 0272 287.00", "2024-05-24 0710 796.00"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("lines %q, want %q", got, want)
	}
}

// TestDateCellZeroAsLetter: OCR reads the zero that opens a damaged date
// cell as a letter ("Q111/2024" for 01/11/2024): the cell is still the
// row's date, as the rows around it.
func TestDateCellZeroAsLetter(t *testing.T) {
	page := `Riverside Surgery Center
ITEMIZED STATEMENT
DOS             Rev     Description                     Charges
01/11/2024      0360    OPERATING ROOM SERVICES        1,850.00
Q111/2024       0250    PHARMACY                         101.00
01/11/2024      0710    RECOVERY ROOM                    796.00
Total charges                                          2,747.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
	}
	want := []string{"2024-01-11 0360 1850.00", "2024-01-11 0250 101.00", "2024-01-11 0710 796.00"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("lines %q, want %q", got, want)
	}
}

// TestFundingStatementScanSpecks: OCR strews a speck between the
// provider's cell and a damaged date cell ("  >   Q111/2024"), or glues a
// quote mark to one ("“1120124") under a misread date caption ("bos")
// that stands nearer the code's caption: the cell is still the row's
// date, and no procedure code.
func TestFundingStatementScanSpecks(t *testing.T) {
	page := `Summit Lien Capital Partners                                   MEDICAL RECEIVABLES STATEMENT
410 Commerce Way, Suite 200, Fresno                              Statement date: 03/20/2024
Client: Jane Doe   Date of injury: 01/06/2024   Attorney: Reyes Law Group   Account: SLC-55120
Provider                          bos           Code      Description                                   Billed      Purchase Purchased
Harborview Surgical Ctr          01/20/2024     63047      LAMINECTOMY LUMBAR                        8,400.00      3,780.00 01/28/2024
Harborview Surgical Ctr       >   Q120/2024     0250      PHARMACY                                   188.00         84.60 02/02/2024
Harborview Surgical Ctr          “1120124        0272       STERILE SUPPLY                     .     - 342.00        153.90      2/6/24
Harborview Surgical Ctr          01/20/2024     0710       RECOVERY ROOM                             960.00        432.00 02/02/2024
Total billed charges                                                                                 9,890.00
`
	res := extractText(t, page)
	want := []string{"2024-01-20 63047 8400.00", "2024-01-20 0250 188.00", "2024-01-20 0272 342.00", "2024-01-20 0710 960.00"}
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
	}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("lines %q, want %q", got, want)
	}
}
