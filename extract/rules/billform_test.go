package rules

import "testing"

// TestClaimFormTotalsBoxOCR: OCR ran a claim form's "28. TOTAL CHARGE"
// caption together ("TOTALCHARGE"), so the box of totals below it reads as
// a row of amounts under the service lines' header, and the physician's
// signature date of the page before would date it. A claim form bills only
// in box 24, each line with its dates and its code: a row with neither is
// no line.
func TestClaimFormTotalsBoxOCR(t *testing.T) {
	claim := func(rows, totalCaption, total string) string {
		return `HEALTH INSURANCE CLAIM FORM
APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12
2. PATIENT'S NAME (Last Name, First Name, Middle Initial)             3. PATIENT'S BIRTH DATE SEX
VARGA, RAVI                                      09 08 1969   F
24. A. DATE(S) OF SERVICE From To MM DD POS   D. CPT/HCPCS MODIFIER           E. DX PTR      F. $ CHARGES        G.UNITS    __J. RENDERING NPI
` + rows + `25. FEDERAL TAXI. NUMBER SSN EIN           26. PATIENT'S ACCOUNT NO.           27. ACCEPT ASSIGNMENT?     ` + totalCaption + `          29. AMOUNT PAID
76-5021788   [X] EIN              26902255                     [X] YES              $ ` + total + ` _       $ 0 00
31. SIGNATURE OF PHYSICIAN OR SUPPLIER               32. SERVICE FACILITY LOCATION INFORMATION             33. BILLING PROVIDER INFO & PH #
EVERGREEN REHABILITATION SERVICES    EVERGREEN REHABILITATION SERVICES
DATE October 11, 2023                    BROOKFIELD, WI 53045                     a. 2042850448
`
	}
	first := claim(`05/25/23   05/25/23         11     97140   GP                  AB                 74 00        1       2042850448
`, "28. TOTAL CHARGE", "74 00")
	second := claim(`05|29|23   05129123         11     97140   GP                  AB                 74 00        1       2042850448
05/31/23   05|31|23         11°    97110   GP                 AB               140 00        2       2042850448
`, "28. TOTALCHARGE", "214 00")
	res := extractOCR(t, first, second)
	wantBillRows(t, res, "2023-05-25 97140 74.00|2023-05-29 97140 74.00|2023-05-31 97110 140.00")
}

// TestClaimFormDateDigitsOCR: a faxed claim form's date cells whose
// borders OCR read as digits: a four as well as a one ("06414123" for
// 06 14 23, "06419]23" for 06 19 23), and a cell with one border lost and
// the other read as a one ("0515123", "1010523"). Such a To cell is no
// place of service run into a code ("1010523" is no code 10523), and a
// place of service with a dash after it ("11-   97164") no tax ID's first
// digits.
func TestClaimFormDateDigitsOCR(t *testing.T) {
	page := `HEALTH INSURANCE CLAIM FORM
APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12
24. A. DATE(S) OF SERVICE From To MM DD POS   D. CPT/HCPCS MODIFIER           E. DX PTR      F. $ CHARGES        G.UNITS    __J. RENDERING NPI
5115/23   0515123         11     97162   GP                  AB               217 00        1°     2042850448
06414123   06114423         1197140   GP                  AB                 74 00        1       2042850448
06419]23   06/19/23         11     97140   GP                 AB                74 00        1       2042850448
10105123   1010523         11     97140   GP       :          AB                74 00        1       2042850448
06}22}23   06}22123         11-   97164   GP          ,       AB               119 00        1       2042850448
25. FEDERAL TAX I.D. NUMBER SSN EIN           26. PATIENT'S ACCOUNT NO.           27. ACCEPT ASSIGNMENT?     28. TOTAL CHARGE          29. AMOUNT PAID
76-5021788   [X] EIN              26902255                     [X] YES               $ 558 00             $ 0 00
`
	wantBillRows(t, extractOCR(t, page), "2023-05-15 97162 217.00|2023-06-14 97140 74.00|2023-06-19 97140 74.00|2023-10-05 97140 74.00|2023-06-22 97164 119.00")
}

