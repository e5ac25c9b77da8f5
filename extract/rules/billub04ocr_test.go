package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// ub04GluedCaptions is a UB-04's first page as OCR reads a fax of it: the
// grid's captions lose the space between a box's words ("46SERVUNITS",
// "47 TOTALCHARGES"), and the caption line of the revenue code and the
// description falls under the others.
const ub04GluedCaptions = `3a PAT CNTL #                                  4 TYPE OF BILL     5 FED TAX NO.
ST LUKES REGIONAL HOSPITAL
2618 Eastgate Blvd                                  49000653                                    0131           81- 1379098
Cedar Falls IA 50613                                b MED REC                                    6 STATEMENT COVERS PERIOD FROM/ THROUGH
(319) 555-0153                                      62925121                                    120623 120623
S PATIENT NAME                                        10 BIRTHDATE        11 SEX   12 ADMISSION DATE | 3} OCCURRENCE CODE ; DATE
DOE, JANE                                      07201977          F                      01 120623

44HCPCS/RATE/HIPPS CODE 45 SERVDATE     46SERVUNITS   47 TOTALCHARGES’   48 NON-COVERED CHARGES

42REVCD 43 DESCRIPTION

0250     IBUPROFEN 600MG TAB                                        120623             1                 7.36
0270     MED-SUR SUPPLIES                                        120623             1               114.08
0300     URINALYSIS AUTO W/SCOPE                  81001                   120623             1                49.68
0301     COMPREHEN’ METABOLIC PANEL               80053                   120623             1               225.40
0324     X-RAY EXAM CHEST 1 VIEW                   71045                   120623             1               257.59
,         PAGE 1 OF 2                                  CREATION DATE            121423         TOTALS         CONTINUED
50 PAYER NAME                                        54 PRIOR PAYMENTS           55 EST AMOUNT DUE              S6 NPI
`

// TestUB04GluedCaptionsOCR: a UB-04 whose captions OCR glued together
// still bills each service line at its total charge.
func TestUB04GluedCaptionsOCR(t *testing.T) {
	res := extractText(t, ub04GluedCaptions)
	wantCharges(t, res, "2023-12-06 0250 7.36|2023-12-06 0270 114.08|2023-12-06 81001 49.68|2023-12-06 80053 225.40|2023-12-06 71045 257.59")
}

// ub04ShiftedCaptions is a UB-04's page whose caption line OCR set wider
// than the service lines under it: each line's charge stands nearer the
// caption of the HCPCS/rate box than that of the total charges.
const ub04ShiftedCaptions = `3a PAT CNTL &                                4 TYPE OF BILL     5 FED TAX NO
Saint Luke's Regional Hospital
7382 Riverside Dr                             37686559                                 0131           11-2915352
Cedar Falls   IA 50613                         bMED REC #                   .              6 STATEMENT COVERS PERIOD FROM! THROUGH
(319) 555-0101                                 273067                                   050623    050623
8 PATIENT NAME                                      1C BIRTHDATE        11 SEX   12 ADMISSION DATE | 31 OCCURRENCE CODE / DATE
DOE, JANE                          .             09081969        F                     01  050623
42REVCD 43 DESCRIPTION                      °          44 HCPCS /RATE/HIPPS CODE 45 SERV DATE    46 SERV UNITS.   47 TOTAL CHARGES.   48 NON-COVERED CHARGES:
0120    ROOM-BOARD/SEMI                  1,200.00               050623           1           1,200.00
0320    X-RAY EXAM THORAC SPINE 2VWS             72070                 050623           1             335.80
0350    CT HEAD/BRAIN W/O CONTRAST         ,     70450          .      050623            1           2,704.80
0450    ED VISIT HIGH SEVERITY                   99285 25              050623           1           2,612.80
0001    PAGE 2 OF 2                               CREATION DATE            050923        TOTALS.          6,852.60
`

