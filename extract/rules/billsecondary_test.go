package rules

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// secondaryClaim is a practice's CMS-1500 to a second payer after the
// first paid: box 19 notes what the primary paid and when, box 22 prints
// the resubmission code and the primary claim's reference, box 29 the
// amount paid.
func secondaryClaim(box19, box22 string) string {
	return secondaryClaimUnder("** SECONDARY **", box19, box22)
}

// secondaryClaimUnder prints the claim under a banner over the form.
func secondaryClaimUnder(banner, box19, box22 string) string {
	return `                                                                                            GREAT PLAINS CASUALTY
` + banner + `                                                                             PO BOX 62880
                                                      HEALTH INSURANCE CLAIM FORM
                                                    APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12
2. PATIENT'S NAME (Last Name, First Name, Middle Initial)                    3. PATIENT'S BIRTH DATE SEX
VARGA, RAVI                                                                   09 08 1969             F
9d. INSURANCE PLAN NAME OR PROGRAM NAME                                      10c. OTHER ACCIDENT?                  11d. IS THERE ANOTHER HEALTH BENEFIT PLAN?
LIBERTY CREST AUTO PIP                                                        [X] NO                               [X] YES             If yes, complete items 9, 9a and 9d
19. ADDITIONAL CLAIM INFORMATION (Designated by NUCC)                                                              22. RESUBMISSION CODE ORIGINAL REF. NO.
` + box19 + `                                                                                             ` + box22 + `
21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY ICD Ind. 0
A. M50120                 B. M5412
24. A. DATE(S) OF SERVICE From To MM DD YY
                                         B. POS             D. CPT/HCPCS MODIFIER                    E. DX PTR         F. $ CHARGES               G. UNITS       J. RENDERING NPI
06 21 23           06 21 23                     11          99204                                     AB                       421 00                 1          2381246075
07 12 23           07 12 23                     11          62321                                     AB                   2,327 00                   1          2381246075
25. FEDERAL TAX I.D. NUMBER SSN EIN                         26. PATIENT'S ACCOUNT NO.                     27. ACCEPT ASSIGNMENT?          28. TOTAL CHARGE                     29. AMOUNT PAID
98-1645179              [X] EIN                             31664998                                      [X] YES                         $ 2,748 00                           $ 1,540 38
`
}

// TestSecondaryClaimPrimaryPaidNote: box 19 of a claim to a second payer
// notes what the primary paid and on which day ("PRI PD 2,140.38
// 090423"), beside box 22's resubmission code: a claim form bills only in
// its service lines, and a payment is no line of it (the amount paid is
// box 29's). Before: a charge of 2,140.38 dated 2023-09-04.
func TestSecondaryClaimPrimaryPaidNote(t *testing.T) {
	for _, box19 := range []string{"PRI PD 2,140.38 090423", "PRIMARY PAID 2,140.38 09/04/23", "PRI PD 2,140.38 09/04/2023"} {
		page := secondaryClaim(box19, "7       6386707768702")
		for name, res := range map[string]extract.Result{"text": extractText(t, page), "ocr": extractOCR(t, page)} {
			if got, want := strings.Join(billRows(res.Bills), "|"), "2023-06-21 99204 421.00|2023-07-12 62321 2327.00"; got != want {
				t.Errorf("%s %q: bill rows %q, want %q", name, box19, got, want)
			}
		}
	}
}

// TestSecondaryClaimRebilled: a claim to a second payer bills the lines
// the claim to the first billed; it says so by a banner over the form, by
// box 19 (the primary's EOB attached, what it paid) or by box 22 (the
// resubmission code and the original claim's reference number). Its lines
// are marked rebilled, so that the chronology counts them once; a claim
// that says none of it is no rebill. Before: no line marked.
func TestSecondaryClaimRebilled(t *testing.T) {
	for _, tt := range []struct {
		banner, box19, box22 string
		want                 bool
	}{
		{"** SECONDARY **", "", "", true},
		{"COB - SECONDARY", "", "", true},
		{"", "PRIMARY EOB ATTACHED", "", true},
		{"", "SEE ATTACHED PIP EOB", "", true},
		{"", "PRI PD 2,140.38 090423", "", true},
		{"", "", "7       6386707768702", true},
		{"", "", "8   A4417720019", true},
		{"# SECONDARY **", "", "", true},      // an asterisk OCR read as a number sign
		{"", "", "7_-   7866049581176", true}, // specks OCR read between the code and the reference
		{"", "", "", false},
		{"", "ACCIDENT DATE 05/06/23", "", false},
	} {
		page := secondaryClaimUnder(tt.banner, tt.box19, tt.box22)
		for name, res := range map[string]extract.Result{"text": extractText(t, page), "ocr": extractOCR(t, page)} {
			if len(res.Bills) != 2 {
				t.Errorf("%s %+v: %d lines, want 2", name, tt, len(res.Bills))
			}
			for _, b := range res.Bills {
				if b.Rebilled != tt.want {
					t.Errorf("%s %+v: line %s %s rebilled %v, want %v", name, tt, b.Date, b.Code, b.Rebilled, tt.want)
				}
			}
		}
	}
}

// TestClaimFormPayerOverTitle: a claim form's carrier block, the payer's
// name and address over the form's title, is no letterhead of who bills:
// the claim's lines are box 33's billing provider's. Before: the lines of
// GREAT PLAINS CASUALTY.
func TestClaimFormPayerOverTitle(t *testing.T) {
	page := `5/24/24 16:40 FROM: Keystone Spine & Pain Mgmt (859) 555-0102 TO: (555) 555-0186 P.002/002

GREAT PLAINS CASUALTY
SECONDARY  CLAIM                                        PO BOX 12746
DALLAS TX 75266

HEALTH INSURANCE CLAIM FORM

APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) C2/12
2. PATIENT'S NAME (Last Name, First Name, Middle Ienalr              3. PATIENT'S BIRTH DATE SEX    4. INSURED'S NAME (Last Name, FirstName, Middle Initial
HALVORSEN, ‘SHAUNA                              07 20 1977   M         HALVORSEN,  SHAUNA
21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY ICD Ind. C
A. M50120__B. M5412
24. A. DATES) OF SERVICE From To MMDD YX POS   —_D. CPTIHCPCS MODIFIER           E. Ox PTR:      FS CHARGES        G.UNITS    __J. RENDERING NPI
012224 012224                11     99204                       AB               421 00        1       2129716744
020524 020524                11     62321                       AB             2,327 00        1       2129716744
25. FEDERAL TAXI.D. NUMBER SSN EIN           26. PATIENT'S ACCOUNT NO            27, ACCEPT ASSIGNMENT?     28. TOTAL CHARGE          29. AMOUNT PAID
59-2097745.  [X} EIN               83851674                      (X] YES               $ 2,748 00           $ 1,500 00
31, SIGNATURE OF PHYSICIAN OR SUPPLIER                32. SERVICE FACILITY LOCATION INFORMATION             33. BILLING PROVIDER INFO & PH #

                                                     KEYSTONE SPINE AND PAIN MGMT      KEYSTONE SPINE & PAIN MGMT
TAMSIN MENSAH                                        4410 MAIN ST                      (859) 555-0102
`
	res := extractOCR(t, page)
	if len(res.Bills) != 2 {
		t.Fatalf("%d lines, want 2", len(res.Bills))
	}
	for _, b := range res.Bills {
		if !strings.Contains(strings.ToUpper(b.Provider), "KEYSTONE") {
			t.Errorf("line %s %s of %q, want the billing provider's", b.Date, b.Code, b.Provider)
		}
	}
}
