package layout

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// authTrackerPage is a therapy clinic's authorization visit tracker: the
// payer's authorizations (requested, approved, their period and visits),
// then one row an appointment with its status and the visits the
// authorization has used and has left.
const authTrackerPage = `Harbor Point Rehabilitation Services                            AUTHORIZATION VISIT TRACKING
DOE, JANE   DOB 05/20/1986   Payer: Great Plains Casualty
Date          Visit #   Status                   Visits Used   Remaining   Therapist
Authorization 4471203   Requested: 03/04/2024    Approved: 03/06/2024
   Effective 03/01/2024 through 04/30/2024   visits authorized 6
03/01/2024    1         Checked out (eval)       1             5           KL
03/05/2024    2         Completed                2             4           KL
03/07/2024    -         No show - not counted    2             4           KL
03/08/2024    3         Completed                3             3           RM
03/12/2024    -         Cancelled by patient     3             3           RM
03/14/2024    4         Checked out              4             2           KL
Visits used: 4   Visits remaining: 2
`

// TestAuthorizationTracker: a tracker that counts each kept appointment
// against the payer's authorization (columns of the visits used and left)
// logs visits, though its rows record no procedure code and no pain
// score: a scheduling record books appointments and counts none, and
// stays administrative. The clinic's name and the title above the heads
// may read as a line of heads of their own ("Services", "Visit"). The authorization's requested and approved dates
// open no visit cards.
func TestAuthorizationTracker(t *testing.T) {
	if got := Analyze(pagesOf(authTrackerPage)).Pages[0].Class; got != extract.PageVisitLog {
		t.Errorf("authorization tracker: class %q, want %q", got, extract.PageVisitLog)
	}
	// OCR may read a speck beside a head.
	specked := strings.Replace(authTrackerPage, "Visits Used   Remaining", "Visits Used —   Remaining", 1)
	if got := Analyze(pagesOf(specked)).Pages[0].Class; got != extract.PageVisitLog {
		t.Errorf("authorization tracker, a speck beside a head: class %q, want %q", got, extract.PageVisitLog)
	}
	schedule := `Harbor Point Physical Therapy                                   APPOINTMENT HISTORY
DOE, JANE   DOB 05/20/1986
Date          Time       Status                   Type            Therapist
03/01/2024    9:00 AM    Checked out              Evaluation      KL
03/05/2024    9:30 AM    Completed                Follow-up       KL
03/07/2024    9:30 AM    No show                  Follow-up       KL
03/08/2024    10:00 AM   Completed                Follow-up       RM
03/12/2024    10:00 AM   Cancelled by patient     Follow-up       RM
03/14/2024    9:00 AM    Checked out              Follow-up       KL
`
	if got := Analyze(pagesOf(schedule)).Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("appointment history: class %q, want %q", got, extract.PageAdmin)
	}
	for _, s := range []string{
		"Authorization 4471203   Requested: 03/04/2024    Approved: 03/06/2024",
		"Auth 77120-2   requested 12-21-2023    approved 12-23-2023",
		"Auth #A-5521   Effective 01/02/2024   Expires 03/01/2024",
	} {
		if h := CardHeads(s, FindDates(s)); h != nil {
			t.Errorf("%q: %d visit cards, want none", s, len(h))
		}
	}
	s := "Visit 3   12/26/2023   Visit 4   12/28/2023"
	if h := CardHeads(s, FindDates(s)); len(h) != 2 {
		t.Errorf("%q: %d visit cards, want 2", s, len(h))
	}
}