// TestUB04ShiftedCaptionsOCR: on a UB-04 the rate box (44) prints before
// the service date (45): an amount right of a line's date is its total
// charge (47), wherever OCR set the captions above.
func TestUB04ShiftedCaptionsOCR(t *testing.T) {
	res := extractText(t, ub04ShiftedCaptions)
	wantCharges(t, res, "2023-05-06 0120 1200.00|2023-05-06 72070 335.80|2023-05-06 70450 2704.80|2023-05-06 99285 2612.80")
}

// ub04DollarFive is a UB-04 page whose charge cell OCR read with a dollar
// sign for its first five ("$8.88" for 58.88); the total prints below.
const ub04DollarFive = `42 REV CD 43 DESCRIPTION                        44 HCPCS RATE /HIPPS CODE  45 SERV DATE     46 SERV UNITS   47 TOTAL CHARGES    48 NON-COVERED CHARGES
0450    ED VISIT HIGH SEVERITY                   99285 25              050623           1           2,612.80
0636    MORPHINE SULFATE INJ 10MG                J2270                 050623           1              31.28
0636    ONDANSETRON HCL INJ 1MG                  J2405                 050623           4              $8.88
0001    PAGE 1 OF 1                               CREATION DATE            050923        TOTALS           2,702.96
`

// TestUB04DollarForFiveByTotal: a charge cell that reads as a dollar sign
// and digits is the amount with a five for the sign when that, alone of
// the bill's cells, makes its lines sum to its printed total.
func TestUB04DollarForFiveByTotal(t *testing.T) {
	res := extractText(t, ub04DollarFive)
	wantCharges(t, res, "2023-05-06 99285 2612.80|2023-05-06 J2270 31.28|2023-05-06 J2405 58.88")
}

// ub04SpeckedDate is a UB-04 page whose service date cell OCR read with a
// speck glued after it ("092824-").
const ub04SpeckedDate = `42 REV CD 43 DESCRIPTION                        44 HCPCS RATE /HIPPS CODE  45 SERV DATE     46 SERV UNITS   47 TOTAL CHARGES    48 NON-COVERED CHARGES
0250    PHARMACY                                                       092824           1              86.86
0250    IBUPROFEN 600MG TAB                                            092824-           1               8.08
0300    URINALYSIS AUTO W/SCOPE                 81001                  092824           1              54.54
0001    PAGE 1 OF 1                               CREATION DATE            100324        TOTALS             149.48
`

// TestUB04SpeckedDate: a service line's date with a speck OCR glued to it
// still dates the line.
func TestUB04SpeckedDate(t *testing.T) {
	res := extractText(t, ub04SpeckedDate)
	wantCharges(t, res, "2024-09-28 0250 86.86|2024-09-28 0250 8.08|2024-09-28 81001 54.54")
}

// TestUB04SpeckBeforeRevenueCodeOCR: OCR read a speck of the grid's left
// border as a dash before a service line's revenue code ("- 0424"): the
// line still opens with its revenue code, and its date of service (box 45)
// after a description of many words is still read, with its total charge.
func TestUB04SpeckBeforeRevenueCodeOCR(t *testing.T) {
	page := strings.Replace(ub04GluedCaptions, "0301     COMPREHEN’ METABOLIC PANEL               80053                   120623", "- 0301   COMPREHENSIVE METABOLIC PANEL W/ CA      80053                   120723", 1)
	res := extractOCR(t, page)
	wantCharges(t, res, "2023-12-06 0250 7.36|2023-12-06 0270 114.08|2023-12-06 81001 49.68|2023-12-07 80053 225.40|2023-12-06 71045 257.59")
}

// TestUB04SpeckAfterCentsOCR: OCR read a speck after a service line's
// total charge as a third digit of its cents ("31.277"), and its units
// cell as letters ("ok"): an amount prints two digits of cents, and the
// line still bills its charge.
func TestUB04SpeckAfterCentsOCR(t *testing.T) {
	page := strings.Replace(ub04GluedCaptions, "120623             1               114.08", "120623             ok              114.087", 1)
	res := extractOCR(t, page)
	wantCharges(t, res, "2023-12-06 0250 7.36|2023-12-06 0270 114.08|2023-12-06 81001 49.68|2023-12-06 80053 225.40|2023-12-06 71045 257.59")
}

