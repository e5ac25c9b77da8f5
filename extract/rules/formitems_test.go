package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestFormItemNumbersAreNoDiagnoses: a home health agency's OASIS
// assessment numbers its items before their labels, in parentheses or
// not ("(M1021) Primary Diagnosis:"); the item numbers read as undotted
// ICD-10 codes (M10.21 is gout) but are none: the diagnoses are the codes
// the items give.
func TestFormItemNumbersAreNoDiagnoses(t *testing.T) {
	// (OCR may read a parenthesis as a brace: "{M1023)".)
	for _, page := range []string{oasisPage, strings.NewReplacer("(M", "M", ") ", " ").Replace(oasisPage), strings.ReplaceAll(oasisPage, "(M1023)", "{M1023)")} {
		res := extractText(t, page)
		if len(res.Encounters) != 1 {
			t.Fatalf("%d encounters, want 1", len(res.Encounters))
		}
		if got := dxCodes(res.Encounters[0]); !slices.Equal(got, []string{"S13.4XXD", "M54.2"}) {
			t.Errorf("diagnoses %v, want [S13.4XXD M54.2]", got)
		}
	}
}

// oasisPage is an OASIS assessment's first page, its items numbered in
// parentheses.
const oasisPage = `Riverbend Home Health
OASIS START OF CARE ASSESSMENT
Patient: DOE, JANE                                    MR#: 100154
(M0030) Start of Care Date:                           03/04/24
(M0080) Discipline of Person Completing Assessment:   1 - RN
(M0090) Date Assessment Completed:                    03/04/24
(M0100) Reason for Assessment:                        1 - Start of care
PATIENT HISTORY AND DIAGNOSES
(M1021) Primary Diagnosis:                            S13.4XXD Sprain of ligaments of cervical spine
(M1023) Other Diagnoses:                              M54.2 Cervicalgia
Visit by: Ann Lee, RN
`
