package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestAttendanceDischargeLetter: a clinic's letter discharging the
// patient for missed appointments (an attendance policy) lists the
// appointments missed and names the evaluation and last visit in its
// running text: it records no visit, whatever clinical words it uses.
func TestAttendanceDischargeLetter(t *testing.T) {
	letter := "Lakeside Physical Therapy\n410 Elm St, Dayton, OH 45402\nPhone (937) 555-0100\n\n" +
		"March 3, 2024\n\nJohn Roe\n12 Pine Rd\nDayton, OH 45403\n\n" +
		"RE: Notice of discharge for non-attendance\nDOB: 02/03/1985\n" +
		"Dear Mr. Roe:\n" +
		"You were evaluated at our clinic on January 4, 2024 for low back pain after a motor vehicle collision, and your\n" +
		"therapy plan called for visits twice a week. Your last visit was on February 12, 2024. Since then you have missed\n" +
		"the following appointments:\n" +
		"    02/15/2024        9:00 AM        No show\n" +
		"    02/19/2024        9:00 AM        Late cancellation\n" +
		"Under our attendance policy we have discharged you from therapy and cancelled your remaining appointments.\n" +
		"Please contact your physician about your continued treatment.\n\nSincerely,\n\nAmy Lowe, PT, DPT\n"
	if got := Analyze(pagesOf(letter)).Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("attendance discharge letter: class %q, want %q", got, extract.PageAdmin)
	}
}
