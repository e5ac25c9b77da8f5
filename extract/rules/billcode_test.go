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

// TestCodeAfterDamagedDateOCR: a row whose date cell OCR damaged
// ("1216/23" for 12/6/23, "1117/24" for 11/17/24) still prints its revenue
// code and its code in the cells after it, and a speck before the revenue
// code ("» 0270") leaves it the row's revenue code. The drug a pharmacy
// revenue code bills keeps its J ("32270" is J2270), a HCPCS letter read as
// a symbol its letter ("£0730"). The row's date is the one reading of its
// cell between its neighbours' dates; "1117/24" between 10/18/24 and
// 12/17/24 reads as 11/7/24 (a slash read as a one) and as 11/17/24 (a
// slash lost), and stays undated.
func TestCodeAfterDamagedDateOCR(t *testing.T) {
	statement := `St Luke's Reg Hosp ED
ITEMIZED STATEMENT
Statement date: 6/5/24                                        Accaunt #: 49000653
Sve Date       Rev      CPT/HCPCS    Description                                        Qty           Amount
12/6/23        0450     96374         THER/PROPH/DIAG INJ IV PUSH                                 1            384.56
1216/23        0636     32270         MORPHINE SULFATE IN] 10OMG                                  1             31.28
12/6/23        0301     80053         COMPREHEN METABOLIC PANEL  ~                              i            225.40
12/6/23       » 0270                   MED-SUR SUPPLIES                                        1            114.08
12/6/23        0320     72040         XR SPINE CERV 2-3 VW                                        1            379.04
Fotal charges                                        1,134.36
`
	wantBillRows(t, extractOCR(t, statement), "2023-12-06 96374 384.56|2023-12-06 J2270 31.28|2023-12-06 80053 225.40|2023-12-06 0270 114.08|2023-12-06 72040 379.04")

	invoice := `Bluestem Medical Equipment
INVOICE
Invoice #: 8370398                                        Invoice date: 1/27/25
pos —       HCPCS | Mod     Description                                 Rentmo.    Qty        Unit      Amount
10/18/24     E0730    RRKH   TENS FOUR OR MORE LEADS                  1 of 4       1      101.00        101.00
1117/24     £0730    RRKI    TENS FOUR OR MORE LEADS                  2 of 4       1      101.00        101.00
12/17/24     E0730:    RRKI    TENS FOUR OR MORE LEADS                  3 of 4       1.     101.00        101.00
Total charges                                        303.00
`
	wantBillRows(t, extractOCR(t, invoice), "2024-10-18 E0730 101.00| E0730 101.00|2024-12-17 E0730 101.00")
}

// TestQuantityWithSpeckOCR: a supplier's invoice prints quantity, unit
// price and amount; OCR glued a speck to the quantity ("2°", "2:"). The
// line's charge is still the amount, the quantity times the unit price,
// never the unit price.
func TestQuantityWithSpeckOCR(t *testing.T) {
	invoice := `Bluestem Medical Equipment
PATIENT INVOICE
Invoice #: 7458350                                        Invoice date: 08/23/2023
DOS         HCPCS   Mod     Description                                 Rent mo.    Qty        Unit      Amount
06-24-2023 E0730    RRKI   TENS FOUR OR MORE LEADS                  2 of 3       1      111.00        111.00
06-24-2023 A4556      :       ELECTRODES PER PAIR                                  2°      15.00         30.00
07-24-2023 A4556             ELECTRODES PER PAIR                                  2:       15.00         30.00
Total charges                                        171.00
`
	wantBillRows(t, extractOCR(t, invoice), "2023-06-24 E0730 111.00|2023-06-24 A4556 30.00|2023-07-24 A4556 30.00")
}

// TestCodeDegreeSpeckOCR: a degree sign OCR glued to a ledger row's code
// ("97012°") leaves the code.
func TestCodeDegreeSpeckOCR(t *testing.T) {
	page := `Spine Align Chiropractic Center
PATIENT LEDGER                                          Acct 73456856
Dos        Posted      Code      Mod   Units Description                              Charges Payments        Adj     Balance
01.02.2025  01.02.2025  98941            1     CHIROPRACT MAN) 3-4 REGIONS             81.00                            671.00
01.02.2025  01.02.2025  97012°            1     MECHANICAL TRACTION THERAPY            40.00                             711.00
TOTAL CHARGES                                  121.00
`
	wantBillRows(t, extractOCR(t, page), "2025-01-02 98941 81.00|2025-01-02 97012 40.00")
}
