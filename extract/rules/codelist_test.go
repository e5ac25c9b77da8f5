package rules

import (
	"strings"
	"testing"
)

// TestDamagedCodeInCodeList: on a scan, OCR reads the I of I10 as a 1
// ("110 Essential (primary) hypertension"). Opening or closing an item of
// a list of codes one a line, its neighbours printing theirs in the same
// place, it is I10; a
// number opening a line of a list whose other lines print no code, or one
// before a unit, stays a number.
func TestDamagedCodeInCodeList(t *testing.T) {
	codes := func(page string) string {
		res := extractOCR(t, page)
		var got []string
		for _, e := range res.Encounters {
			for _, d := range e.Diagnoses {
				got = append(got, d.Code)
			}
		}
		return strings.Join(got, ",")
	}
	head := "WESTBROOK FAMILY MEDICINE                    MEDICATION RECONCILIATION\n" +
		"Patient: DOE, JANE  DOB: 07/20/1977 MRN: 27115860\n" +
		"DOS: 07/10/2023 Allergies: NKDA\n" +
		"Lisinopril 10 mg tab      1 tab PO daily        06/14/2021     Dr. Mensah     Continued\n" +
		"Visit diagnoses:\n"
	if got := codes(head + "110 Essential (primary) hypertension\nE78.5 Hyperlipidemia, unspecified\n"); got != "I10,E78.5" {
		t.Errorf("code list: %q, want I10,E78.5", got)
	}
	if got := codes(head + "E78.5 Hyperlipidemia, unspecified\n110 Essential (primary) hypertension\n"); got != "E78.5,I10" {
		t.Errorf("code list, damaged code last: %q, want E78.5,I10", got)
	}
	if got := codes(head + "Essential (primary) hypertension (110)\nHyperlipidemia, unspecified (E78.5)\n"); got != "I10,E78.5" {
		t.Errorf("code list, codes after their descriptions: %q, want I10,E78.5", got)
	}
	if got := codes(head + "E78.5 Hyperlipidemia, unspecified\n120 Minutes spent counseling\n"); got != "E78.5" {
		t.Errorf("a number before a unit: %q, want E78.5", got)
	}
}
