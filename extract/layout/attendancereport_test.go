package layout

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestAttendanceReport: a practice's appointment status report lists
// each appointment with its status and counts them by status at its foot:
// a report of attendance, whose kept appointments are visits (a visit
// log), beside the practice's notes or not. The same table without the
// count is a schedule (TestSchedulingRecord): administrative.
func TestAttendanceReport(t *testing.T) {
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
	own := "Harbor Point Chiropractic Clinic\n55 Bay Rd, Salem, OR 97301\nDAILY NOTE\n" +
		"Patient: Jane Doe   DOB: 01/02/1980\nDate of Service: 03/04/2024\n" +
		"Subjective: Neck pain 6/10 after a motor vehicle collision.\n" +
		"Assessment: Cervical strain.\nPlan: Adjustments 3x/week for 4 weeks.\n"
	if got := Analyze(pagesOf(schedule)).Pages[0].Class; got != extract.PageVisitLog {
		t.Errorf("appointment status report: class %q, want %q", got, extract.PageVisitLog)
	}
	if got := Analyze(pagesOf(schedule, own)).Pages[0].Class; got != extract.PageVisitLog {
		t.Errorf("appointment status report beside the practice's note: class %q, want %q", got, extract.PageVisitLog)
	}
	untallied := strings.Replace(schedule, "Completed: 4   No show: 1   Cancelled: 1\n", "", 1)
	if got := Analyze(pagesOf(untallied)).Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("schedule that counts nothing: class %q, want %q", got, extract.PageAdmin)
	}
}