// TestUB04RevenueCodeLostZeroOCR: OCR lost the leading zero of a service
// line's revenue code ("272" for 0272, as a fax's left border swallows
// it): every revenue code of the form has four digits, the first a zero,
// so three digits opening a claim's service line before its description
// are that code.
func TestUB04RevenueCodeLostZeroOCR(t *testing.T) {
	page := strings.Replace(ub04GluedCaptions, "0270     MED-SUR SUPPLIES                                        120623", "270      MEDICAL SURGICAL SUPPLIES AND DEVICES STERILE         120623", 1)
	res := extractOCR(t, page)
	wantCharges(t, res, "2023-12-06 0250 7.36|2023-12-06 0270 114.08|2023-12-06 81001 49.68|2023-12-06 80053 225.40|2023-12-06 71045 257.59")
}

// TestUB04AfterItemizedStatement: a hospital's itemized statement and,
// on the next page, its late-charge UB-04 whose first line is the form's
// captions (no letterhead opens it). The claim form is a bill of its own:
// its lines are read as the form prints them (revenue code, HCPCS,
// service date, units, total charge), not under the statement's columns.
func TestUB04AfterItemizedStatement(t *testing.T) {
	statement := `Saint Luke's Regional Hospital
Patient Financial Services
2618 Eastgate Blvd, Cedar Falls, IA 50613
ITEMIZED STATEMENT
Statement date: 29-May-2024                                    Account #: 49000653
Patient: DOE, JANE                                    DOB: 20-Jul-1977
Svc Date       Rev     CPT/HCPCS   Description                                        Qty          Amount
06-Dec-2023   0450     99285         ED VISIT HIGH SEVERITY                             1          2,612.80
06-Dec-2023   0300     85025         CBC W/AUTO DIFF                                    1             90.16
Total charges                                        2,702.96
`
	claim := `3a PAT CNTL #                                4 TYPE OF BILL     5 FED TAX NO
Saint Luke's Regional Hospital
2618 Eastgate Blvd                            49000653                                 0115          81-1379098
Cedar Falls   IA 50613                         b MED REC #                                 6 STATEMENT COVERS PERIOD FROM / THROUGH
(319) 555-0153                                 62925121                                 120623    120923
8 PATIENT NAME                                      10 BIRTHDATE        11 SEX   12 ADMISSION DATE
DOE, JANE                                      07201977        F      120623
42 REVCD 43 DESCRIPTION                                44 HCPCS/RATE/HIPPS CODE 45 SERV DATE    46 SERV UNITS   47 TOTAL CHARGES   48 NON-COVERED CHARGES
0250    ACETAMINOPHEN 650MG TAB                                        120723           2              12.88
0300    ROUTINE VENIPUNCTURE                      36415                 120923           1              23.92
0301    BASIC METABOLIC PANEL                    80048                 120823            1             170.20
0001    PAGE 1 OF 1                               CREATION DATE            010524        TOTALS:             207.00
`
	res := extractOCR(t, statement, claim)
	wantCharges(t, res, "2023-12-06 99285 2612.80|2023-12-06 85025 90.16|2023-12-07 0250 12.88|2023-12-09 36415 23.92|2023-12-08 80048 170.20")
}

// wantCharges checks res's charge lines (payments and adjustments left
// out), each "date code charge", joined by "|", against want.
func wantCharges(t *testing.T, res extract.Result, want string) {
	t.Helper()
	var got []string
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
		}
	}
	if strings.Join(got, "|") != want {
		t.Errorf("charges %q,\nwant %q", strings.Join(got, "|"), want)
	}
}
