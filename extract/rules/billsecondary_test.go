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
