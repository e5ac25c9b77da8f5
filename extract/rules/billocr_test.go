package rules

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestStatementAmountCellsOCR: a scanned statement's charge cell that OCR
// damaged is still the row's charge. The point may be cut from the
// dollars ("612 .00") or lost ("8500", which is 85.00, under the Charges
// caption) or read as a colon ("50:00"); a five may be read as a dollar
// sign ("$0.00" for the 50.00 the same code bills on the statement's other
// rows). The printed total of charges is what the repaired rows add up
// to.
func TestStatementAmountCellsOCR(t *testing.T) {
	page := `Lakeview Spine & Sport
STATEMENT                                                  Page 1
Statement date: 04-02-2025   Account: 551208
Date         Code        Description                               Qty          Charges        Credits
02-03-2025   99204       NEW PATIENT VISIT LEVEL 4                  1             612 .00
02-03-2025   72040       XR SPINE CERVICAL 2-3 VIEWS                1               85.00
02-10-2025   97014       ELECTRICAL STIMULATION                     1               50.00
02-10-2025   97110       THERAPEUTIC EXERCISE 15 MIN                2              8500
02-17-2025   97014       ELECTRICAL STIMULATION                     1               $0.00
02-17-2025   97110       THERAPEUTIC EXERCISE 15 MIN                2               85.00
02-24-2025   97014       ELECTRICAL STIMULATION                     1               50:00
02-20-2025               INSURANCE PAYMENT - PIP                                               (400.00)
Total charges                                   1,017.00
Payments                                         (400.00)
BALANCE DUE                                       617.00
`
	res := extractOCR(t, page)
	wantBillRows(t, res, "2025-02-03 99204 612.00|2025-02-03 72040 85.00|2025-02-10 97014 50.00|2025-02-10 97110 85.00|2025-02-17 97014 50.00|2025-02-17 97110 85.00|2025-02-24 97014 50.00|2025-02-20  0.00")
}

// TestStatementDateCellsOCR dates the rows of a scanned statement whose
// date cell OCR damaged beyond a slash read as a one: a slash lost
// ("526/25" for 5/26/25), both slashes read as ones ("614125" for 6/4/25),
// a speck before the cell ("_ 6114/25"). The one reading that falls
// between the dates of the rows around it is the row's date.
func TestStatementDateCellsOCR(t *testing.T) {
	page := `Harbor Massage Therapy
STATEMENT OF ACCOUNT
Date         Code      Description                 Units        Charges
5/20/25      97124     MASSAGE THERAPY               4           160.00
526/25       97124     MASSAGE THERAPY               4           160.00
6/2/25       97124     MASSAGE THERAPY               4           160.00
614125       97124     MASSAGE THERAPY               4           160.00
6/9/25       97124     MASSAGE THERAPY               4           160.00
_ 6114/25    97124     MASSAGE THERAPY               4           160.00
6/16/25      97124     MASSAGE THERAPY               4           160.00
Total charges                                                   1,120.00
`
	res := extractOCR(t, page)
	wantBillRows(t, res, "2025-05-20 97124 160.00|2025-05-26 97124 160.00|2025-06-02 97124 160.00|2025-06-04 97124 160.00|2025-06-09 97124 160.00|2025-06-14 97124 160.00|2025-06-16 97124 160.00")
}

// TestColumnsCountCharacters: OCR's curly quotes and degree signs are one
// character wide on the page but several bytes long; a row they precede
// still places its amount by the column it stands in, counted in
// characters, under the Charges caption rather than the Credits one.
func TestColumnsCountCharacters(t *testing.T) {
	page := "Elm Street Physical Therapy\nSTATEMENT\n" +
		"Date       Code     Description                  Qty         Charges       Credits\n" +
		"3/10/25    97140    MANUAL THERAPY 15 MIN          1            74.00\n" +
		"‘3/12/25 ‘ 97110 ‘  THERAPEUTIC EXERCISE 15 MIN   2            140.00\n" +
		"3/12/25    97014    ELECTRICAL STIMULATION         1            34.00\n"
	res := extractOCR(t, page)
	wantBillRows(t, res, "2025-03-10 97140 74.00|2025-03-12 97110 140.00|2025-03-12 97014 34.00")
}

// TestTotalLabelOCR: a speck OCR read as an underscore before a
// statement's total label ("_TOTAL CHARGES"), or its l read as a t or an
// i ("Totat charges", "Totai charges"), leaves it a total of the
// statement, never a further line of it.
func TestTotalLabelOCR(t *testing.T) {
	for _, label := range []string{"_TOTAL CHARGES", "Totat charges", "Totai charges", "TOTAL CHARGES"} {
		page := `Birchwood Orthopedics
STATEMENT
Date         Code      Description                     Units       Charges
03/04/2025   99203     NEW PATIENT VISIT                 1          240.00
03/04/2025   73030     XR SHOULDER 2 VIEWS               1           96.00
` + label + `                                                      336.00
`
		res := extractOCR(t, page)
		wantBillRows(t, res, "2025-03-04 99203 240.00|2025-03-04 73030 96.00")
		if len(res.BillTotals) != 1 || res.BillTotals[0].Total != 336 {
			t.Errorf("%s: totals %+v, want one of 336.00", label, res.BillTotals)
		}
	}
}

