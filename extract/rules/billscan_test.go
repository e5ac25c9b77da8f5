package rules

import (
	"strconv"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestChargeTicketSpeckBetweenCaptionsOCR: a charge ticket's header row
// with a speck OCR read as an equals sign between two captions ("Fee  =
// Units") is still the header (no legend "U&C = usual and customary"), so
// that a row printing only its fee bills nothing, whatever OCR made of its
// empty box ("Q)", "QO"), and the ticked row printing fee, units and
// charge is the one line.
func TestChargeTicketSpeckBetweenCaptionsOCR(t *testing.T) {
	page := `Northside Internal Medicine
CHARGE TICKET
Patient: DOE, JANE                                Account #: 1234567
DOS: 03/14/24
“.* CPT     Mod   Description                     :                               Fee  = Units          Charge
OFFICE VISIT - NEW
Q)    99202          OFFICE O/P NEW SF 15 MIN                                  150.00
()    99203          OFFICE O/P NEW LOW 30 MIN                                260.00
(x)   99214          OFFICE O/P EST MOD 30 MIN                          ,      240.00        1           240.00 °
PROCEDURES / INJECTIONS
QO    62321          NJX INTERLAMINAR CRV/THRC W/IM               .        2,400.00
(}    77003           FLUOROGUIDE FOR SPINE INJECT                           410.00
Total charges                                        240.00
`
	res := extractOCR(t, page)
	wantBillRows(t, res, "2024-03-14 99214 240.00")
}

// TestLedgerScanOCR: a chiropractor's ledger of every transaction (date of
// service, posting date, code, charges, payments, adjustments, running
// balance) as a fax reads it. The balance caption OCR read with a t for
// its l ("Batance") still captions the running balance, which is no
// payment or adjustment; a date of service whose zero OCR read as a Q
// ("Q1.15.2024") dates its row, not the posting date after it; a date of
// service OCR changed a digit of ("04.11.2024" posted "02.12.2024", itself
// misread) between two rows of one day is that day.
func TestLedgerScanOCR(t *testing.T) {
	page := `Lakeside Chiropractic
PATIENT ACCOUNT LEDGER - ALL TRANSACTIONS                                        Run date: 06.17.2024
bos        Posted      Code      Mod   Units Description                                Charges  Payments        Adj     Batance
01.11.2024  01.11.2024  97014            1     ELECTRIC STIMULATION THERAPY            30.00                            1,230.00
04.11.2024  02.12.2024. 98941            1     CHIROPRACT MAN] 3-4 REGIONS             65.00            .               1,295.00
01.11.2024  01.13.2024  97012            1     MECHANICAL TRACTION THERAPY            35.00          ,                 1,330.00
01.15.2024  01.17.2024  98941            1     CHIROPRACT MAN) 3-4 REGIONS             65.00                           1,395.00
Q1.15.2024  01.17.2024  97012            1     MECHANICAL TRACTION THERAPY            35.00                           1,430.00
01.22.2024                          INS PMT SUMMIT MUTUAL INSURANCE CHK#184182     (20.16)                1,409.84
01.22.2024                          CONTRACTUAL ADJ CO-45                                        (3.20)     1,406.64
`
	res := extractOCR(t, page)
	wantBillRows(t, res, "2024-01-11 97014 30.00|2024-01-11 98941 65.00|2024-01-11 97012 35.00|2024-01-15 98941 65.00|2024-01-15 97012 35.00|2024-01-22  0.00|2024-01-22  0.00")
	for _, b := range res.Bills {
		if b.Balance == nil {
			t.Errorf("%s %s: no running balance", b.Date, b.Code)
		}
		if b.Kind == extract.LineCharge && (b.Paid != nil || b.Adjustment != nil) {
			t.Errorf("%s %s: balance read as paid %v or adjusted %v", b.Date, b.Code, b.Paid, b.Adjustment)
		}
	}
	if p, a := res.Bills[5], res.Bills[6]; p.Kind != "payment" || p.Paid == nil || *p.Paid != 20.16 || a.Kind != "adjustment" || a.Adjustment == nil || *a.Adjustment != 3.2 {
		t.Errorf("payment %+v, adjustment %+v", p, a)
	}
}

// TestClaimFormRowCutOCR: OCR cut a CMS-1500 service row in two, its date
// cells on one line ("080123 080123") and its place of service, code,
// modifier, pointer and charge on the next: the two are one service line.
func TestClaimFormRowCutOCR(t *testing.T) {
	page := `HEALTH INSURANCE CLAIM FORM
APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12
2. PATIENT'S NAME (Last Name, First Name, Middle Initial)              3. PATIENT'S BIRTH DATE SEX
ROE,  JAMIE                                        04 11 1980   F
24 A. DATE(S) OF SERVICE From To MMDDYY POS   D. CPT/HCPCS MODIFIER           E. DX PTR       F. $ CHARGES         G. UNITS    J. RENDERING NPI

090523 090523

11     29826   RT                   AB           *   7,410 00         1       1234567893
090523 090523                 11     29827   RT                   AB            14,020 00         1       1234567893
25. FEDERAL TAX I.D. NUMBER SSN EIN           26. PATIENT'S ACCOUNT NO.            27 ACCEPT ASSIGNMENT?     28. TOTAL CHARGE           29 AMOUNT PAID
12-3456789  [X]  EIN               55501234                       [X] YES                $ 21,430 00          $ 0 00
`
	res := extractOCR(t, page)
	wantBillRows(t, res, "2023-09-05 29826 7410.00|2023-09-05 29827 14020.00")
}

// TestClaimFormDrugLetterLostOCR: a CMS-1500 drug line whose J OCR lost
// ("3301") under its supplemental NDC line ("N4..." with the unit) bills
// the J code, though its own words print no dose; the place of service
// before it is misread ("41" for 11).
func TestClaimFormDrugLetterLostOCR(t *testing.T) {
	page := `HEALTH INSURANCE CLAIM FORM
APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12
2. PATIENT'S NAME (Last Name, First Name, Middle Initial)              3. PATIENT'S BIRTH DATE SEX
ROE,  JAMIE                                        04 11 1980   F
24 A. DATE(S) OF SERVICE From To MMDDYY POS   D. CPT/HCPCS MODIFIER           E. DX PTR       F. $ CHARGES         G. UNITS    J. RENDERING NPI
071023 071023                11     20610   RT                 AB               395 00        1     * 1234567893
N400003029328 UN4
071023 071023                41     3301                       AB                 60 00        4       1234567893
25. FEDERAL TAX I.D. NUMBER SSN EIN           26. PATIENT'S ACCOUNT NO.            27 ACCEPT ASSIGNMENT?     28. TOTAL CHARGE           29 AMOUNT PAID
12-3456789  [X]  EIN               55501234                       [X] YES                $ 455 00          $ 0 00
`
	res := extractOCR(t, page)
	wantBillRows(t, res, "2023-07-10 20610 395.00|2023-07-10 J3301 60.00")
}

// TestCodeCellDamageOCR: a mileage code OCR read a zero of twice with its
// modifier glued by a dash ("A0Q425-SH") is still the code; a payment
// row whose date cell OCR read its slashes of as ones ("7127123" for
// 7/27/23) bills no code 27123 (the digits a place of service and a code
// run together on a claim form) and no negative charge.
func TestCodeCellDamageOCR(t *testing.T) {
	page := `Lakeshore Fire Rescue
Patient Accounts
4678 Harbor Dr, Brookfield, WI 53045
Phone (262) 555-0112 Fax (262) 555-0155

PATIENT STATEMENT                                        Statement date: 04-Nov-2023
Patient: Jamie Roe                                    Account #: 20800149
DOB: 08-Sep-1969                                        Run #: 5386112

Trip: Pick-up: accident scene, Industrial Pkwy Drop-off: Saint Luke's Regional Hospital Loaded miles: 6
Level of service: Advanced Life Support, emergency response (ALS1-E)

Date      :    HCPCS    :     Description                                      Units         Rate       Charge
06-May-2023   A0427-SH      ALS1 EMERGENCY TRANSPORT                .            1     1,900.00      1,900.00
06-May-2023   A0Q425-SH      GROUND MILEAGE PER STATUTE MILE                     6        25.00        150.00
Total charges                                        2,050.00
7127123        Payment - Summit Mutual Insurance                                        (343.20)
Balance due                                        1,706.80
`
	res := extractOCR(t, page)
	var got []string
	for _, b := range res.Bills {
		if b.Kind != "payment" && b.Kind != "adjustment" {
			got = append(got, b.Date.String()+" "+b.Code+" "+strconv.FormatFloat(b.Charge, 'f', 2, 64))
		}
	}
	if want := "2023-05-06 A0427 1900.00|2023-05-06 A0425 150.00"; strings.Join(got, "|") != want {
		t.Errorf("charges %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestSummaryTotalsOCR: a hospital's summary statement whose total label
// OCR ran together ("Totalcharges") with specks strewn in the gap before
// its amount is the total of charges, never a second line of the
// statement; the payments and adjustments under it, specks before their
// amounts too, are totals of their kinds.
func TestSummaryTotalsOCR(t *testing.T) {
	page := `Riverbend Medical Center
Patient Financial Services
SUMMARY STATEMENT _  -.                   ,                                     Statement date: Apr 4, 2025
Patient: Jamie Roe                                        Account number: 453900001
Guarantor: Jamie Roe                                        Date of service: Oct 21, 2024
Rev        Description of services                                        Charges
0610       MAGNETIC RESONANCE IMAGING                        .           .          :                   2,410.00
Totalcharges                       .          :                                        2,410.00
Insurance payments                                        (800.00)
Insurance adjustments                  :                                        :            (500.00)
Please pay                                        .                                        1,110.00 .
`
	res := extractOCR(t, page)
	wantBillRows(t, res, "2024-10-21 0610 2410.00")
	got := map[string]float64{}
	for _, tt := range res.BillTotals {
		got[tt.Kind] = tt.Total
	}
	if got[extract.TotalCharges] != 2410 || got[extract.TotalPayments] != 800 || got[extract.TotalAdjustments] != 500 {
		t.Errorf("totals %v", got)
	}
}

// TestFacilityStatementSpacedCentsOCR: a surgical center's facility
// statement (type of bill, revenue codes) read as a claim form, whose
// charge cell OCR cut the cents of with a space ("287 .00"): the row
// still bills, with its revenue code, rather than being read as words
// wrapped from the row above.
func TestFacilityStatementSpacedCentsOCR(t *testing.T) {
	page := `LAKEVIEW AMBULATORY SURGICAL CENTER
FACILITY STATEMENT
Patient: ROE, JAMIE   DOB: 4/11/80                   Pat. control #: 4690000001
Statement covers: FROM 12/16/24 THROUGH 12/16/24         Type of bill: 0831
Attending: Ann Lee, MD   NPI 1234567893         ,    Facility NPI 1234567893   TIN 12-3456789
_ Rev    CDM #         HCPCS      Description  .                          Serv date Units             Charges
0360   0360715248    29827 RT   ARTHROSCOP ROTATOR CUFF REPR            12/16/24      1           15,200.00
0272   0272174893               STERILE SUPPLY                           12/16/24      1              250 .00
0710   0710864302               RECOVERY ROOM                            12/16/24      1              700.00
0001                            TOTAL CHARGES                                        16,150.00
`
	res := extractOCR(t, page)
	wantBillRows(t, res, "2024-12-16 29827 15200.00|2024-12-16 0272 250.00|2024-12-16 0710 700.00")
}

// TestSummaryStatementHeaderSpecksOCR: a hospital's summary statement by
// category, no codes, whose header OCR strewed specks into the gap
// between "Description of services" and "Charges": still the header of
// one charge column, each category a line of the date of service, its
// description without the specks of its row.
func TestSummaryStatementHeaderSpecksOCR(t *testing.T) {
	page := `Riverbend Medical Center
Patient Financial Services
SUMMARY STATEMENT                                        Statement date: Apr 4, 2025
Patient: Jamie Roe                                        Account number: 453900001
Guarantor: Jamie Roe                                        Date of service: Oct 21, 2024
Description of services            -                                        :                            Charges
PHARMACY                                        64.10
LABORATORY                          .                                 :                                    88.20
CT SCAN                                        2,104.80
Total charges       :                                        2,257.10
Insurance payments                                        (900.00)
Balance due                                        1,357.10
`
	res := extractOCR(t, page)
	wantBillRows(t, res, "2024-10-21  64.10|2024-10-21  88.20|2024-10-21  2104.80")
	// The specks in a row's gaps are no part of its description.
	var descs []string
	for _, b := range res.Bills {
		descs = append(descs, b.Description)
	}
	if got := strings.Join(descs, "|"); got != "PHARMACY|LABORATORY|CT SCAN" {
		t.Errorf("descriptions %q", got)
	}
}

// TestHeaderCaptionUnderscoreOCR: a copier's OCR read an underline as an
// underscore glued to a column's caption ("_Charges"): still the charge
// column, each row's amount under it a charge.
func TestHeaderCaptionUnderscoreOCR(t *testing.T) {
	page := `Harbor Medical Massage
8344 Eastgate Blvd, Lancaster, PA 17601
STATEMENT                                        Page. 1
Statement date: 5/17/23,   Account: 57308194   Pay by: 6/11/23
Patient: Jane Doe:   Guarantor: Jane Doe |
Date   _      Code        Description                                  Qty             _Charges       Credits
3/7/23       97124    —- ~~ MASSAGE THERAPY                              3                 129.00          ,
3/14/23     97124        MASSAGE THERAPY’                              3                 129.00
Total charges                                    258.00
AMOUNT DUE                                       258.00
`
	wantBillRows(t, extractOCR(t, page), "2023-03-07 97124 129.00|2023-03-14 97124 129.00")
}
