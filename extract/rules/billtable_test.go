package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// billTotals lists a result's printed totals as kind:amount.
func billTotals(res []string) string { return strings.Join(res, " ") }

// TestTableHeadsHospitalDetail: a hospital's detail of charges in a layout
// of its own (service dates as MMDDCCYY runs under "Svc Date", revenue and
// procedure codes under captions of their own, departments totalled under
// their names and all of them under one total). The department rows of
// pharmacy and its quantity column make it look like a pharmacy's
// printout; its rows, a revenue code after each date, and its
// procedure-code column say it is a hospital's bill that prints codes.
// Every row is a line of its day and code, and the bill's one total of
// charges is the last.
func TestTableHeadsHospitalDetail(t *testing.T) {
	page := `MERCY VALLEY MEDICAL CENTER
Business Office - Detail of Charges
Guarantor: OKAFOR, DANIEL            Encounter #: 7781002
Adm 03/14/2024   Dis 03/16/2024      Financial class: AUTO
Svc Date     Rev Code   Proc Code   Description                         Qty        Charges
  -- PHARMACY --
03142024     0250                   PHARMACY GENERAL                      3         141.60
03152024     0636       J7030       NORMAL SALINE 1000 CC                 2          88.00
                                    Pharmacy Total                                  229.60
  -- EMERGENCY ROOM --
03142024     0450       99284       EMERGENCY DEPT VISIT MOD              1       1,846.00
                                    Emergency Room Total                          1,846.00
  -- ROOM & BOARD SEMI-PRIVATE --
03142024     0120                   SEMI-PRIV MED/SURG                    1       2,250.00
03152024     0120                   SEMI-PRIV MED/SURG                    1       2,250.00
                                    Room & Board Total                            4,500.00
                                    TOTAL ACCOUNT CHARGES                         6,575.60
                                    Payments/Credits                               -500.00
                                    Amount Due From Guarantor                     6,075.60
`
	res := extractText(t, page)
	want := "2024-03-14 0250 141.60|2024-03-15 J7030 88.00|2024-03-14 99284 1846.00|2024-03-14 0120 2250.00|2024-03-15 0120 2250.00"
	wantBillRows(t, res, want)
	var totals []string
	for _, x := range res.BillTotals {
		totals = append(totals, fmt.Sprintf("%s:%g", x.Kind, x.Total))
	}
	if got, want := billTotals(totals), ":6575.6 payments:500 balance:6075.6"; got != want {
		t.Errorf("totals %q, want %q", got, want)
	}
	if k := res.Pages[0].BillKind; k != "itemized" {
		t.Errorf("bill kind %q, want itemized", k)
	}
}

// TestTableHeadsClaimsHistory: a plan's history of prescription claims in
// a layout of its own (ISO dates under "Date Filled", the Rx number under
// its caption, gross cost and what the plan and the patient paid, each
// claim's status). Every approved claim is a line that bills its gross
// cost, whatever its status cell says; the claim returned to stock bills
// nothing; no Rx number is a procedure code (2147731 is no 47731); the
// closing count of paid claims does not make the total of gross cost a
// payment; the plan's and the patient's payments, printed apart, are one
// total of the payments the claims' rows add up; the pharmacy that filled
// the claims, not the plan, billed them.
func TestTableHeadsClaimsHistory(t *testing.T) {
	page := `Summit Health Plan - Prescription Drug Claims
Member: ORTIZ, LENA        Member ID: ZQX448120       Plan year 2024
Filled by: NORTHGATE PHARMACY #112, 40 Elm St, Tulsa OK 74103
Date Filled   Rx Number   Medication                 NDC            Days Supply   Claim Status   Gross Cost   Plan Pays   Patient Pay
2024-02-03    2147731     TIZANIDINE 4 MG TABLET     55111-0180-01       30       PAID              24.10       19.10        5.00
2024-02-03    2150988     NAPROXEN 500 MG TABLET     68462-0190-01       15       RTS               12.75        7.75        5.00
2024-02-06    2150988     NAPROXEN 500 MG TABLET     68462-0190-01       15       PAID              12.75        7.75        5.00
2024-03-04    2147731     TIZANIDINE 4 MG TABLET     55111-0180-01       30       PAID              24.10       14.10       10.00
                                          Prescriptions paid: 3 Total billed                  60.95
                                                                   Plan payments                 40.95
                                                                   Patient payments              20.00
`
	res := extractText(t, page)
	want := "2024-02-03  24.10|2024-02-06  12.75|2024-03-04  24.10"
	wantBillRows(t, res, want)
	for _, b := range res.Bills {
		if b.Kind != "" {
			t.Errorf("%s %.2f is a %s, want a charge", b.Date, b.Charge, b.Kind)
		}
		if b.Provider != "NORTHGATE PHARMACY" {
			t.Errorf("%s %.2f billed by %q, want the pharmacy that filled it", b.Date, b.Charge, b.Provider)
		}
	}
	var totals []string
	for _, x := range res.BillTotals {
		totals = append(totals, fmt.Sprintf("%s:%g", x.Kind, x.Total))
	}
	if got, want := billTotals(totals), ":60.95 payments:60.95"; got != want {
		t.Errorf("totals %q, want %q", got, want)
	}
}

