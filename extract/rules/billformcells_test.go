package rules

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// claimFormPage is a CMS-1500 as OCR reads a copier's scan of it, its
// service rows between the captions of box 24 and box 28's total;
// rows are filled in by each test.
const claimFormPage = `HEALTH INSURANCE CLAIM FORM
APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12
2. PATIENT'S NAME (Last Name, First Name, Middle Initial)             3. PATIENT'S BIRTH DATE SEX    4. INSURED'S NAME
DOE, JANE                                      09 08 1969   F         Summit Mutual Insurance
21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY ICD Ind. 0
A. S134XXD     B. M542
24. A. DATE(S) OF SERVICE From To MM DD YY POS   D. CPT/HCPCS MODIFIER           E.DX PTR      F.$ CHARGES        G.UNITS    J. RENDERING NPI
%s
25. FEDERAL TAX I.D. NUMBER SSN EIN           26. PATIENT'S ACCOUNT NO.           27. ACCEPT ASSIGNMENT?     28. TOTAL CHARGE          29. AMOUNT PAID
76-5021788   [X] EIN              26902255                     [X] YES               $ %s             $ 0 00
31. SIGNATURE OF PHYSICIAN OR SUPPLIER               32. SERVICE FACILITY LOCATION INFORMATION             33. BILLING PROVIDER INFO & PH #
EVERGREEN REHABILITATION SERVICES    EVERGREEN REHABILITATION SERVICES
6229 EASTGATE BLVD                        (262) 555-0105
BROOKFIELD, WI 53045                     a. 2042850448
`

// scannedFormCharges extracts a claim form page of rows and box 28's
// total, read by OCR, and returns its charges as "date code charge".
func scannedFormCharges(t *testing.T, rows, total string) string {
	t.Helper()
	pages := pagesOf([]string{fmt.Sprintf(claimFormPage, rows, total)})
	pages[0].Source = extract.SourceOCR
	res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: 1}, pages)
	if err != nil {
		t.Fatal(err)
	}
	assertGrounded(t, t.Name(), pages, res)
	var got []string
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
		}
	}
	return strings.Join(got, "|")
}

// TestFormCentsSpeck: OCR reads a speck after a claim form's cents cell
// as a colon or a semicolon ("70 00:"): the row still bills 70.00.
func TestFormCentsSpeck(t *testing.T) {
	rows := `05115123   05|15|23         11     97162   GP                 AB               217 00        1       2042850448
05/15/23   0511523         11     97110   GP                 AB                 70 00:       1       2042850448
05/17/23   05/17/23         11     G0283   GP                 AB               "34 00;        1       2042850448`
	want := "2023-05-15 97162 217.00|2023-05-15 97110 70.00|2023-05-17 G0283 34.00"
	if got := scannedFormCharges(t, rows, "321 00"); got != want {
		t.Errorf("charges %q, want %q", got, want)
	}
}

// TestFormDateOneBorderLost: OCR loses one border of a claim form's date
// cells and reads the other ("0622/23", "06/2223"): the row is of
// 06/22/23 and bills its charge, cents set apart by a speck ("119 .00").
func TestFormDateOneBorderLost(t *testing.T) {
	rows := `06/19/23   06/19/23         11     97140   GP                 AB                 74 00        1       2042850448
0622/23 | 0622/23         11  . 97164   GP                  AB                119 .00        1       2042850448
06/2223   06/22/23         11     97110   GP                  AB                140 00        2       2042850448`
	want := "2023-06-19 97140 74.00|2023-06-22 97164 119.00|2023-06-22 97110 140.00"
	if got := scannedFormCharges(t, rows, "333 00"); got != want {
		t.Errorf("charges %q, want %q", got, want)
	}
}

// TestFormCentsCommaLetterless: a claim form's row whose code lost its
// HCPCS letter ("0283") and whose cents cell OCR set a comma after
// ("34 00,") is still a service row: it bills 34.00.
func TestFormCentsCommaLetterless(t *testing.T) {
	rows := `06/19/23   06/19/23         11     97140   GP                 AB                 74 00        1       2042850448
06119123   06/19/23         11.     0283   GP                  AB                 34 00,        1       2042850448`
	got := scannedFormCharges(t, rows, "108 00")
	if !strings.Contains(got, "2023-06-19  34.00") && !strings.Contains(got, "2023-06-19 G0283 34.00") {
		t.Errorf("charges %q, want the 06/19 row of 34.00", got)
	}
}

// TestFormRowCodeUnread: OCR made nothing of a claim form's code cell
// ("a" for 97110); the row, opened by its From and To date cells, still
// bills its charge, and the lines sum to box 28's total.
func TestFormRowCodeUnread(t *testing.T) {
	rows := `10/02/23   10/02/23         11     97140   GP                 AB                 74 00        1       2042850448
10|02|23   10|02|23         11     a   GP.                 AB               140 00 -   ,   2       2042850448`
	want := "2023-10-02 97140 74.00|2023-10-02  140.00"
	if got := scannedFormCharges(t, rows, "214 00"); got != want {
		t.Errorf("charges %q, want %q", got, want)
	}
}

// TestFormCodeAfterDamagedToDate: the code cell of a claim form's row
// follows its To date cell, however OCR damaged that cell ("10|/09]23"),
// and is read through its look-alikes ("GO283" is G0283).
func TestFormCodeAfterDamagedToDate(t *testing.T) {
	rows := `10/09/23   10/09/23         11     97140   GP                  AB                 74 00        1       2042850448
1009/23   10|/09]23         11     GO283   GP                  AB                 34 00        1       2042850448`
	want := "2023-10-09 97140 74.00|2023-10-09 G0283 34.00"
	if got := scannedFormCharges(t, rows, "108 00"); got != want {
		t.Errorf("charges %q, want %q", got, want)
	}
}

// TestClaimFormBorderReadAsO: a faxed claim form's date cells whose left
// border OCR read as an O before the month ("O05 27 24", "OS 27 24"): no
// month has three digits; the row is of May 27. Before: the rows undated.
func TestClaimFormBorderReadAsO(t *testing.T) {
	page := `HEALTH INSURANCE CLAIM FORM
APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12
24. A. DATE(S) OF SERVICE From To MM DDK POS   _D.CPT/HCPCS MODIFIER           E. DX PTR      F_$ CHARGES,        G.UNITS _}. RENDERING NPI
05 10 24   05 10 24         11     99204                       AB               421 00        1       2251155000
O05 27 24   O05 27 24         11     62321                       AB             2,327 00        1       2251155000 *
N461120580445 UN8                                        .                       .
O05 27 24   OS 27 24         11     J3301                       AB                120 00        8       2251155000
06 13 24   06 13 24         11     99214                       AB                243 00       1       2251155000
25. FEDERAL TAX LD. NUMBER SSNEIN           26. PATIENT'S ACCOUNT NO.           27. ACCEPT ASSIGNMENT?     __[28. TOTAL CHARGE          29. AMOUNT PAID
`
	wantBillRows(t, extractOCR(t, page), "2024-05-10 99204 421.00|2024-05-27 62321 2327.00|2024-05-27 J3301 120.00|2024-06-13 99214 243.00")
}
