package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestBillFamilies reads one page of every bill family into line items and
// totals by kind.
func TestBillFamilies(t *testing.T) {
	type line struct {
		date, code, rev, mods string
		units                 float64
		charge                float64
		kind                  string
		paid                  float64
	}
	tests := []struct {
		name   string
		page   string
		lines  []line
		totals []string // kind:amount
	}{
		{"UB-04 facility claim", `1 VALLEY REGIONAL HOSPITAL           3a PAT CNTL# 55821          4 TYPE OF BILL 0131
  400 River Rd, Reno, NV 89501       5 FED TAX NO 88-1234567   6 STATEMENT COVERS PERIOD 031424 031424
UB-04
42 REV CD  43 DESCRIPTION             44 HCPCS/RATES   45 SERV DATE  46 SERV UNITS   47 TOTAL CHARGES   48 NON-COVERED
0450       EMERGENCY ROOM              99284 25         031424        1               1250 00
0320       DX X-RAY CHEST              71046            031424        1                310 00
0636       DRUGS DETAIL CODED          J1885            031424        2                 35 84
0001       PAGE 1 OF 1                                  CREATION DATE 032824             1595 84             0 00
`, []line{
			{"2024-03-14", "99284", "0450", "25", 1, 1250, "", 0},
			{"2024-03-14", "71046", "0320", "", 1, 310, "", 0},
			{"2024-03-14", "J1885", "0636", "", 2, 35.84, "", 0},
		}, []string{":1595.84"}},
		{"CMS-1500 professional claim", `HEALTH INSURANCE CLAIM FORM
APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12
12. PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE   SIGNED   DATE 04/02/24
24. A. DATE(S) OF SERVICE     B. PLACE   D. PROCEDURES, SERVICES     E. DIAGNOSIS   F. $ CHARGES   G. DAYS OR UNITS   J. RENDERING NPI
   From        To             OF SERVICE    CPT/HCPCS   MODIFIER    POINTER
 N400409487601 UN2
 03 14 24    03 14 24         11         99204                    AB             250 00          1               1234567893
 03 21 24    03 21 24         11         97140       GP  59       A              104 00          2               1234567893
28. TOTAL CHARGE   $ 354 00        29. AMOUNT PAID   $ 0 00
31. SIGNATURE OF PHYSICIAN OR SUPPLIER   Ann Lee MD   DATE 03/28/24
`, []line{
			{"2024-03-14", "99204", "", "", 1, 250, "", 0},
			{"2024-03-21", "97140", "", "GP 59", 2, 104, "", 0},
		}, []string{":354"}},
		{"checkbox charge slip: only ticked services are lines", `Pinecrest Family Chiropractic
1200 Elm St, Dayton, OH 45402
CHARGE SLIP
Patient: DOE, JANE                               Date of service: 9/3/24
DOB: 2/14/81                                     Ins: Acme Mutual
Clinician: Tom Reyes, DC                         Injury date: 8/30/24
   Code     Description                          Fee      Units     Amount
X  98940    CMT spinal 1-2 regions               55.00    1          55.00
_  98941    CMT spinal 3-4 regions               70.00
_  97140    Manual therapy 15 min                48.00
X  97012    Mechanical traction                  30.00    2          60.00
Diagnoses: X M54.50 Low back pain   _ M54.2 Cervicalgia
                                   Total charges                    115.00
`, []line{
			{"2024-09-03", "98940", "", "", 1, 55, "", 0},
			{"2024-09-03", "97012", "", "", 2, 60, "", 0},
		}, []string{":115"}},
		{"checkbox encounter form with bracket boxes", `Lakeshore Internal Medicine
ENCOUNTER FORM                       Visit date: 10/21/2024
    CPT     Description                       Fee         Units  Charge
[ ] 99213   Office visit est low              120.00
[X] 99214   Office visit est moderate         180.00      1     180.00
( ) 99215   Office visit est high             250.00
[x] J1030   Methylprednisolone 40 mg           12.00      2      24.00
Total charges                                                   204.00
`, []line{
			{"2024-10-21", "99214", "", "", 1, 180, "", 0},
			{"2024-10-21", "J1030", "", "", 2, 24, "", 0},
		}, []string{":204"}},
		{"fee ticket with group headings under one header", `Northgate Sports Medicine
FEE TICKET
Patient: ROE, SAM                                 DOS: 030525
Physician: Ana Ortiz, MD
   CPT     Description                            Fee      Units    Charge
   OFFICE VISIT - ESTABLISHED
( )  99213  Est patient low                       140.00
(x)  99214  Est patient moderate                  210.00    1        210.00
   INJECTIONS
(x)  J3301  Triamcinolone 10 mg                    14.00    4         56.00
( )  20610  Arthrocentesis major joint            320.00
                                   Total charges                   266.00
`, []line{
			{"2025-03-05", "99214", "", "", 1, 210, "", 0},
			{"2025-03-05", "J3301", "", "", 4, 56, "", 0},
		}, []string{":266"}},
		{"facility statement by category without codes", `Mercy Valley Hospital
Business Office
FACILITY STATEMENT                                      Statement date: 04/30/2024
Patient: Lee Park                                       Date of service: 03/02/2024
Description of services                                              Charges
EMERGENCY DEPARTMENT                                                 1,840.00
LABORATORY                                                             212.50
IMAGING - CT                                                         1,105.00
      Total charges                                                  3,157.50
      Amount due                                                     3,157.50
Payment is due by 05/30/2024.
`, []line{
			{"2024-03-02", "", "", "", 0, 1840, "", 0},
			{"2024-03-02", "", "", "", 0, 212.5, "", 0},
			{"2024-03-02", "", "", "", 0, 1105, "", 0},
		}, []string{":3157.5 balance:3157.5"}},
		{"fee schedule form whose marks are lost: a fee alone bills nothing", `Cedar Hill Orthopedics
ENCOUNTER FORM                                 Date of service: 06/12/2024
   Code      Description                          Fee          Units      Charge
   99203     New patient low                     210.00
   99213     Est patient low                     130.00          1         130.00
   20550     Tendon sheath injection              95.00
   J1040     Methylprednisolone 80 mg             12.00          2          24.00
                                   Total charges                           154.00
`, []line{
			{"2024-06-12", "99213", "", "", 1, 130, "", 0},
			{"2024-06-12", "J1040", "", "", 2, 24, "", 0},
		}, []string{":154"}},
		{"ledger with payments, adjustments and a running balance", `Spine & Wellness Chiropractic
PATIENT LEDGER
Date        Code    Description            Charge    Payment   Adj      Balance
            BALANCE FORWARD                                                 0.00
01/03/2024  98941   CMT 3-4 regions         65.00                         65.00
01/05/2024  98941   CMT 3-4 regions         65.00                        130.00
02/01/2024          INS PMT - AUTO                     80.00               50.00
02/01/2024          CONTRACTUAL ADJ                             20.00      30.00
            TOTALS                     130.00     80.00    20.00      30.00
Current   30.00   31-60   0.00   61-90   0.00
`, []line{
			{"2024-01-03", "98941", "", "", 0, 65, "", 0},
			{"2024-01-05", "98941", "", "", 0, 65, "", 0},
			{"2024-02-01", "", "", "", 0, 0, extract.LinePayment, 80},
			{"2024-02-01", "", "", "", 0, 0, extract.LineAdjustment, 0},
		}, []string{":130", "payments:80", "adjustments:20", "balance:30"}},
		{"pharmacy printout", `Main Street Pharmacy
PRESCRIPTION HISTORY
Fill Date   Rx #      Drug                      NDC            Qty  Days Supply  Price
12/06/2023  6012345   Cyclobenzaprine 10 mg     00591-5658-01  20   7            12.40
12/06/2023  6012346   Ibuprofen 600 mg          00904-5853-61  30   10            9.80
                                                                   Total Paid    22.20
`, []line{
			{"2023-12-06", "", "", "", 20, 12.40, "", 0},
			{"2023-12-06", "", "", "", 30, 9.80, "", 0},
		}, []string{"payments:22.2"}},
		{"hospital detail bill grouped by revenue code", `                         Alder Regional Hospital
                         Patient Business Office
                         400 River Rd, Reno, NV 89501
DETAIL BILL                                                                            Printed 4/02/24
Patient: DOE, JANE   MRN 5512   Account 2519304948   Patient type: EMERGENCY
Service dates: 3/14/24 - 3/14/24
  Date        Charge code     CPT/HCPCS   Description                          Qty        Amount
0250 PHARMACY
  3/14/24     0250380276                  PHARMACY                             1           79.12
                                          Subtotal 0250                                    79.12
0450 EMERGENCY ROOM
  3/14/24     0450694643      99284-25    ED VISIT MOD SEVERITY                1        1,612.80
  3/14/24     0450692303      96374       THER/PROPH/DIAG INJ IV PUSH          1          384.56
                                          Subtotal 0450                                 1,997.36
0636 DRUGS REQUIRING DETAIL CODING
  3/14/24     0636884793      J2270       MORPHINE SULFATE INJ 10MG            2           62.56
                                          Subtotal 0636                                    62.56
                                          TOTAL CHARGES                                 2,139.04
                                          Insurance payments                           (1,178.19)
                                          Contractual adjustments                        (456.67)
                                          BALANCE DUE                                      504.18
`, []line{
			{"2024-03-14", "0250", "0250", "", 1, 79.12, "", 0},
			{"2024-03-14", "99284", "0450", "25", 1, 1612.80, "", 0},
			{"2024-03-14", "96374", "0450", "", 1, 384.56, "", 0},
			{"2024-03-14", "J2270", "0636", "", 2, 62.56, "", 0},
		}, []string{":2139.04", "payments:1178.19", "adjustments:456.67", "balance:504.18"}},
		{"attorney lien statement with visits as headings", `Alder Orthopaedics
ATTORNEY BILLING STATEMENT
Attorney: Berg Injury Law, P.C.                              Statement date: May 18, 2024
Client: Jane Doe                                             Date of injury: March 2, 2024
    CPT        Mod      Description                                   Units    Charge    Balance
Date of Service: March 4, 2024 Ann Berg, MD Dx: S13.4XXA, M54.12, G44.30
   99204                OFFICE O/P NEW MOD 45 MIN                        1     429.00     429.00
Visit March 18, 2024 Ann Berg, MD Dx: M50.12, M25.51
   20610       RT       DRAIN/INJ JOINT/BURSA W/O US                     1     384.00     813.00
March 30, 2024          Courtesy reduction per attorney request                   (43.00)    770.00
                        Total charges                                            813.00
                        Reductions                                               (43.00)
                        BALANCE DUE AT SETTLEMENT                                770.00
`, []line{
			{"2024-03-04", "99204", "", "", 1, 429, "", 0},
			{"2024-03-18", "20610", "", "RT", 1, 384, "", 0},
			{"2024-03-30", "", "", "", 0, 0, extract.LineAdjustment, 0},
		}, []string{":813", "adjustments:43", "balance:770"}},
		{"invoice without codes", `Reno Medical Supply
INVOICE
Invoice No. 4411      Invoice Date: 04/01/2024
Date of Service: 03/20/2024
Description                              Qty     Amount
Cervical collar, soft                     1       45.00
Cold therapy pack                         2       30.00
                                 Amount Due       75.00
`, []line{
			{"2024-03-20", "", "", "", 1, 45, "", 0},
			{"2024-03-20", "", "", "", 2, 30, "", 0},
		}, []string{"balance:75"}},
		{"fee schedule statement: the schedule and allowed columns are no charge, the reduction an adjustment", `Lakeview Orthopedic Associates
220 Lake St, Erie, PA 16501
NO-FAULT ITEMIZED STATEMENT                                Printed 04/20/2024
Patient: DOE, JANE   Claim no. 4471-22   DOI 02/27/2024   Insurer: Summit Casualty
Service date  Code     Units       Charge   Fee schedule     Allowed       Paid   Reduction
03/02/2024    99203    1           310.00        188.40      188.40     188.40      121.60
03/16/2024    97110    2           150.00         61.20       61.20    pending
03/16/2024    97140    1            85.00         30.90       30.90    pending
Totals                             545.00        280.50      280.50     188.40      121.60
Balance due                                                                         235.00
`, []line{
			{"2024-03-02", "99203", "", "", 1, 310, "", 188.40},
			{"2024-03-16", "97110", "", "", 2, 150, "", 0},
			{"2024-03-16", "97140", "", "", 1, 85, "", 0},
		}, []string{":545", "payments:188.4", "adjustments:121.6", "balance:235"}},
		{"statement in visit sections: each visit's charges summed under its rows are no line", `Mercy Health System
Patient Financial Services
STATEMENT OF ACCOUNT                                      Statement date 06/01/2024
Date         CPT      Description                                          Amount
Visit #55120931   Patient: DOE, JANE   Outpatient   Service dates: 03/04/2024 - 03/04/2024
03/04/2024   99284    ED VISIT MOD SEVERITY                                 812.00
03/04/2024   72125    CT CERVICAL SPINE W/O DYE                           1,240.00
             Visit charges                                               2,052.00
             Insurance pending                                           2,052.00
Visit #55120987   Patient: DOE, JANE   Clinic   Service dates: 03/18/2024 - 03/18/2024
03/18/2024   99213    OFFICE O/P EST LOW 20 MIN                              160.00
             Account charges                                               160.00
Total charges                                                            2,212.00
Account balance                                                          2,212.00
`, []line{
			{"2024-03-04", "99284", "", "", 0, 812, "", 0},
			{"2024-03-04", "72125", "", "", 0, 1240, "", 0},
			{"2024-03-18", "99213", "", "", 0, 160, "", 0},
		}, []string{":2212", "balance:2212"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractText(t, tt.page)
			if len(res.Encounters) != 0 {
				t.Errorf("a bill is no visit: %d encounters (%s)", len(res.Encounters), res.Encounters[0].Date)
			}
			if len(res.Bills) != len(tt.lines) {
				for _, b := range res.Bills {
					t.Logf("%s %q %q %v %v %.2f %q", b.Date, b.Code, b.RevenueCode, b.Modifiers, b.Units, b.Charge, b.Kind)
				}
				t.Fatalf("got %d lines, want %d", len(res.Bills), len(tt.lines))
			}
			for i, w := range tt.lines {
				b := res.Bills[i]
				paid := 0.0
				if b.Paid != nil {
					paid = *b.Paid
				}
				if b.Date.String() != w.date || b.Code != w.code || b.RevenueCode != w.rev || strings.Join(b.Modifiers, " ") != w.mods ||
					b.Units != w.units || b.Charge != w.charge || b.Kind != w.kind || paid != w.paid {
					t.Errorf("line %d: %s %q %q %v %v %.2f %q paid %.2f, want %+v", i, b.Date, b.Code, b.RevenueCode, b.Modifiers, b.Units, b.Charge, b.Kind, paid, w)
				}
			}
			var totals []string
			for _, x := range res.BillTotals {
				totals = append(totals, fmt.Sprintf("%s:%g", x.Kind, x.Total))
			}
			if strings.Join(totals, " ") != strings.Join(tt.totals, " ") {
				t.Errorf("totals %q, want %q", totals, tt.totals)
			}
		})
	}
}

