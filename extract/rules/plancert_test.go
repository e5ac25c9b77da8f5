package rules

import (
	"strings"
	"testing"
)

// TestPlanOfCareCertification: a therapy clinic's plan of treatment on the
// certification form (the numbered boxes of the CMS-700: onset, start of
// care, the therapist's and the physician's signature boxes with their
// dates, the certification period, the service dates, all printed as
// MMDDYYYY) is one encounter on its start of care, by the provider its
// "PROVIDER NAME" box names, not by the federal department heading the
// form. Read by OCR, the boxes' numbers may be lost or left as specks.
func TestPlanOfCareCertification(t *testing.T) {
	typed := `DEPARTMENT OF HEALTH AND HUMAN SERVICES
PLAN OF TREATMENT FOR OUTPATIENT REHABILITATION
1. PATIENT'S LAST NAME, FIRST NAME, M.I. ROE, JANE
2. PROVIDER NO. 1234567890
4. PROVIDER NAME Cedar Ridge Physical Therapy
5. MEDICAL RECORD NO. 445566
6. ONSET DATE 02142024
7. SOC. DATE 03042024
8. TYPE [X] PT  [ ] OT  [ ] SLP
9. PRIMARY DIAGNOSIS  Cervicalgia (M54.2)
12. PLAN OF TREATMENT FUNCTIONAL GOALS
Reduce neck pain to 2/10; restore cervical rotation; return to work.
13. SIGNATURE (professional establishing POC) Dana Holt, PT Date 03052024
14. FREQ/DURATION 2/Wk x 6 Wk
15. I CERTIFY THE NEED FOR THESE SERVICES FURNISHED UNDER THIS PLAN OF TREATMENT
FROM 03042024   THROUGH 04142024
16. PHYSICIAN SIGNATURE ______________________________
17. DATE 03112024
18. ON FILE (Print/type physician's name) Omar Vance, MD
20. INITIAL ASSESSMENT
Restrained driver rear-ended on February 14, 2024. Neck pain 6/10 with stiffness.
22. SERVICE DATES FROM 03042024 THROUGH 03042024
Form CMS-700                                                     Page 1 of 1
`
	ocr := strings.NewReplacer("4. PROVIDER NAME", "- PROVIDER NAME", "7. SOC.", ". SOC.", "6. ONSET", "» ONSET",
		"16. PHYSICIAN SIGNATURE ______________________________", "16, PHYSICIAN SIGNATURE").Replace(typed)
	for _, tc := range []struct {
		name string
		scan bool
		text string
	}{{"typed", false, typed}, {"scanned", true, ocr}} {
		t.Run(tc.name, func(t *testing.T) {
			res := extractText(t, tc.text)
			if tc.scan {
				res = extractOCR(t, tc.text)
			}
			if len(res.Encounters) != 1 {
				for _, e := range res.Encounters {
					t.Logf("%s %q %q", e.Date, e.Provider, e.Citations[0].Quote)
				}
				t.Fatalf("%d encounters, want 1", len(res.Encounters))
			}
			e := res.Encounters[0]
			if e.Date.String() != "2024-03-04" || e.Provider != "Cedar Ridge Physical Therapy" {
				t.Errorf("encounter %s %q (quote %q), want 2024-03-04 Cedar Ridge Physical Therapy", e.Date, e.Provider, e.Citations[0].Quote)
			}
		})
	}
}
