package rules

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestReturnVisitScheduled: a plan that books the patient's next visit
// as "Return visit in 6 weeks" or "Return appointment on 04/12/2024"
// schedules a follow-up as "Return in 6 weeks" does; without the visit
// that answers it, the record of that visit is missing.
func TestReturnVisitScheduled(t *testing.T) {
	for _, plan := range []string{
		"Return visit in 6 weeks (progress evaluation).",
		"Return appointment on 04/12/2024.",
		"Return office visit in 4 weeks to recheck convergence.",
	} {
		page := "Lakeview Eye Associates\n5264 Oak Ave, Bakersfield, CA 93301\n\nNEURO-OPTOMETRIC EVALUATION\n" +
			"Patient: Jane Doe                              DOB: 08/15/1971\n" +
			"Date of service: 03/14/2024                    Doctor: Ann Lee, OD\n" +
			"History: blurred vision after a concussion.\n" +
			"ASSESSMENT:\n  1. H51.11 - Convergence insufficiency\n" +
			"PLAN:\n  Office-based vision therapy, 1 session a week with home exercises.\n  " + plan + "\n"
		res := extractText(t, page)
		n := 0
		for _, x := range res.Expected {
			if x.Kind == extract.ExpectFollowUp {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%q: %d follow-ups expected, want 1 (%+v)", plan, n, res.Expected)
		}
	}
}