// TestClaimFormCodeLetterOCR: on a faxed claim form OCR read the G of
// G0283 as a six, with a dash before the modifier ("60283   -GP"), or lost
// it ("0283", which a professional claim prints as no revenue code). The
// claim's other lines print the item whole: the code is G0283.
func TestClaimFormCodeLetterOCR(t *testing.T) {
	page := `HEALTH INSURANCE CLAIM FORM
APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12
24. A. DATE(S) OF SERVICE From To MM DD POS   D. CPT/HCPCS MODIFIER           E. DX PTR      F. $ CHARGES        G.UNITS    __J. RENDERING NPI
06/05/23   06/05|23         11     G0283   GP                 AB                 34 00        1       2042850448
06/07/23   06|07|23         11     97140   GP            .     AB                 74 00        1       2042850448
06|07|23   06|07|23         11   0283   GP                 AB                 34 00        1       2042850448
06/12/23   06/12|23         11     60283   -GP                  AB                 34 00        1       2042850448
25. FEDERAL TAX I.D. NUMBER SSN EIN           26. PATIENT'S ACCOUNT NO.           27. ACCEPT ASSIGNMENT?     28. TOTAL CHARGE          29. AMOUNT PAID
76-5021788   [X] EIN              26902255                     [X] YES               $ 176 00             $ 0 00
`
	wantBillRows(t, extractOCR(t, page), "2023-06-05 G0283 34.00|2023-06-07 97140 74.00|2023-06-07 G0283 34.00|2023-06-12 G0283 34.00")
}

// TestClaimFormLetterlessAlone: a claim's four digits whose letter OCR
// lost, with no other line printing the item, stay without a code, and
// the modifiers read after them modify nothing.
func TestClaimFormLetterlessAlone(t *testing.T) {
	page := `HEALTH INSURANCE CLAIM FORM
APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12
24. A. DATE(S) OF SERVICE From To MM DD POS   D. CPT/HCPCS MODIFIER           E. DX PTR      F. $ CHARGES        G.UNITS    __J. RENDERING NPI
06/07/23   06|07|23         11     97140   GP            .     AB                 74 00        1       2042850448
06|07|23   06|07|23         11   0283   GP                 AB                 34 00        1       2042850448
25. FEDERAL TAX I.D. NUMBER SSN EIN           26. PATIENT'S ACCOUNT NO.           27. ACCEPT ASSIGNMENT?     28. TOTAL CHARGE          29. AMOUNT PAID
76-5021788   [X] EIN              26902255                     [X] YES               $ 108 00             $ 0 00
`
	res := extractOCR(t, page)
	wantBillRows(t, res, "2023-06-07 97140 74.00|2023-06-07  34.00")
	if len(res.Bills) == 2 && len(res.Bills[1].Modifiers) > 0 {
		t.Errorf("modifiers %q on a line without a code", res.Bills[1].Modifiers)
	}
}

// TestClaimFormPlaceOfServiceHalfGlued: on a faxed claim form OCR ran the
// place of service into the code and read its "11" as one digit
// ("197110." for 11 97110): the code cell holds six digits, the code the
// last five. A row whose place of service stands in its own cell keeps a
// six-digit token for what it is (no code).
func TestClaimFormPlaceOfServiceHalfGlued(t *testing.T) {
	page := `HEALTH INSURANCE CLAIM FORM
APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12
24. A. DATE(S) OF SERVICE From To MM DD POS   D. CPT/HCPCS MODIFIER           E. DX PTR      F. $ CHARGES        G.UNITS    __J. RENDERING NPI
05/22/23   05/22/23         11     97140   GP                  AB                 74 00        1       2042850448
05{25|23   05125423         197110.   GP           .       AB                140 00        2       2042850448
05/25/23   05125123"        1197140   GP               "AB                 74 00        1       2042850448
25. FEDERAL TAX I.D. NUMBER SSN EIN           26. PATIENT'S ACCOUNT NO.           27. ACCEPT ASSIGNMENT?     28. TOTAL CHARGE          29. AMOUNT PAID
76-5021788   [X] EIN              26902255                     [X] YES               $ 288 00             $ 0 00
`
	wantBillRows(t, extractOCR(t, page), "2023-05-22 97140 74.00|2023-05-25 97110 140.00|2023-05-25 97140 74.00")
}
