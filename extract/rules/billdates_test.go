package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestSlashCandidates lists the dates a bill's date cell may be when OCR
// read one of its slashes as a one.
func TestSlashCandidates(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"415/24        97140     MANUAL THERAPY 15 MIN", []string{"2024-04-05"}},
		{"4124/24        97014     ELECTRICAL STIM", []string{"2024-04-24"}},
		{"7129/24        98941     CMT SPINAL 3-4 REGIONS", []string{"2024-07-29"}},
		{"719/24          98941     CMT SPINAL 3-4 REGIONS.", []string{"2024-07-09"}},
		{"4/7125          97140     MANUAL THERAPY 15 MIN", []string{"2025-04-07"}},
		{"1115/24  97110  THERAPEUTIC EXERCISE", []string{"2024-01-15", "2024-11-05"}},
		{"4l5/24  97110  THERAPEUTIC EXERCISE", []string{"2024-04-05"}},
		{"04/05/24  97110  an undamaged date has no other reading", nil},
		{"97110  415/24  the date is not the first cell", nil},
		{"1234/5678  97110  an account number", nil},
		{"7/25  97140  MANUAL THERAPY: a lost digit is not a slash", nil},
	}
	for _, tt := range tests {
		ds, _ := slashCandidates(tt.line)
		var got []string
		for _, d := range ds {
			got = append(got, d.String())
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("slashCandidates(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestBillSlashDates dates line items whose date cell OCR damaged from the
// neighbouring items of the same statement, and leaves an item undated
// when none of its readings, or more than one, fit between them: a slash
// read as a one and a slash lost are alike common, so "715/24" between
// 7/1/24 and 7/25/24 may be 7/5/24 or 7/15/24. A speck before an HCPCS
// code does not hide it.
func TestBillSlashDates(t *testing.T) {
	page := `Momentum Physical Therapy
PATIENT STATEMENT
Date        CPT      Description                      Units   Charges     Adj      Paid    Balance
9/23/23     0636     jJ1885 KETOROLAC TROMETH 15MG INJ    2      76.16     0.00     0.00     76.16
07/01/24    97110    THERAPEUTIC EXERCISE 15 MIN          2     196.00     0.00     0.00    196.00
715/24      97112    NEUROMUSCULAR REEDUCATION            1      98.00     0.00     0.00    294.00
1115/24     97140    MANUAL THERAPY 15 MIN                1     104.00     0.00     0.00    398.00
7125/24     97140    MANUAL THERAPY 15 MIN                1     104.00     0.00     0.00    502.00
07/29/24    97014    ELECTRICAL STIM UNATTENDED           1      49.00     0.00     0.00    627.16
            Total Charges                                        627.16
`
	res := extractText(t, page)
	want := []struct{ date, code, desc string }{
		{"2023-09-23", "J1885", "KETOROLAC TROMETH 15MG INJ"},
		{"2024-07-01", "97110", "THERAPEUTIC EXERCISE 15 MIN"},
		{"", "97112", "715/24 NEUROMUSCULAR REEDUCATION"}, // 7/5 or 7/15: both between 7/1 and 7/25
		{"", "97140", "1115/24 MANUAL THERAPY 15 MIN"},    // 1/15 or 11/5: neither between 7/1 and 7/25
		{"2024-07-25", "97140", "MANUAL THERAPY 15 MIN"},
		{"2024-07-29", "97014", "ELECTRICAL STIM UNATTENDED"},
	}
	if len(res.Bills) != len(want) {
		t.Fatalf("bills %+v", res.Bills)
	}
	for i, w := range want {
		b := res.Bills[i]
		d := ""
		if !b.Date.IsZero() {
			d = b.Date.String()
		}
		if d != w.date || b.Code != w.code || b.Description != w.desc || i == 0 && (b.RevenueCode != "0636" || b.Units != 2) {
			t.Errorf("line %d: %s %s %q, want %s %s %q", i, d, b.Code, b.Description, w.date, w.code, w.desc)
		}
	}
}

// TestLedgerDateOfServiceOCR: a ledger row keeps its date of service, the
// first of its two dates, when OCR reads a 5 in it as a section sign
// ("§/2/24"); the posting date after it is not the date of service. A
// dash OCR glued before the row's code ("-98941") does not hide it.
func TestLedgerDateOfServiceOCR(t *testing.T) {
	page := `Spine Align Chiropractic
ACCOUNT HISTORY
DOS        Posted     Code     Mod   Units   Description                        Charges   Payments    Adj    Balance
4/29/24    4/30/24    98941          1       CHIROPRACT MANJ 3-4 REGIONS          81.00                         2,441.42
§/2/24     5/3/24     97012          1       MECHANICAL TRACTION THERAPY          40.00                         2,481.42
5/6/24.    5/7/24     -98941         1       CHIROPRACT MANJ 3-4 REGIONS          81.00                         2,562.42
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, b.Date.String()+" "+b.Code)
	}
	if want := "2024-04-29 98941|2024-05-02 97012|2024-05-06 98941"; strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestRunningBalanceCharge: a statement row whose amounts OCR shifted away
// from their columns charges the amount that, added to the balance of the
// row above, makes the balance it prints.
func TestRunningBalanceCharge(t *testing.T) {
	page := `Northgate Pain Mgmt
PATIENT STATEMENT
Date : Description - . ‘ '                                                   Charges    Credits   Balance
_ Previous balance                                                                                  0.00
11/20/2024 Office ofp new mod 45 min (99204) .                                 493.00               493.00
12/09/2024 Nix interlaminar crvAthre (62321) . :                             2,726.00             3,219.00
12/09/2024 | Triamcinolone acet inj 10m (J3301) x8 . :                          136.00             3,355.00
12/27/2024 Office ofp est mad 30 min (99214)                284.00             3,639.00
New charges this statement . .                                                                   3,639.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		bal := 0.0
		if b.Balance != nil {
			bal = *b.Balance
		}
		got = append(got, fmt.Sprintf("%s %.2f %.2f", b.Code, b.Charge, bal))
	}
	if want := "99204 493.00 493.00|62321 2726.00 3219.00|J3301 136.00 3355.00|99214 284.00 3639.00"; strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestStatementDueDate: a hospital's summary statements follow one another,
// each page ending on a remittance stub whose "Due date:" names the day the
// payment falls due. That date is no date of service: the next statement's
// line takes the date of service its own header prints.
func TestStatementDueDate(t *testing.T) {
	stub := `This is a summary of your account. An itemized statement is available on request. Payment is due by %s.
Please detach and return this portion with your payment.
Account number: %s                                     Amount due: $%s
Due date: %s                                           Amount enclosed: $__________
`
	head := `                    PRAIRIE VALLEY MEDICAL CENTER
                      Patient Financial Services
                   315 Oak Ave, Bakersfield, CA 93301
SUMMARY STATEMENT                                                         Statement date: %s
Patient: Mei Thornbury                                   Account number: %s
Guarantor: Mei Thornbury                                 Date of service: %s
Rev            Description of services                                                 Charges
`
	p1 := fmt.Sprintf(head, "03/22/2025", "749958870", "09/28/2024") +
		"0250           PHARMACY                                                                  86.86\n" +
		"0450           EMERGENCY ROOM                                                         3,290.58\n" +
		"               Total charges                                                          3,377.44\n" +
		fmt.Sprintf(stub, "04/16/2025", "749958870", "3,377.44", "04/16/2025")
	p2 := fmt.Sprintf(head, "03/24/2025", "931681250", "10/24/2024") +
		"0610           MAGNETIC RESONANCE IMAGING                                             2,706.80\n" +
		"               Total charges                                                          2,706.80\n" +
		fmt.Sprintf(stub, "04/18/2025", "931681250", "2,706.80", "04/18/2025")
	res := extractText(t, p1, p2)
	var got []string
	for _, b := range res.Bills {
		got = append(got, b.Date.String()+" "+b.Code)
	}
	if want := "2024-09-28 0250|2024-09-28 0450|2024-10-24 0610"; strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestClaimFormBorderDates: a faxed claim form's box 24A prints each date
// as MM | DD | YY cells, and OCR reads the cell borders as any of { } [ ]
// ; ' ( ) or as a one ("05119123" for 05 19 23). Every service line keeps
// its date: read from the From cells, else from the To cells, and never
// from cells that straddle the two ("(06/07/23" is no 07/23/06). A place
// of service OCR ran into the code ("1297110,") leaves the code, and a
// cell's border read as a dash before a charge ("-120 00") is no minus.
func TestClaimFormBorderDates(t *testing.T) {
	page := `HEALTH INSURANCE CLAIM FORM
APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) C2/12
2. PATIENT'S NAME {Last Name. First Name, Middle Ininal)    3. PATIENT'S BIRTH DATE SEX
VARGA, RAVI    09 08 1969   F
21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY ICD Ind. 0
A. S134XXxD     B. MS42     Cc. $39012D
24. A DATE(S) OF SERVICE From To MMDD XPOS   —_D. CPTHCPCS MODIFIER           E.OXPTR      F.$ CHARGES        G.UNITS _J. RENDERING NPI
051/19|23   05/19/23.    *     11     97162   GP                 AB               217 00        1       1538310206
05{19{23   05119123         1     97110   GP                 AB                 70 00       4       1538310206
05|22|23 05] 22123         11     97110   GP                  AB               140 00        2       1538310206
O05 22 {23   05/22;23   —      11     97140   GP                 AB                 74 00        1       1538310206
05|22|23   05|22|23         11     G0283   GP                  AB                 34 00        1       1538310206
05124123   05'24{23         11     97110   cP                 AB               140 00        2       1538310206
05122|23   05)22)23         11     97110   GP       .         - AB.              140 00        2       1538310206
(06/07/23   06/07/23         11     97110   GP              AB           _    140.00        2       1538310206
05/31128   05/31[ 23         1     GO283   GP                  AB                 34 00        1       1538310206
052923 052923                1297110,   GP.                  AB            140 00-1       1538310206
_  060123 060123                11°    73030   RT         AB          -120 00       1       1538310206
060223 060223                11   ° 99204                    AB           -42100     .   1       1538310206
25. FEDERAL TAX LD. NUMBER SSNEIN           26. PATIENT'S ACCOUNT NO.           27. ACCEPT ASSIGNMENT?     128. TOTAL CHARGE          29. AMOUNT PAID
[ie oconsen   {X] EIN              37612261                     {X] YES              $ 675 00             $ 0 00
33. BILLING PROVIDER INFO & PH #
EVERGREEN REHABILITATION SERVICES
`
	res := extractOCR(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
	}
	want := []string{"2023-05-19 97162 217.00", "2023-05-19 97110 70.00", "2023-05-22 97110 140.00",
		"2023-05-22 97140 74.00", "2023-05-22 G0283 34.00", "2023-05-24 97110 140.00",
		"2023-05-22 97110 140.00", "2023-06-07 97110 140.00", "2023-05-31 G0283 34.00", "2023-05-29 97110 140.00",
		"2023-06-01 73030 120.00", "2023-06-02 99204 421.00"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFacilityRowDateAfterDescription: a facility claim's row prints its
// date of service after the revenue code, the HCPCS code and the
// description (UB-04 box 45); a description of many words still leaves the
// row dated.
func TestFacilityRowDateAfterDescription(t *testing.T) {
	page := `Pinecrest Community Hospital - Outpatient Services
UB-04 FACILITY CLAIM DETAIL          TYPE OF BILL 0131       FED TAX NO 61-2231190
STATEMENT COVERS PERIOD  081423  081723
REV CD   HCPCS   DESCRIPTION                                                SERV DATE   SERV UNITS   TOTAL CHARGES
0320     72100   X-RAY EXAM LUMBOSACRAL SPINE TWO OR THREE VIEWS ORDERED STAT  081423    1            388.00
0610     72148   MRI LUMBAR SPINE CANAL AND CONTENTS WITHOUT CONTRAST MATERIAL 081723    1          2,905.00
0450     99283   EMERGENCY DEPARTMENT VISIT                                    081423    1          1,130.00
0001             TOTAL                                                                             4,423.00
`
	res := extractText(t, page)
	got := billRows(res.Bills)
	if want := "2023-08-14 72100 388.00|2023-08-17 72148 2905.00|2023-08-14 99283 1130.00"; strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestOneDayStatementDatesItems: a facility's statement whose period opens
// and closes on one day dates every item it lists, when OCR damaged an
// item's own date cell ("O9/l1i23", or "9/ 1/23", which reads as another
// day); a statement of several days dates no item it cannot read.
func TestOneDayStatementDatesItems(t *testing.T) {
	page := `Harbor Point Surgical Suites
OUTPATIENT FACILITY STATEMENT
Account 00418822          Statement period: 09/11/23 to 09/11/23
Rev   Code    Item                                   Date        Qty      Amount
0490  29881   KNEE ARTHROSCOPY/SURGERY               09/11/23    1      6,420.00
0278          IMPLANT - ANCHOR                       O9/l1i23    2        940.00
0370          ANESTHESIA SUPPLIES                    9/ 1/23     1        512.00
0710          RECOVERY                               09/11/23    1        655.00
              Total                                                     8,527.00
`
	got := billRows(extractText(t, page).Bills)
	if want := "2023-09-11 29881 6420.00|2023-09-11 0278 940.00|2023-09-11 0370 512.00|2023-09-11 0710 655.00"; strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
	several := strings.Replace(page, "09/11/23 to 09/11/23", "09/11/23 to 09/14/23", 1)
	got = billRows(extractText(t, several).Bills)
	if len(got) != 4 || got[1] != " 0278 940.00" {
		t.Errorf("several days: lines %q, want the implant undated", strings.Join(got, "|"))
	}
}

// TestStayOfOneDay: a hospital's summary by revenue code prints no date on
// its rows, only the stay's admission and discharge, the same day: every
// row is of that day. A stay of several days dates no row.
func TestStayOfOneDay(t *testing.T) {
	bill := func(discharge string) string {
		return `ST. MARY OF THE PLAINS HOSPITAL
SUMMARY BILL BY REVENUE CODE
Patient: RUIZ, ANA    Admit: 03/02/2024    Discharge: ` + discharge + `
Rev Code   Revenue Description                 Units        Total Charges
0300       LABORATORY                             4               612.00
0350       CT SCAN                                1             3,140.00
0450       EMERGENCY ROOM                         1             2,210.00
                          TOTAL CHARGES                          5,962.00
`
	}
	for _, tt := range []struct{ discharge, want string }{
		{"03/02/2024", "2024-03-02 0300 612.00|2024-03-02 0350 3140.00|2024-03-02 0450 2210.00"},
		{"03/05/2024", " 0300 612.00| 0350 3140.00| 0450 2210.00"},
	} {
		res := extractText(t, bill(tt.discharge))
		if got := strings.Join(billRows(res.Bills), "|"); got != tt.want {
			t.Errorf("discharged %s: lines %q, want %q", tt.discharge, got, tt.want)
		}
	}
}

// TestStayDayEndsWithItsBill: the day of a one-day stay dates the rows of
// its own bill only: the outpatient bill after it, under a title of its
// own, dates its rows by their own dates.
func TestStayDayEndsWithItsBill(t *testing.T) {
	page := `ST. MARY OF THE PLAINS HOSPITAL
SUMMARY BILL BY REVENUE CODE
Patient: RUIZ, ANA    Admit: 03/02/2024    Discharge: 03/02/2024
Rev Code   Revenue Description                 Units        Total Charges
0450       EMERGENCY ROOM                         1             2,210.00
                          TOTAL CHARGES                          2,210.00
ST. MARY OF THE PLAINS HOSPITAL
OUTPATIENT ITEMIZED STATEMENT
Patient: RUIZ, ANA
Date         Rev Code   CPT       Description              Qty        Amount
04/11/2024   0610       72148     MRI LUMBAR SPINE            1      2,380.00
                          TOTAL CHARGES                          2,380.00
`
	res := extractText(t, page)
	want := "2024-03-02 0450 2210.00|2024-04-11 72148 2380.00"
	wantBillRows(t, res, want)
}

// TestSlashReadAsSevenOrFour dates a statement's row whose date cell OCR
// read with a slash as a seven ("11/27724" for 11/27/24) or a four
// ("12/4424" for 12/4/24): the one reading between the dates of the rows
// around it is the row's date.
func TestSlashReadAsSevenOrFour(t *testing.T) {
	page := `Stillwater Massage
Statement of Account
Statement date: 12/30/24   Account: 38064199
Date        Code         Description                                  Qty             Charges       Credits
11/21/24    97124        MASSAGE THERAPY                              4                 172.00
11/27724    97124        MASSAGE THERAPY                              4                 172.00
12/3/24      97124        MASSAGE THERAPY                              4                 172.00
12/4424     97124        MASSAGE THERAPY                              4                 172.00
12/10/24    97124        MASSAGE THERAPY                              4                 172.00
Total charges                    .               860.00
`
	res := extractOCR(t, page)
	wantBillRows(t, res, "2024-11-21 97124 172.00|2024-11-27 97124 172.00|2024-12-03 97124 172.00|2024-12-04 97124 172.00|2024-12-10 97124 172.00")
}

// TestServiceAfterPostingOCR: a ledger row's date of service OCR misread
// past the date the row was posted ("11/29/2024" posted 11/20/2024): no
// service is posted before it is rendered. The one reading of the date,
// one digit changed, within a week before the posting and not after the
// next row's date of service is the row's date. A misread with several
// such readings stays as read.
func TestServiceAfterPostingOCR(t *testing.T) {
	ledger := func(first, second string) string {
		return `Northgate Pain Management Center
PATIENT ACCOUNT LEDGER - ALL TRANSACTIONS                                    Run date: 03/31/2025
bos       Posted     Code     Mod   Units Description                             Charges Payments       Adj     Balance
` + first + `  11/20/2024  99204           1    OFFICE O/P NEW MOD 45 MIN              493.00                          493.00
` + second + `  11/21/2024  80305           1    ORUG TEST PRSMV DIR OPT O8S            79.00                          572.00
12/09/2024 = 12/11/2024  62321           1    NJX INTERLAMINAR CRV/THRC W/IM       2,726.00                         3,298.00
.                              TOTAL CHARGES                       3,298.00
`
	}
	wantBillRows(t, extractOCR(t, ledger("11/29/2024", "11/19/2024")), "2024-11-19 99204 493.00|2024-11-19 80305 79.00|2024-12-09 62321 2726.00")
	// 11/19 and 11/20 both fit when the next row was served on 11/21.
	wantBillRows(t, extractOCR(t, ledger("11/29/2024", "11/21/2024")), "2024-11-29 99204 493.00|2024-11-21 80305 79.00|2024-12-09 62321 2726.00")
}

// TestDateSeparatorReadAsColonOCR: a ledger row whose date of service OCR
// printed with one separator read as a colon ("01:10.2025") is dated by
// it, not by the posting date beside it.
func TestDateSeparatorReadAsColonOCR(t *testing.T) {
	page := `Spine Align Chiropractic Center
PATIENT LEDGER                                          Acct 73456856
Dos        Posted      Code      Mod   Units Description                              Charges Payments        Adj     Balance
01.08.2025  01.08.2025  98941            1     CHIROPRACT MAN) 3-4 REGIONS             81.00                             81.00
01:10.2025  01.12.2025  97014            1     ELECTRIC STIMULATION THERAPY           38.00                            119.00
01.15.2025  01;17.2025  97014            1     ELECTRIC STIMULATION THERAPY           38.00                            157.00
TOTAL CHARGES                                  157.00
`
	wantBillRows(t, extractOCR(t, page), "2025-01-08 98941 81.00|2025-01-10 97014 38.00|2025-01-15 97014 38.00")
}