// TestTableHeads reads the captions of header rows by meaning.
func TestTableHeads(t *testing.T) {
	tests := []struct {
		row  string
		want string // kinds in order
	}{
		{"Svc Date     Rev Code   Proc Code   Description     Qty     Charges", "date rev code desc money money"},
		{"Date Filled   Rx Number   Medication   NDC   Days Supply   Claim Status   Gross Cost   Plan Pays", "date id desc id id status money money"},
		{"DOS   CPT/HCPCS   Service   Billed   Ins Paid   Patient Pay   You Owe", "date code desc money money money money"},
		{"Trans Date   Claim #   Item   Amt", "date id desc money"},
	}
	for _, tt := range tests {
		var kinds []string
		for _, h := range tableHeads(tt.row) {
			kinds = append(kinds, h.kind)
		}
		if got := strings.Join(kinds, " "); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.row, got, tt.want)
		}
	}
}

// TestHeadingDays: a therapy clinic's statement groups its rows under the
// day of each visit and prints no date on the rows: each row is of the day
// its heading prints, the first visit's and then the second's.
func TestHeadingDays(t *testing.T) {
	page := `Riverbend Physical Therapy
STATEMENT OF SERVICES
Patient: NAKAMURA, KEN                       Account 55102
CPT        Service                           Units        Charge
Visit of 04/02/2024
97161      PT EVAL LOW COMPLEX                 1          165.00
97110      THERAPEUTIC EXERCISE                2          120.00
Visit of 04/09/2024
97110      THERAPEUTIC EXERCISE                3          180.00
97140      MANUAL THERAPY                      1           58.00
                                Total charges             523.00
`
	res := extractText(t, page)
	want := "2024-04-02 97161 165.00|2024-04-02 97110 120.00|2024-04-09 97110 180.00|2024-04-09 97140 58.00"
	wantBillRows(t, res, want)
}

// TestCancelledRowWithoutStatusColumn: a practice's list of charges marks
// one visit's charge cancelled in a cell of its own, with no status
// column: it bills nothing. A no-show fee whose description says the
// appointment was cancelled is billed.
func TestCancelledRowWithoutStatusColumn(t *testing.T) {
	page := `Lakeview Orthopaedic Associates
ACCOUNT ACTIVITY
Date         Procedure    Description                         Amount
03/02/2024   99213        OFFICE VISIT EST LEVEL 3            145.00
03/09/2024   99213        OFFICE VISIT EST LEVEL 3            145.00     CANCELLED
03/16/2024   99213        OFFICE VISIT EST LEVEL 3            145.00
03/23/2024   99080        NO SHOW - CANCELLED APPT FEE         25.00
                          Total charges                       315.00
`
	res := extractText(t, page)
	want := "2024-03-02 99213 145.00|2024-03-16 99213 145.00|2024-03-23 99080 25.00"
	wantBillRows(t, res, want)
}

// TestYearlessRowDates: a hospital's statement over the turn of a year
// prints its rows' dates without the year ("12/30", "01/02") under its
// date column: each takes the year of the statement period it falls in.
func TestYearlessRowDates(t *testing.T) {
	page := `Harborview General Hospital
PATIENT STATEMENT
Statement period: 12/29/2023 - 01/03/2024
Post Date   Service            HCPCS        Units        Billed
12/30       CT HEAD W/O DYE    70450            1      1,204.00
12/31       XR CHEST 2 VIEWS   71046            1        210.00
01/02       PHYS THER EVAL     97161            1        188.00
                               Total charges           1,602.00
`
	res := extractText(t, page)
	want := "2023-12-30 70450 1204.00|2023-12-31 71046 210.00|2024-01-02 97161 188.00"
	wantBillRows(t, res, want)
}