// TestAnesthesiaCases: an anesthesia statement bills each case under its
// own facility and column header, its row printing base, time and total
// units, the conversion factor and the charge. The second case's row is
// charged the total units times the factor, not the factor.
func TestAnesthesiaCases(t *testing.T) {
	page := `                                        Lakeshore Anesthesia
                                            Anesthesiology - Pain Medicine
                                         4093 Oak Ave, Lexington, KY 40503
                                                                                     ANESTHESIA STATEMENT
Patient: HALVORSEN, SHAUNA                                     DOB: 7/20/77
Account #: 72818198                                            Statement date: 3/15/24

Facility: Keystone Spine & Pain Mgmt   Proceduralist: Rebecca Ballard, DO
Anesthesia provider: Phillip Petrov, CRNA   Anesthesia start 11:32    stop 11:51  (19 minutes)
DOS          ASA code Mod     Description                        Base    Time Total       Rate           Charge
2/19/24     01992     QS QX   ANESTH N BLOCK/INJ PRONE                       5   2        7   96.00      672.00

Facility: Harborview Ortho Surgery   Proceduralist: Gustavo Yamada, DO
Anesthesia provider: Phillip Petrov, CRNA   Anesthesia start 09:26    stop 11:09  (103 minutes)
DOS          ASA code Mod     Description                        Base    Time Total       Rate           Charge
2/23/24     01630     QX      ANESTH SURG SHOULDER JOINT                     5   7       12   96.00    1,152.00

                                                         Total charges                                 1,824.00
                                                         Balance due                                  $1,824.00
`
	res := extractText(t, page)
	got := billRows(res.Bills)
	if want := "2024-02-19 01992 672.00|2024-02-23 01630 1152.00"; strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestChargeFiveReadAsDollar: on a scanned supplier's invoice that prints
// quantity, unit price and amount, OCR read the 5 of "51.00" as a dollar
// sign; the quantity times the unit price gives the charge back. A charge
// printed with its dollar sign stays as printed.
func TestChargeFiveReadAsDollar(t *testing.T) {
	page := `Bluestem Medical Equipment
Durable Medical Equipment - Orthotics - Home Medical Supplies
                                                                             INVOICE
Invoice #: 8766118                                              Invoice date: 07/27/2023
Patient: VARGA, RAVI                                            DOB: 09/08/1969
DOS          HCPCS     Mod     Description                          Rent mo.     Qty      Unit     Amount
05/19/2023   E0730     RR KH   TENS FOUR OR MORE LEADS                1 of 3       1    111.00     111.00
05/19/2023   A4556             ELECTRODES PER PAIR                                 2     17.00     $34.00
06/18/2023   A4556             ELECTRODES PER PAIR                                 3     17.00      $1.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %.2f", b.Code, b.Charge))
	}
	if want := "E0730 111.00|A4556 34.00|A4556 51.00"; strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestDetailBillTitleBesidePrintDate: a hospital's detail charges whose
// title shares its line with the print date ("PATIENT DETAIL CHARGES ...
// Printed 11/18/2023"), holding one charge, is a bill, not a visit. The
// pages are a development matter's detail bill (internal/fixture/zoo,
// detail_bill) as pdftotext read them.
func TestDetailBillTitleBesidePrintDate(t *testing.T) {
	pages := testPages(t, "detail-bill-p1.txt", "detail-bill-p2.txt")
	res := extractText(t, pages...)
	if len(res.Encounters) != 0 {
		t.Errorf("%d encounters from bills (first %s, pages %+v), want none", len(res.Encounters), res.Encounters[0].Date, res.Pages)
	}
	var mri bool
	for _, b := range res.Bills {
		mri = mri || b.Code == "72141" && b.Charge == 2465.60
	}
	if !mri {
		t.Errorf("bills %+v: no MRI charge 72141 of 2,465.60", res.Bills)
	}
}
