package rules

import "testing"

// TestSeenInFollowUpSchedulesNothing: a letter's "I saw Ms. Doe in
// follow-up on <date>" tells of the visit made, not of one to come; a
// plan's "follow-up on <date>" schedules one.
func TestSeenInFollowUpSchedulesNothing(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"I saw Ms. Doe in follow-up on Mar 4, 2024. Here is my report of the visit.", false},
		{"Mr. Roe was seen for follow up on 03/04/2024 and is improving.", false},
		{"Plan: follow-up on 04/01/2024 to review the MRI.", true},
		{"Will see her in follow-up on 04/01/2024.", true},
	} {
		if got := scheduledFollowUp(tt.text) != nil; got != tt.want {
			t.Errorf("%q: schedules a follow-up %v, want %v", tt.text, got, tt.want)
		}
	}
}
