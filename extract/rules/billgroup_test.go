package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestGroupedFills reads a medication history that prints each
// prescription as a header line with its fills below: every fill is one
// charge line of the usual and customary price, paid by the plan and the
// copay together, describing the header's drug; the header bills nothing
// and none of its numbers is a code.
func TestGroupedFills(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		lines []string // date units charge paid description
	}{
		{"spaced columns", `MEDICATION HISTORY                                   Elm Street Pharmacy
   Filled        Qty     Days   Refill #                    Ins paid      Co-pay        U&C
Rx 4410021 NAPROXEN 500MG TAB NDC 00093-0149-01 Prescriber: Dr. Osei Refills: 1
   03/02/2024    60      30     0                               9.10       4.00        22.40
   04/01/2024    60      30     1                              (1.25)      4.00         2.75
Rx 4410388 TIZANIDINE 4MG TAB NDC 55111-0180-15 Prescriber: Dr. Osei Refills: 0
   03/09/2024    30      15     0                              11.00       5.00        31.10
                                   Total usual & customary                          56.25
U&C = usual and customary price before insurance.
`, []string{
			"2024-03-02 60 22.40 13.10 NAPROXEN 500MG TAB",
			"2024-04-01 60 2.75 2.75 NAPROXEN 500MG TAB",
			"2024-03-09 30 31.10 16.00 TIZANIDINE 4MG TAB",
		}},
		{"amounts away from their captions, one per column", `MEDICATION HISTORY                          Elm Street Pharmacy
Filled        Qty     Days                                      Ins paid        Copay         U&C
Rx 5530912 CELECOXIB 200MG CAP NDC 59762-1515-01
06/03/2024    30      30              8.40        6.00        41.20
`, []string{
			"2024-06-03 30 41.20 14.40 CELECOXIB 200MG CAP",
		}},
		{"captions run together, as OCR prints them", `MEDICATION HISTORY
Filled Qty Days Ins paid Copay U&C
Rx# 7720114 OMEPRAZOLE 20MG CAP NDC 62175-0136-37 Refills: 2
05/14/2024      30      30                      6.50        3.00        17.95
`, []string{
			"2024-05-14 30 17.95 9.50 OMEPRAZOLE 20MG CAP",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractText(t, tt.page)
			var got []string
			for _, b := range res.Bills {
				paid := 0.0
				if b.Paid != nil {
					paid = *b.Paid
				}
				if b.Code != "" || b.Kind != "" {
					t.Errorf("%s: code %q kind %q, want a charge without a code", b.Date, b.Code, b.Kind)
				}
				got = append(got, fmt.Sprintf("%s %g %.2f %.2f %s", b.Date, b.Units, b.Charge, paid, b.Description))
			}
			if strings.Join(got, "\n") != strings.Join(tt.lines, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.lines, "\n"))
			}
		})
	}
}