// TestBalanceLabelOCR: a statement's balance label with its l read as a
// t or a 1, its c as an o, or its B as an 8 ("Batance due", "8alance",
// "Balanoe") is still the balance, never a further charge.
func TestBalanceLabelOCR(t *testing.T) {
	for _, label := range []string{"Batance due", "BALANCE", "8alance", "Balanoe", "Ba1ance"} {
		page := `Birchwood Orthopedics
STATEMENT
Date         Code      Description                     Units       Charges
03/04/2025   99203     NEW PATIENT VISIT                 1          240.00
03/04/2025   73030     XR SHOULDER 2 VIEWS               1           96.00
Total charges                                                       336.00
` + label + `                                                      336.00
`
		res := extractOCR(t, page)
		wantBillRows(t, res, "2025-03-04 99203 240.00|2025-03-04 73030 96.00")
		kinds := map[string]float64{}
		for _, bt := range res.BillTotals {
			kinds[bt.Kind] = bt.Total
		}
		if kinds["balance"] != 336 {
			t.Errorf("%s: totals %+v, want a balance of 336.00", label, res.BillTotals)
		}
	}
}

// TestStrayDigitKeptAsRead: OCR glued a speck read as a digit before one
// charge ("890.00" for 90.00). Extraction keeps the charge as read and the
// printed total of charges beside it: the chronology repairs the line by
// the total, keeping OCR's reading, with a flag a reviewer checks against
// the page (chronology.TestChargeRepairedByPrintedTotal), never silently.
func TestStrayDigitKeptAsRead(t *testing.T) {
	for _, tt := range []struct{ charge, total string }{
		{"890.00", "235.00"},
		{"890.00", "1,035.00"},
	} {
		page := "Westgate Physical Therapy\nSTATEMENT\n" +
			"Date         Code      Description                     Units       Charges\n" +
			"04/01/2025   97110     THERAPEUTIC EXERCISE              2           90.00\n" +
			"04/03/2025   97110     THERAPEUTIC EXERCISE              2          " + tt.charge + "\n" +
			"04/08/2025   97140     MANUAL THERAPY                    1           55.00\n" +
			"Total charges                                                     " + tt.total + "\n"
		res := extractOCR(t, page)
		wantBillRows(t, res, "2025-04-01 97110 90.00|2025-04-03 97110 "+tt.charge+"|2025-04-08 97140 55.00")
		want, _ := strconv.ParseFloat(strings.ReplaceAll(tt.total, ",", ""), 64)
		if len(res.BillTotals) != 1 || res.BillTotals[0].Kind != extract.TotalCharges || res.BillTotals[0].Total != want {
			t.Errorf("totals %+v, want the charges' %s", res.BillTotals, tt.total)
		}
	}
}

// TestSpeckBeforePoint: OCR read a speck before a charge's decimal point
// as a comma ("39,.00"): the row still bills 39.00, and the physicians'
// statement's lines meet its total of charges.
func TestSpeckBeforePoint(t *testing.T) {
	page := "Allied Emergency Medicine Associates\nPATIENT STATEMENT                                   Page 1\n" +
		"Statement date: July 10, 2023                 Account #: 10604318\n" +
		"Date        Physician                     Code          Description                                  Charges\n" +
		"May 6, 2023     Conrad Venkataraman, DO     99285-25      ED VISIT HIGH SEVERITY                       1,371.00\n" +
		"May 6, 2023 .    Conrad Venkataraman, DO      93010.        ELECTROCARDIOGRAM REPORT   .  .     —_:_—:39,.00 ©\n" +
		"May 17, 2023                                              Claim filed to Keystone Auto & Home\n" +
		"                                     Total charges                                                1,410.00\n"
	res := extractOCR(t, page)
	wantBillRows(t, res, "2023-05-06 99285 1371.00|2023-05-06 93010 39.00")
}