// TestReversalCancelsClaim: a pharmacy's claims list prints a claim, then
// its reversal as a credit with the status REVERSED: neither bills
// anything. The claim refilled later is a line.
func TestReversalCancelsClaim(t *testing.T) {
	page := `Cedar Lane Pharmacy
PRESCRIPTION CLAIMS ACTIVITY
Date        Rx No.     Drug                         Claim Status      Amount Billed
01/05/24    5512044    CELECOXIB 200 MG CAP         ACCEPTED                  40.20
01/08/24    5512044    CELECOXIB 200 MG CAP         REVERSED                 -40.20
01/19/24    5512044    CELECOXIB 200 MG CAP         ACCEPTED                  40.20
01/19/24    5512871    TRAMADOL 50 MG TAB           ACCEPTED                  13.10
`
	res := extractText(t, page)
	want := "2024-01-19  40.20|2024-01-19  13.10"
	wantBillRows(t, res, want)
}

// TestAbbreviatedCaptions: an urgent care's bill captions its columns
// with abbreviations ("Chg", "Ins Pd", "Adj", "Pt Due"): each row charges
// its first amount and records what the insurer paid, and the totals row
// reads each amount by its column.
func TestAbbreviatedCaptions(t *testing.T) {
	page := `Blue Ridge Urgent Care
ITEMIZED BILL
Dt of Svc      Proc     Description                    Chg        Ins Pd      Adj      Pt Due
06-Dec-2023    99214    OFFICE/OUTPATIENT VISIT      210.00       140.00     30.00      40.00
06-Dec-2023    73610    XR ANKLE 3+ VIEWS             96.00        60.00     16.00      20.00
Totals                                               306.00       200.00     46.00      60.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		paid := 0.0
		if b.Paid != nil {
			paid = *b.Paid
		}
		got = append(got, fmt.Sprintf("%s %s %.2f paid %.2f", b.Date, b.Code, b.Charge, paid))
	}
	if want := "2023-12-06 99214 210.00 paid 140.00|2023-12-06 73610 96.00 paid 60.00"; strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
	var totals []string
	for _, x := range res.BillTotals {
		totals = append(totals, fmt.Sprintf("%s:%g", x.Kind, x.Total))
	}
	if got, want := billTotals(totals), ":306 payments:200 adjustments:46 balance:60"; got != want {
		t.Errorf("totals %q, want %q", got, want)
	}
}

// TestStatusAwayFromItsCaption: in a scanned claims history OCR set each
// row's words apart from where their captions stand; the claim's status
// is still no description (APPROVED, "«APPROVED" with a speck glued to
// it, made no payment of a fill), the
// rejected claim bills nothing, and the amounts, all left of the amount
// captions, are read in their order: the gross cost is the charge.
func TestStatusAwayFromItsCaption(t *testing.T) {
	page := `Keystone Rx Benefit Services
Date Filled  Rx Number   Medication                     Qty    Claim Status               Gross Cost    Plan Pays
02/03/2024  2147731  TIZANIDINE 4 MG TABLET  30  APPROVED     24.10   19.10
02/04/2024  2150988  NAPROXEN 500 MG TABLET  15  REJECTED     12.75    0.00
02/06/2024  2150988  NAPROXEN 500 MG TABLET  15  «APPROVED    12.75    7.75
`
	res := extractOCR(t, page)
	want := "2024-02-03  24.10|2024-02-06  12.75"
	wantBillRows(t, res, want)
	for _, b := range res.Bills {
		if b.Kind != "" {
			t.Errorf("%s %.2f is a %s, want a charge", b.Date, b.Charge, b.Kind)
		}
	}
}

// TestOCRMarredDetailRows: on a scanned hospital bill OCR glued a speck or
// a digit to the codes under the code column ("=J2270", "872040") and
// moved a row's rate under the amount's caption: the codes are read, and
// the row that prints its hours, rate and amount charges the amount.
func TestOCRMarredDetailRows(t *testing.T) {
	page := `LAKESIDE MEMORIAL HOSPITAL
DETAIL OF HOSPITAL CHARGES
Serv Date    Rev    HCPCS        Description                        Qty     Rate          Amount
03/14/2024   0320   872040       XR SPINE CERV 2-3 VW                 1      379.04        379.04
03/14/2024   0636 = =J2270       MORPHINE SULFATE INJ 10MG            1       31.28         31.28
03/14/2024   0762      » OBSERVATION HOURS                                16               87.40      1,398.40
                                 TOTAL CHARGES                                          1,808.72
`
	res := extractOCR(t, page)
	want := "2024-03-14 72040 379.04|2024-03-14 J2270 31.28|2024-03-14 0762 1398.40"
	wantBillRows(t, res, want)
}

// TestPostedAndServiceDates: a practice's ledger prints when each row was
// posted and, in a column of its own, the day of the service: a line is of
// its day of service. Its charges stand under "Debit", its payment under
// "Credit".
func TestPostedAndServiceDates(t *testing.T) {
	page := `GREAT LAKES ORTHOPEDIC SURGEONS, S.C.
Patient Ledger Report                                   Run date 08/14/2024
Acct: 220991  Patient: Ruiz, Ana
Trans Date   Svc Date    Code    Description                  Debit      Credit     Running Bal
05/01/2024   04/29/2024  99204   NEW PT LEVEL 4              385.00                   385.00
05/01/2024   04/29/2024  73030   XR SHOULDER 2+ VIEWS        142.00                   527.00
07/02/2024               PMT     AUTO INS PAYMENT                       500.00         27.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		paid := 0.0
		if b.Paid != nil {
			paid = *b.Paid
		}
		got = append(got, fmt.Sprintf("%s %s %.2f %s %.2f", b.Date, b.Code, b.Charge, b.Kind, paid))
	}
	want := "2024-04-29 99204 385.00  0.00|2024-04-29 73030 142.00  0.00|2024-07-02  0.00 payment 500.00"
	if strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestStatementSummaryTotals: a physicians' group's statement closes with