func TestGroupHeader(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Rx 5012 ACETAMINOPHEN 500MG", ""}, // too short for an Rx number
		{"Rx 501234 ACETAMINOPHEN 500MG TAB Prescriber: Dr. Lim", "ACETAMINOPHEN 500MG TAB"},
		{"Rx# 501234: METHOCARBAMOL 750MG NDC 00591-5514-01 Qty 40", "METHOCARBAMOL 750MG"},
		{"Prescription No. 8812345 PREDNISONE 10MG TAB Dr. Vance", "PREDNISONE 10MG TAB"},
		{"DICLOFENAC 1% GEL NDC 0115-1483-01", "DICLOFENAC 1% GEL"},
		{"Rx.8005894 MELOXICAM 15MG TAB NDC 29300-0125-10", "MELOXICAM 15MG TAB"},
		{"Office visit, established patient", ""},
		{"Refills remaining: 2", ""},
	}
	for _, tt := range tests {
		if got := groupHeader(tt.in); got != tt.want {
			t.Errorf("groupHeader(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGluedLead(t *testing.T) {
	tests := []struct {
		in, date, code string
	}{
		{"03.11. 202403.12 202499213    25   1   OFFICE VISIT     120.00", "2024-03-11", "99213"},
		{"07.02.202407.05.2024G0283°   GP  1  E-STIM    30.00", "2024-07-02", "G0283"},
		{"* 07.02.202497110   GP  2  THER EX   80.00", "2024-07-02", "97110"},
		{"07.02.2024   07.05.2024   97110   80.00", "", ""},  // cells apart: read as usual
		{"07.02.202407.05.2024   INS PMT   (20.00)", "", ""}, // no code
		{"13.45.202497110   THER EX   80.00", "", ""},        // no date
		{"07.02.20249711   THER EX   80.00", "", ""},         // four digits are no code
		// A date's digits OCR read as their look-alike letters: a zero as
		// an O, a five as an S.
		{"0S-24-202305 -24- 202397810    :      1    ACUP 1/> WO ESTIM 1ST 15 MIN          78.00", "2023-05-24", "97810"},
		{"OS -24- 202305 - 24 - 202397811          1    ACUP 1/> WO ESTIM EA ADDL 15          $7.00", "2023-05-24", "97811"},
		{"0O-24-202397811   ACUP   57.00", "", ""}, // an O beside a zero is no digit of its own
		// a five as a dollar sign
		{"03/19/202$03/19/202597014          1    ELECTRIC STIMULATION THERAPY          32.00", "2025-03-19", "97014"},
	}
	for _, tt := range tests {
		g, ok := readGluedLead(tt.in)
		got, code := "", ""
		if ok && !g.d.IsZero() {
			got, code = g.d.String(), g.code
		}
		if got != tt.date || code != tt.code {
			t.Errorf("readGluedLead(%q) = %q %q, want %q %q", tt.in, got, code, tt.date, tt.code)
		}
	}
}

// TestAmountsByOrder reads service rows whose amounts stand away from
// their captions, as OCR lays them out: the first amount is the charge,
// the last the running balance.
func TestAmountsByOrder(t *testing.T) {
	page := `Lakeview Orthopedic Group                 PATIENT STATEMENT
Date          Description                                        Charges    Credits   Balance
03-02-2024  Office visit new (99203)                                         310.00               310.00
03-02-2024   X-ray knee 3 views (73562)                                       95.00               405.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		bal := 0.0
		if b.Balance != nil {
			bal = *b.Balance
		}
		got = append(got, fmt.Sprintf("%s %s %s %.2f %.2f", b.Date, b.Code, b.Kind, b.Charge, bal))
	}
	want := []string{"2024-03-02 99203  310.00 310.00", "2024-03-02 73562  95.00 405.00"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSplitRows reads a statement whose rows OCR cut in two (the amounts
// on a line of their own) and whose captions run together: each service
// is one charge, the running balance is no payment, and a total's label
// keeps its amount. The agency billing on behalf of a practice is not the
// provider.
func TestSplitRows(t *testing.T) {
	page := `Harbor Billing Services                 PATIENT STATEMENT
On behalf of: Cedar Grove Physical Therapy
Date        Description
Charges Credits Balance
02-05-2024 Therapeutic exercise (97110)

64.00            64.00

02-07-2024 Manual therapy (97140)

58.00            122.00

02-09-2024 Insurance payment - Acme Health

40.00   82.00

Balance due

82.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		paid, bal := 0.0, 0.0
		if b.Paid != nil {
			paid = *b.Paid
		}
		if b.Balance != nil {
			bal = *b.Balance
		}
		got = append(got, fmt.Sprintf("%s %s %s %.2f %.2f %.2f %s", b.Date, b.Code, b.Kind, b.Charge, paid, bal, b.Provider))
		if len(b.Citations) != 2 {
			t.Errorf("%s: %d citations, want the row's two lines", b.Date, len(b.Citations))
		}
	}
	want := []string{
		"2024-02-05 97110  64.00 0.00 64.00 Cedar Grove Physical Therapy",
		"2024-02-07 97140  58.00 0.00 122.00 Cedar Grove Physical Therapy",
		"2024-02-09  payment 0.00 40.00 82.00 Cedar Grove Physical Therapy",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var totals []string
	for _, x := range res.BillTotals {
		totals = append(totals, fmt.Sprintf("%s:%g", x.Kind, x.Total))
	}
	if strings.Join(totals, " ") != "balance:82" {
		t.Errorf("totals %q, want balance:82", totals)
	}
}

// TestGluedAmounts reads amounts OCR printed without the gap between
// them: glued to the cents of the one before ("69.001,179.00"), after a
// credit's parenthesis ("(547.00)1,103.00"), or with the first one's
// point read as a comma ("284,003,639.00"); a large amount printed whole
// stays one; of a glued running balance OCR broke further ("2 ,037.00")
// the charge is kept and no "037.00" read.
func TestGluedAmounts(t *testing.T) {
	tests := []struct {
		line string
		want string
	}{
		{"98941   CHIRO MANJ 3-4 REGIONS   1      69.001,179.00", "69.00 1179.00"},
		{"01/24/2024   Payment - med-pay   (547.00)1,103.00", "-547.00 1103.00"},
		{"99214   OFFICE O/P EST MOD 30 MIN    1      284,003,639.00", "284.00 3639.00"},
		{"   69,001,307.00  ", "69.00 1307.00"},
		{"Total charges      1,250,000.00", "1250000.00"},
		{"Total charges      $1,234,567.89", "1234567.89"},
		{"Glucose   0.57-1.005   mg/dL", ""},
		{"97110   GP   THERAPEUTIC EXERCISES   2     200.002 ,037.00", "200.00"},
	}
	for _, tt := range tests {
		vals, _ := amountsIn(tt.line)
		var got []string
		for _, v := range vals {
			got = append(got, fmt.Sprintf("%.2f", v))
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("amountsIn(%q) = %v, want %s", tt.line, got, tt.want)
		}
	}
}

// TestScannedStatementRows reads a statement as OCR leaves it: a coded row
// whose amounts fell onto the next line, amounts glued together, a speck
// before a visit heading; every service is billed on its visit's date.
func TestScannedStatementRows(t *testing.T) {
	page := `Alder Chiropractic
STATEMENT OF ACCOUNT - ATTORNEY COPY
Client: Jane Doe DOB 02/03/1981                Date of injury: 03/02/2024
CPT         Mod     Description                                        Units     Charge Balance
Date of Service: 03/04/2024 Ann Berg, DC Dx: M54.2
99203       25       OFFICE O/P NEW LOW 30MIN -                                      1     231.00 231.00
98941                CHIRO MANJ 3-4 REGIONS                 .                   1
69.00 300.00
” Visit 03/06/2024 Ann Berg, DC Dx:
*98941               CHIRO MANJ 3-4 REGIONS                                    1      69.00 369.00
97014                ELECTRIC STIMULATION THERAPY                                   1      32.001,401.00
Total charges                                        1,401.00
`
	res := extractText(t, page)
	got := billRows(res.Bills)
	want := "2024-03-04 99203 231.00, 2024-03-04 98941 69.00, 2024-03-06 98941 69.00, 2024-03-06 97014 32.00"
	if strings.Join(got, ", ") != want {
		t.Errorf("lines\n %s\nwant\n %s", strings.Join(got, ", "), want)
	}
}

// TestScannedDetailBill reads a hospital's detail bill as OCR leaves it:
// specks around the revenue-code headings, no CPT column; every row takes
// its own group's revenue code as its code, and a subtotal closes the
// group, so a row OCR cut from its heading takes no other group's code.
func TestScannedDetailBill(t *testing.T) {
	page := `ALDER REGIONAL HOSPITAL
DETAIL BILL            .                                        Printed 04/02/2024
Date       Charge code     Description         .                                        Qty        Amount
. 0250 PHARMACY                   .                        .                                 .
03/14/2024 0250698608      PHARMACY                                        1          79.12
Subtotal 0250                                        79.12
0301 LABORATORY - CHEMISTRY                     .                                 .     .               .
03/14/2024 0301291792      COMPREHEN METABOLIC PANEL         ,                                   1        225.40
Subtotal 0301                                        225.40
0450 EMERGENCY RO0M                          :
03/14/2024 0450482597      ED VISIT HIGH SEVERITY                             .     .            1      2,612.80
Subtotal 0450                                        2,612.80
03/14/2024 0636480190      MORPHINE SULFATE INJ 10MG                                        1        31.28
TOTAL CHARGES                          .                            2,948.60
`
	res := extractText(t, page)
	got := billRows(res.Bills)
	want := "2024-03-14 0250 79.12, 2024-03-14 0301 225.40, 2024-03-14 0450 2612.80, 2024-03-14  31.28"
	if strings.Join(got, ", ") != want {
		t.Errorf("lines\n %s\nwant\n %s", strings.Join(got, ", "), want)
	}
}

// billRows gives each bill line as "date code charge", as the tests of a
// page's lines compare them.
func billRows(bills []extract.BillLine) []string {
	var out []string
	for _, b := range bills {
		out = append(out, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
	}
	return out
}

// wantBillRows checks res's bill lines, as billRows prints them joined by
// "|", against want.
func wantBillRows(t *testing.T, res extract.Result, want string) {
	t.Helper()
	if got := strings.Join(billRows(res.Bills), "|"); got != want {
		t.Errorf("lines %q, want %q", got, want)
	}
}

// TestSignByTotal: OCR glued a speck to a detail bill's charge as a minus
// ("-2,612.80"); the printed total of charges, which the lines reach only
// with that charge positive, shows it. A real credit that the total nets
// stays a credit.
func TestSignByTotal(t *testing.T) {
	bill := func(amount, total string) string {
		return "St. Luke's Regional Hospital\nPATIENT DETAIL CHARGES\nAdmit: 5/6/23   Discharge: 5/6/23\n" +
			"Date       CPT        Description                                  Qty        Amount\n" +
			"5/6/23     72040      XR SPINE CERV 2-3 VW                           1        379.04\n" +
			"5/6/23     99285      ED VISIT HIGH SEVERITY                         1     " + amount + "\n" +
			"5/6/23     96374      THER/PROPH/DIAG INJ IV PUSH                    1        384.56\n" +
			"TOTAL CHARGES                                                                   " + total + "\n"
	}
	for _, tt := range []struct{ amount, total, want string }{
		{"-2,612.80", "3,376.40", "2612.80"},
		{"-2,612.80", "-1,849.20", "-2612.80"},
		{"-2,612.80", "3,000.00", "-2612.80"},
	} {
		res := extractText(t, bill(tt.amount, tt.total))
		got := ""
		for _, b := range res.Bills {
			if strings.Contains(b.Description, "ED VISIT") {
				got = fmt.Sprintf("%.2f", b.Charge)
			}
		}
		if got != tt.want {
			t.Errorf("%s under a total of %s: charge %s, want %s", tt.amount, tt.total, got, tt.want)
		}
	}
}

// TestDateGluedToChargeCode: a hospital's detail bill prints its date
// cell so close to the chargemaster number that the text runs them
// together ("06-May-20230120405009"): the row is still of that day, and a
// row with no CPT code takes its group's revenue code as before.
func TestDateGluedToChargeCode(t *testing.T) {
	page := "Alder Regional Hospital\nDETAIL BILL\nAdmit: 06-May-2023   Discharge: 07-May-2023\n" +
		"  Date        Charge code   CPT/HCPCS      Description                                        Qty         Amount\n" +
		"0120 ROOM & BOARD - SEMI-PRIVATE\n" +
		"  07-May-20230120405009                    ROOM-BOARD/SEMI                                      2       3,956.00\n" +
		"                                           Subtotal 0120                                                3,956.00\n" +
		"0450 EMERGENCY ROOM\n" +
		"  06-May-20230450296715     99285-25       ED VISIT HIGH SEVERITY                               1       2,612.80\n" +
		"                                           Subtotal 0450                                                2,612.80\n" +
		"                                           TOTAL CHARGES                                               6,568.80\n"
	res := extractText(t, page)
	wantBillRows(t, res, "2023-05-07 0120 3956.00|2023-05-06 99285 2612.80")
}
