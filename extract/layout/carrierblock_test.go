package layout

import "testing"

// TestClaimFormCarrierBlock: over a CMS-1500's title, top right, the
// billing software prints the payer's name and address (the form's
// carrier block); a health plan named like a practice ("KEYSTONE HEALTH
// ALLIANCE") is still the payer, and the provider is box 33's billing
// provider, also when OCR read a speck in the title as a comma. Before:
// the payer's name, read as the page's letterhead.
func TestClaimFormCarrierBlock(t *testing.T) {
	for _, tt := range []struct{ payer, title string }{
		{"KEYSTONE HEALTH ALLIANCE", "HEALTH INSURANCE CLAIM FORM"},
		{"BLUE HARBOR HEALTH PLAN", "HEALTH INSURANCE CLAIM FORM"},
		{"GREAT PLAINS CASUALTY", "HEALTH INSURANCE CLAIM FORM"},
		{"KEYSTONE HEALTH ALLIANCE", "HEALTH, INSURANCE CLAIM FORM"}, // a speck OCR read as a comma
	} {
		payer := tt.payer
		form := "                                                                    " + payer + "\n" +
			"                                                                    PO BOX 75619\n" +
			"                                                                    DALLAS TX 75266\n" +
			"                      " + tt.title + "\n" +
			"                    APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12\n" +
			"1. MEDICARE MEDICAID TRICARE CHAMPVA GROUP HEALTH PLAN FECA OTHER        1a. INSURED'S I.D. NUMBER\n" +
			"2. PATIENT'S NAME (Last Name, First Name, Middle Initial)       3. PATIENT'S BIRTH DATE SEX\n" +
			"DOE, JANE                                                        01 02 1980        F\n" +
			"21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY ICD Ind. 0\nA. M5412\n" +
			"24. A. DATE(S) OF SERVICE From To MM DD YY     B. POS     D. CPT/HCPCS MODIFIER     E. DX PTR     F. $ CHARGES     G. UNITS\n" +
			"012924 012924        11       99204        A        421 00        1\n" +
			"25. FEDERAL TAX I.D. NUMBER SSN EIN      26. PATIENT'S ACCOUNT NO.     28. TOTAL CHARGE     29. AMOUNT PAID\n" +
			"74-5910977      [X] EIN       73583851       $ 421 00      $ 0 00\n" +
			"31. SIGNATURE OF PHYSICIAN OR SUPPLIER          32. SERVICE FACILITY LOCATION INFORMATION         33. BILLING PROVIDER INFO & PH #\n\n" +
			"                                                 LAKESIDE SPINE AND PAIN MANAGEMENT LAKESIDE SPINE & PAIN MANAGEMENT\n" +
			"ANN LEE                                         4029 MEDICAL PLAZA                 (661) 555-0147\n"
		d := Analyze(pagesOf(form))
		if d.Pages[0].BillKind != "cms1500" {
			t.Fatalf("page is %q %q, want a cms1500 bill", d.Pages[0].Class, d.Pages[0].BillKind)
		}
		if got := d.Provider(1); got != "LAKESIDE SPINE & PAIN MANAGEMENT" {
			t.Errorf("under %s: provider %q, want LAKESIDE SPINE & PAIN MANAGEMENT", payer, got)
		}
	}
}