// a summary of the period ("Current Charges", "Insurance Payments",
// "Adjustments", "New Balance"): each is a printed total of its kind, no
// line.
func TestStatementSummaryTotals(t *testing.T) {
	page := `Valley Emergency Physicians, PC
Patient Statement
Statement Period: 11/01/2023 - 11/30/2023
Service Dt.   Description                                 CPT       Amount
11/04/23      EMERGENCY DEPT VISIT HIGH COMPLEXITY        99285   $1,450.00
11/04/23      CRITICAL CARE FIRST 30-74 MIN               99291   $1,100.00
Current Charges                                                   $2,550.00
Insurance Payments                                               -$1,200.00
Adjustments                                                        -$300.00
New Balance                                                       $1,050.00
`
	res := extractText(t, page)
	if got, want := strings.Join(billRows(res.Bills), "|"), "2023-11-04 99285 1450.00|2023-11-04 99291 1100.00"; got != want {
		t.Errorf("lines %q, want %q", got, want)
	}
	var totals []string
	for _, x := range res.BillTotals {
		totals = append(totals, fmt.Sprintf("%s:%g", x.Kind, x.Total))
	}
	if got, want := billTotals(totals), ":2550 payments:1200 adjustments:300 balance:1050"; got != want {
		t.Errorf("totals %q, want %q", got, want)
	}
}

// TestLoneAmountOCR: OCR set a ledger's closing balance apart from its
// label ("2,498.56" on a line of its own, "PATIENT BALANCE" under it). An
// amount with no date, code or word beside it bills nothing.
func TestLoneAmountOCR(t *testing.T) {
	first := `Spine Align Chiropractic Center
PATIENT LEDGER                                          Acct 73456856
Dos        Posted      Code      Mod   Units Description                              Charges Payments        Adj     Balance
05.02.2025  05.04.2025  98941            1     CHIROPRACT MAN) 3:4 REGIONS             81.00                           2,570.22
05.02.2025  05.04.2025  97012            1     MECHANICAL TRACTION THERAPY           40.00                           2,610.22
06.10.2025                         INS PMT SUMMIT MUTUAL INSURANCE CHK#631722     (18.40)                2,591.82

Page 1 of 2`
	second := `Spine Align Chiro Cur - PATIENT LEDGER (continued) Acct 73456856
Dos        Posted      Code      Mod   Units Description         :          .           Charges Payments        Adj     Balance
06.10.2025                         IWO INS WRITE-OFF                               :              (4.00)     2,587.82
06.10.2025                         INS PMT SUMMIT MUTUAL INSURANCE CHK#113840     (24.80)                2,563.02
,                         TOTAL CHARGES    .               ,     121.00
TOTAL PAYMENTS                 .                  (43.20)
TOTAL ADJUSTMENTS                                        (4.00)
2,563.02

PATIENT BALANCE

Page 2 of 2`
	var got []string
	for _, b := range extractOCR(t, first, second).Bills {
		if b.Kind == extract.LineCharge {
			got = append(got, billRows([]extract.BillLine{b})...)
		}
	}
	if want := "2025-05-02 98941 81.00|2025-05-02 97012 40.00"; strings.Join(got, "|") != want {
		t.Errorf("charge lines %q, want %q", strings.Join(got, "|"), want)
	}
}