// TestSpaceAfterPoint: OCR set a charge's cents apart after its point
// ("25171. 50", its comma read as a 5 too): the row is still a line of
// the bill, with the charge OCR read, for the chronology to mend by the
// printed total; a point in a row's words is left alone. Cents whose
// zeros OCR read as letters ("2,750. oo") are zeros.
func TestSpaceAfterPoint(t *testing.T) {
	page := "Prairie Valley MC Emergency Dept                        ITEMIZED CHARGES BY SERVICE DATE\n" +
		"Patient: DOE, JANE   Acct 62232500   Admit 28-Sep-2024   Disch 30-Sep-2024\n" +
		"Rev     Code       Description                          Qty        Amount\n" +
		"DOS 28-Sep-2024\n" +
		"0450    99285-25   ED VISIT HIGH SEVERITY                 1      2,868.40\n" +
		"0120               ROOM-BOARD/SEMI                        1      25171. 50\n" +
		"0636    J1885      KETOROLAC 15MG TAB NO. 12              2         58.58\n" +
		"TOTAL CHARGES                                                  5,098.48\n"
	res := extractOCR(t, page)
	wantBillRows(t, res, "2024-09-28 99285 2868.40|2024-09-28 0120 25171.50|2024-09-28 J1885 58.58")

	// A speck of the table's rule after the cell ("1,492. 00 |").
	page = "Precision Neuromonitoring Svcs\nITEMIZED STATEMENT\n" +
		"DOS          CPT       Mod    Description                                        Units      Per unit    Line total\n" +
		"08-24-2023   95938     TC     SOMATOSENSORY TESTING UPR&LWR                          1        990.00        990.00\n" +
		"08-24-2023   95939     TC     MOTOR-EVOKED UPR&LWR LIMBS                             1      1,492.00      1,492. 00 |\n" +
		"Total charges                                   2,482.00\n"
	wantBillRows(t, extractOCR(t, page), "2023-08-24 95938 990.00|2023-08-24 95939 1492.00")

	// The cents' zeros read as letters, with or without the space
	// ("2,750. oo", "287.oo"): a fax's "00" is often two o's.
	page = "Eastpoint Ambulatory Surgical Ctr\nFACILITY STATEMENT OF ACCOUNT\n" +
		"Rev      Code        Description                                  Qty                    Charge\n" +
		"Surgery date: 07/14/2023   Surgeon: Farah Haddad, MD.\n" +
		"0360     62321       INJ INTERLAMINAR CRV/THRC W/IMG            1                   2,750. oo\n" +
		"0272     A4550       Sterile supply - procedure tray          1                      287.oo\n" +
		"0710     99199       Recovery room (Phase I/II)               1                      796.00\n" +
		"Total facility charges                                  3,833.00\n"
	wantBillRows(t, extractOCR(t, page), "2023-07-14 62321 2750.00|2023-07-14 A4550 287.00|2023-07-14 99199 796.00")

	// A degree sign OCR glued after the spaced cents ("12. 45°").
	page = "CarePlus Pharmacy                                        PATIENT PRESCRIPTION HISTORY\n" +
		"Rx#       Filled     Drug / Strength                NDC               Qty    DS    Prescriber                 Price\n" +
		"6597968   2023-12-07 CYCLOBENZAPRINE 10MG TAB       00591- 5658-01     20     10    Dr. Finnegan               18.99\n" +
		"6249361   2023-12-07 IBUPROFEN 800MG TAB             53746 -0466-01     30     10.    Dr. Finnegan               12. 45°\n" +
		"TOTAL RX CHARGES.                                       31.44\n"
	var got []string
	for _, b := range extractOCR(t, page).Bills {
		got = append(got, fmt.Sprintf("%s %.2f", b.Date, b.Charge))
	}
	if strings.Join(got, "|") != "2023-12-07 18.99|2023-12-07 12.45" {
		t.Errorf("prescriptions %q", got)
	}
}

// TestLetterLostUndescribed: on a statement with no description column,
// OCR lost the letter of a drug's HCPCS code ("3301" for J3301): the dated
// row still bills its charge, with no code, and the lines meet the total.
func TestLetterLostUndescribed(t *testing.T) {
	page := "Lakeview Orthopedic Associates\n220 Lake St, Erie, PA 16501\nITEMIZED STATEMENT\n" +
		"DOS           Code     Units       Billed     Allowed       Paid\n" +
		"01/11/2024    62321    1         2,327.00    1,652.17   1,652.17\n" +
		"01/11/2024    3301     8           120.00       86.40      86.40\n" +
		"01/29/2024    99214    1           243.00      114.21     pending\n" +
		"Totals                           2,690.00    1,852.78   1,738.58\n"
	res := extractOCR(t, page)
	wantBillRows(t, res, "2024-01-11 62321 2327.00|2024-01-11  120.00|2024-01-29 99214 243.00")
}

// TestSpeckBeforeAmountAndColonCents: on a faxed trip statement OCR set a
// speck right before a row's charge (".45.00") and read the point of a
// small charge closing its row as a colon ("21:00", after the row's rate
// 3.00, so no time of day). Both are still the row's charge.
func TestSpeckBeforeAmountAndColonCents(t *testing.T) {
	page := "Evergreen Wheelchair Transport\nStatement of Trips\n" +
		"Date          Pickup -> Destination                HCPCS       Mod          Units         Rate                  Charge\n" +
		"06-05-2023 Home -> Evergreen Rehab Svcs.       A0130       RP               1         45.00                  .45.00\n" +
		"             loaded miles                      S0209       RP               7          3.00           .        21:00\n" +
		"06-07-2023 Evergreen Rehab Svcs -> Home       A0130       PR               1         45.00                   45.00\n" +
		"Total charges                                                                                                  111.00\n"
	wantBillRows(t, extractOCR(t, page), "2023-06-05 A0130 45.00|2023-06-05 S0209 21.00|2023-06-07 A0130 45.00")
}
