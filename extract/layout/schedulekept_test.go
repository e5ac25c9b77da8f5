package layout

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestScheduleWithoutNotes: a practice's appointment status report lists
// each appointment with its status and counts them by status at its foot.
// When the records hold the practice's notes, the report only repeats
// their visits (administrative); when they hold none of its notes, the
// appointments it marks kept are the only record of its visits: a visit
// log. Without the count it is a schedule (TestSchedulingRecord).
func TestScheduleWithoutNotes(t *testing.T) {
	schedule := "Harbor Point Chiro                                        APPOINTMENT STATUS REPORT\n" +
		"DOE, JANE      DOB 1/2/80     Acct 5512     Range 3/1/24 - 4/30/24\n" +
		"Date            Time       Type          Provider        Status                  Made\n" +
		"3/4/24          9:00 AM    Eval          KL              Completed               3/1/24 phone\n" +
		"3/6/24          9:00 AM    Tx            KL              Completed               3/4/24 desk\n" +
		"3/8/24          9:00 AM    Tx            KL              No show                 3/6/24 desk\n" +
		"3/11/24         9:00 AM    Tx            KL              Completed               3/6/24 desk\n" +
		"3/13/24         9:00 AM    Tx            KL              Cancelled - patient     3/11/24 desk\n" +
		"3/15/24         9:00 AM    Tx            KL              Completed               3/11/24 desk\n" +
		"Completed: 4   No show: 1   Cancelled: 1\n"
	other := "Valley Orthopedic Associates\n300 Main St, Salem, OR 97301\nPROGRESS NOTE\n" +
		"Patient: Jane Doe   DOB: 01/02/1980\nDate of Service: 03/20/2024\n" +
		"Chief Complaint: Neck pain after a motor vehicle collision.\n" +
		"Assessment: Cervical strain.\nPlan: Continue chiropractic care; follow up in 4 weeks.\n"
	own := "Harbor Point Chiropractic Clinic\n55 Bay Rd, Salem, OR 97301\nDAILY NOTE\n" +
		"Patient: Jane Doe   DOB: 01/02/1980\nDate of Service: 03/04/2024\n" +
		"Subjective: Neck pain 6/10 after a motor vehicle collision.\n" +
		"Assessment: Cervical strain.\nPlan: Adjustments 3x/week for 4 weeks.\n"
	d := Analyze(pagesOf(schedule, other))
	if got := d.Pages[0].Class; got != extract.PageVisitLog {
		t.Errorf("schedule of a practice whose notes are absent: class %q, want %q", got, extract.PageVisitLog)
	}
	untallied := strings.Replace(schedule, "Completed: 4   No show: 1   Cancelled: 1\n", "", 1)
	if got := Analyze(pagesOf(untallied, other)).Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("schedule that counts nothing: class %q, want %q", got, extract.PageAdmin)
	}
	d = Analyze(pagesOf(schedule, own))
	if got := d.Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("schedule beside the practice's own note: class %q, want %q", got, extract.PageAdmin)
	}
}
