package rules

import "testing"

// TestCaseBlockRevenueSpeckOCR: a surgery centre's statement heads each
// case's block with its date; the procedure's row and the supply rows
// under it bill on that date by revenue code. OCR glued specks, a stray
// letter among them, to a revenue code under the Rev caption
// ("0278~—C«;"), or read a speck after one as a digit ("02506"): the row
// is still the code's.
func TestCaseBlockRevenueSpeckOCR(t *testing.T) {
	page := `Harborview Surgery Center
FACILITY STATEMENT                                   Statement date 08/02/2024   Page 1
Patient: ROE, SAM   Account: 7781203   Date of injury: 03/15/2024
Rev      Code        Description                              Qty                    Charge
Surgery date: 06/11/2024   Surgeon: Lee Park, MD   Case #2200417
0360     64483       NJX TFRML EPI LUMBAR/SACRAL 1 LVL          1                  2,410.00
02506        Drugs, incl. contrast and local anesthetic         1                    132.00
0278~—C«;      Supplies / implants (sterile)                    1                    318.00
0710        PACU / recovery                                     1                    655.00
Total facility charges                                                            3,515.00
Balance due                                                                       3,515.00
`
	res := extractOCR(t, page)
	wantBillRows(t, res, "2024-06-11 64483 2410.00|2024-06-11 0250 132.00|2024-06-11 0278 318.00|2024-06-11 0710 655.00")
}

// TestCaseBlockOverflowRow: a supply row's description ran into the
// quantity column, and the page's text put the row's quantity and charge
// on a line of their own under the revenue code and its words: the two
// lines are one row.
func TestCaseBlockOverflowRow(t *testing.T) {
	page := `Harborview Surgery Center
FACILITY STATEMENT                                   Statement date 08/02/2024   Page 1
Rev      Code        Description                              Qty                    Charge
Surgery date: 06/11/2024   Surgeon: Lee Park, MD   Case #2200417
0360     64483       NJX TFRML EPI LUMBAR/SACRAL 1 LVL          1                  2,410.00
            0250       Drugs, incl. contrast and local anesthetic
                                                                1                    132.00
            0710       PACU / recovery                          1                    655.00
Total facility charges                                                            3,197.00
`
	res := extractText(t, page)
	wantBillRows(t, res, "2024-06-11 64483 2410.00|2024-06-11 0250 132.00|2024-06-11 0710 655.00")
}
