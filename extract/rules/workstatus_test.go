package rules

import "testing"

// TestWorkStatusForm: a physician's work status form prints the visit's
// date among the injury date, the dates the status holds from and to, the
// next appointment and the expected return to work, and is signed, often
// the next day, on a rule under the restrictions (which OCR may lose). It
// is one encounter, on the visit's date.
func TestWorkStatusForm(t *testing.T) {
	for _, rule := range []string{"_____________________________________\n", ""} {
		checkWorkStatus(t, workStatusPage(rule))
	}
}

// workStatusPage is a work status form signed under rule.
func workStatusPage(rule string) string {
	return `Cedar Valley Occupational Medicine
40 Elm Drive, Salem, OR 97301

                         PHYSICIAN'S WORK ABILITY REPORT
 Patient: Jane Doe                                   DOB: 02/03/1981
 Employer: Harbor Freight Lines                      Claim #: WC-44102
 Date of injury: 01/15/2024                          Visit date: 02/20/2024
Diagnosis:
  S13.4XXA Sprain of ligaments of cervical spine, initial encounter
Work status:
  [ ] Full duty
  [X] Modified duty
Effective 02/20/2024 to 03/19/2024
Return visit: 03/19/2024
Expected return to full duty: 04/15/2024

` + rule + `Ann Lee, MD          Date: 02/21/2024
This form addresses work capacity only.
`
}

// checkWorkStatus checks that the form is one encounter, on its visit date.
func checkWorkStatus(t *testing.T, page string) {
	t.Helper()
	res := extractText(t, page)
	if len(res.Encounters) != 1 || res.Encounters[0].Date.String() != "2024-02-20" {
		for _, e := range res.Encounters {
			t.Logf("%s %q", e.Date, e.Citations[0].Quote)
		}
		t.Errorf("%d encounters, want one on 2024-02-20", len(res.Encounters))
	}
}
