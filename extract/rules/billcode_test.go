package rules

import "testing"

// TestCodeLetterLostOCR: OCR lost the letter of a HCPCS code in the cell
// after a row's date, leaving four digits. A row that bills a drug (a dose
// in its words) prints a J code ("3301" for J3301); another row of the
// bill with the same item printing the whole code gives its letter ("4556"
// beside "A4556 ELECTRODES PER PAIR"). A speck after the date leaves the
// code cell where it is ("12/19/2023,   LO180’.").
func TestCodeLetterLostOCR(t *testing.T) {
	ledger := `Lakeside Bone & Joint Spec.
ACCOUNT HISTORY          .                                        Run date: 03.31.2025
DOS        Posted      Code      Mod   Units Description                               Charges  Payments        Adj     Balance
10.14.2024  10.14.2024  73030     RT    1     XR SHOULDER 2+ VIEWS                    146.00                            146.00
10.28.2024  10.30.2024  20610     RT    1     DRAIN/IN} JOINT/BURSA W/O US            384.00                            530.00
10.28.2024  10.30.2024  3301            4     TRIAMCINOLONE ACET IN) 10MG             60.00                  .          590.00
:                              TOTAL CHARGES                        590.00
`
	wantBillRows(t, extractOCR(t, ledger), "2024-10-14 73030 146.00|2024-10-28 20610 384.00|2024-10-28 J3301 60.00")

	invoice := `Bluestem Medical Equipment
PATIENT INVOICE
Invoice #: 7458350                                        Invoice date: 02/23/2024
DOS         HCPCS   Mod     Description                                 Rent mo.    Qty        Unit      Amount
12/19/2023,   LO180’.    NU       CERV COLLAR MULT POST ADJ         _    Purchase       1      435.00        435.00
12/19/2023   A4556              ELECTRODES PER PAIR                                   4       17.00         68.00
01/18/2024   4556              ELECTRODES PER PAIR                                   4       17.00         68.00
> Total charges                                        571.00
`
	wantBillRows(t, extractOCR(t, invoice), "2023-12-19 L0180 435.00|2023-12-19 A4556 68.00|2024-01-18 A4556 68.00")
}
