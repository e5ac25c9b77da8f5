package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestRentalStatementCodesOCR: a medical equipment supplier's rental
// statement prints HCPCS codes with the supply modifiers (NU new
// equipment, RR rental, KH/KI the rental month). OCR damages the code cell
// in ways the statement itself undoes: the L of a code read as a one
// ("10180 NU": no CPT code is billed as new equipment), a speck between
// the row's dates and its code ("* LO180", "$/28/24  .  5/28/24", the five of
// the first read as a dollar sign), the
// letter lost ("0730 RR KH" beside the "E0730 RR KI" of the next month's
// rental, its month "Mo 1" read "Mol") or a digit lost ("A456" beside the
// "A4556" of the same item).
// A purchased item named "adjustable" stays a charge.
func TestRentalStatementCodesOCR(t *testing.T) {
	page := `Northgate Home Medical
EQUIPMENT RENTAL - PATIENT STATEMENT                      Statement date: 09/30/2024
Billed      From        Through     HCPCS      Mod   Description                         Month    Charge   Balance
5/28/24     5/28/24                 10180      NU     CERV COLLAR MULT POST ADJ       Purchase     310.00    310.00
5/28/24     5/28/24                * LO637  °  NU     LSO SAG-CORONAL ADJ PREFAB      Purchase     920.00   1,230.00
$/28/24  .  5/28/24     6/26/24     0730       RR KH TENS FOUR OR MORE LEADS        Mol      95.00   1,325.00
5/28/24     5/28/24                 A456              ELECTRODES PER PAIR             Supply      28.00   1,353.00
6/27/24     6/27/24     7/26/24     E0730      RR KI TENS FOUR OR MORE LEADS        Mo 2     95.00   1,448.00
6/27/24     6/27/24                 A4556             ELECTRODES PER PAIR             Supply      28.00   1,476.00
Total rental and purchase charges          1,476.00
Amount due                                 1,476.00
`
	res := extractOCR(t, page)
	wantBillRows(t, res, "2024-05-28 L0180 310.00|2024-05-28 L0637 920.00|2024-05-28 E0730 95.00|2024-05-28 A4556 28.00|2024-06-27 E0730 95.00|2024-06-27 A4556 28.00")
}

// TestRunningBalanceProvesChargeOCR: a statement that prints a running
// balance on every row proves a charge cell OCR read a five of as a
// dollar sign ("$1.00" where the balance grows by 51.00), and the amount
// of a credit whose caption OCR shifted away from its column (the
// balance falls by the adjustment).
func TestRunningBalanceProvesChargeOCR(t *testing.T) {
	page := `Northgate Home Medical
EQUIPMENT RENTAL - PATIENT STATEMENT                      Statement date: 09/30/2024
Billed      From        Through     HCPCS      Mod   Description                         Month    Charge   Balance
8/01/24     8/01/24     8/30/24     E0730      RR KI TENS FOUR OR MORE LEADS        Mo 2     95.00     95.00
8/01/24     8/01/24                 A4556             ELECTRODES PER PAIR             Supply      $1.00    146.00
8/20/24                                       Contractual adjustment           (20.00)          126.00
Total rental and purchase charges            146.00
Amount due                                   126.00
`
	res := extractOCR(t, page)
	wantBillRows(t, res, "2024-08-01 E0730 95.00|2024-08-01 A4556 51.00|2024-08-20  0.00")
	if a := res.Bills[2]; a.Kind != "adjustment" || a.Adjustment == nil || *a.Adjustment != 20 {
		t.Errorf("adjustment row read as %+v", a)
	}
}

// TestAmbulanceColumnsShiftedOCR: an ambulance company's account
// statement prints units, rate, amount and a running balance; OCR set the
// rows' cells a column's width left of their captions, so that by
// position the rate stands under the units, the amount under the rate
// and the balance under the amount. With as many amounts as amount
// captions, each is its caption's in order. A mileage code OCR read a
// zero of twice ("A0Q425") is still the code.
func TestAmbulanceColumnsShiftedOCR(t *testing.T) {
	page := `Lakeshore Fire Rescue
Ambulance Billing Department
ACCOUNT STATEMENT - AMBULANCE TRANSPORT                      Statement date 03-23-2025
Date    _      Code       Mod        Description                                  Units        Rate      Amount      Balance
09-28-2024   A0427      SH       - ALS1 EMERGENCY TRANSPORT       :          1    1,840.00     1,840.00     1,840.00
09-28-2024   A0Q425      SH         GROUND MILEAGE PER STATUTE MILE         9       24.00       216.00     2,056.00
09-28-2024   A0422      SH         AMBULANCE O2 LIFE SUSTAINING               1      95.00        95.00     2,151.00
10-29-2024                          PIP PAYMENT - CLAIM 8812345                                (1,200.00)      951.00
10-29-2024                          CONTRACTUAL ADJUSTMENT                                       (151.00)       800.00
Total charges                                        2,151.00
Balance due                                            800.00
`
	res := extractOCR(t, page)
	wantBillRows(t, res, "2024-09-28 A0427 1840.00|2024-09-28 A0425 216.00|2024-09-28 A0422 95.00|2024-10-29  0.00|2024-10-29  0.00")
	if a := res.Bills[4]; a.Kind != "adjustment" || a.Adjustment == nil || *a.Adjustment != 151 {
		t.Errorf("adjustment row read as %+v", a)
	}
}

// TestRentalPurchaseChargesTotal: an equipment supplier's "Total rental
// and purchase charges" is its total of charges (read as OCR may,
// "Totat rentat"), not a funding company's purchase price, which totals
// nothing the lines bill.
func TestRentalPurchaseChargesTotal(t *testing.T) {
	page := `Bluestem DME
MONTHLY RENTAL STATEMENT                                        Statement date: 3/10/25
Billed      From        Through     HCPCS      Mod   Description                         Month    Charge   Balance
12/23/24    12/23/24                L0180      NU     CERV COLLAR MULT POST ADJ       Purchase     435.00    435.00
12/23/24    12/23/24    1/22/25     E0730      RR KH TENS FOUR OR MORE LEADS        Mo 1    111.00    546.00
2/13/25                                       Payment - thank you                         (288.00)   258.00
%s                      546.00
Total payments received                             (288.00)
Amount due                                        258.00
`
	for _, caption := range []string{"Total rental and purchase charges", "Totat rentat and purchase charges"} {
		res := extractOCR(t, fmt.Sprintf(page, caption))
		var got []string
		for _, x := range res.BillTotals {
			got = append(got, fmt.Sprintf("%s:%.2f", x.Kind, x.Total))
		}
		if want := ":546.00 payments:288.00 balance:258.00"; strings.Join(got, " ") != want {
			t.Errorf("%s: totals %q, want %q", caption, strings.Join(got, " "), want)
		}
	}
}
