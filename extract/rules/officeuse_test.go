package rules

import (
	"testing"
)

// TestOfficeUseBlockNamesNoProvider: a form the patient fills in ends with
// a block the office fills in, headed "FOR OFFICE USE ONLY", "For staff
// use", "FOR MRI STAFF USE": the heading names who fills it in, no
// provider. The form is the letterhead's.
func TestOfficeUseBlockNamesNoProvider(t *testing.T) {
	for _, head := range []string{"FOR MRI STAFF USE", "FOR OFFICE USE ONLY", "For Clinic Staff Use Only"} {
		page := "                                   Tri County Rad Group\n" +
			"                                                 MRI Center\n" +
			"                                     6839 Bay St, Brookfield, WI 53045\n" +
			"                                  Phone (262) 555-0152 Fax (262) 555-0163\n" +
			"        MAGNETIC RESONANCE (MR) PROCEDURE SCREENING FORM FOR PATIENTS\n" +
			"Patient: DOE, JANE                                        DOB: May 20, 1986   Age: 37    Sex: F\n" +
			"Date: November 20, 2023                                   MRN: 7520578\n" +
			"Exam: MRI CERVICAL SPINE WITHOUT CONTRAST                 Referring physician: Hiroshi Lee, MD\n" +
			"                                                                            YES   NO    If yes, explain\n" +
			"1. Cardiac pacemaker or implanted defibrillator (ICD)?                            X\n" +
			"2. Aneurysm clip(s) in the brain?                                                 X\n" +
			"8. Tattoos or permanent makeup?                                  X                      tattoo, right forearm\n" +
			"I attest that the above information is correct to the best of my knowledge.\n" +
			"Patient signature: Jane Doe (signed)                      Date: November 20, 2023\n" +
			head + "\n" +
			"Reviewed by: Yolanda Mbeki, RT(R)(MR)                     Date: November 20, 2023      Time: 3:32 PM\n" +
			"Cleared for scan; no contraindications.\n"
		res := extractText(t, page)
		var provs []string
		for _, e := range res.Encounters {
			provs = append(provs, e.Provider)
		}
		if len(provs) != 1 || provs[0] != "Tri County Rad Group" {
			t.Errorf("%s: providers %q, want Tri County Rad Group alone", head, provs)
		}
	}
}
