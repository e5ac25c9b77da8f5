package rules

import "testing"

// TestEvaluationSessions: a functional capacity evaluation given over
// two days lists its test sessions, each with its day ("Session 2:
// September 19, 2023, 8:30 AM"), under a label of its dates that the
// page's second column ran into, so that the label's list lost its
// second date (a scan reads "and Septemifeval@a8e2"). Each session is a
// day the patient was there.
func TestEvaluationSessions(t *testing.T) {
	for _, datesLine := range []string{
		"Date(s) of evaluation: September 18, 2023 and Septemifeval@a8e2 Miriam Yamada, OTR/L",
		"Date(s) of evaluation: September 18, 2023 and September\n                                                    Evaluator:\n                                                        19, 2023Miriam Yamada, OTR/L",
	} {
		page := `CROSSROADS OCCUPATIONAL THERAPY AND WORK ASSESSMENT
3806 Hospital Dr, Lancaster, PA 17601
Phone (717) 555-0129 Fax (717) 555-0155

PHYSICAL WORK PERFORMANCE EVALUATION
Client: ROE, JANE                                   DOB: September 8, 1969
Date of injury: May 6, 2023                         Claim #: 71-160156
Referred by: Bernard Haddad, MD                     Order date: July 5, 2023
` + datesLine + `
Report date: September 25, 2023                     Referral question: work capacity and restrictions
JOB DESCRIPTION:
Warehouse lead, physical demand level MEDIUM per the employer's job description.
TEST SESSIONS
  Session 1: September 18, 2023, 9:00 AM - 1:00 PM; pain at start 5/10.
  Session 2: September 19, 2023, 8:30 AM - 10:45 AM; pain at start 4/10.
VALIDITY OF EFFORT:
19 of 20 consistency measures within expected limits.
`
		for _, scan := range []bool{false, true} {
			res := extractText(t, page)
			if scan {
				res = extractOCR(t, page)
			}
			if got := encounterDates(res); got != "2023-09-18 2023-09-19" {
				t.Errorf("scan %v: encounters %s, want 2023-09-18 2023-09-19", scan, got)
			}
		}
	}
}
