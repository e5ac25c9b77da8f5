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

// TestFollowUpLabelWithMisreadWords: an EHR's "Follow-up:" label before a
// follow-up whose words a fax's OCR misread ("Follow-up: Folldw up on
// 1/8/24") still schedules it; the label before a plan of no visit
// ("Follow-up: none, discharged from care on 3/4/24", "as needed") does not.
func TestFollowUpLabelWithMisreadWords(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Follow-up: Folldw up on 1/8/24 or sooner if worse.", true},
		{"Follow-up: in 2 weeks.", true},
		{"Follow-up: none, discharged from care on 3/4/24.", false},
		{"Follow-up: as needed.", false},
	} {
		if got := scheduledFollowUp(tt.text) != nil; got != tt.want {
			t.Errorf("%q: schedules a follow-up %v, want %v", tt.text, got, tt.want)
		}
	}
}
