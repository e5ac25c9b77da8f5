package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestRecordsReviewOneEncounter: a physician's records review for an
// insurer (a peer review, no examination) prints its title beside the
// letterhead ("PHYSICIAN RECORDS REVIEW"), the letter's date, the review
// date in its Re: block, then the records it read grouped by provider,
// one dated line a visit, over its first page and the top of the next,
// before its summary, diagnoses and signature; a line that wraps may put
// the end of its clinician's credentials atop the second page. The title names the
// record, no list of records: the review is one encounter of the
// reviewer on the date of its report, and none of the visits it lists is
// an encounter.
func TestRecordsReviewOneEncounter(t *testing.T) {
	visits := func(from, n int) string {
		s := " Harbor Physical Therapy\n"
		for i := 0; i < n; i++ {
			s += fmt.Sprintf("    %02d-Jun-2023 - physical therapy visit %d; pain %d/10. (Kim Cole, PT)\n", from+i, from+i, 7-i%4)
		}
		return s
	}
	for _, title := range []string{"PHYSICIAN RECORDS REVIEW", "MEDICAL RECORDS REVIEW - NO EXAMINATION", "Peer Review Report"} {
		t.Run(title, func(t *testing.T) {
			first := "Received: 2023-10-26 13:04; From: (814) 555-0151; Page 1 of 2\n" +
				"                    Castle Review Physicians\n                    100 Main St, Erie, PA 16501\n" +
				"                                                         " + title + "\n" +
				"Oct 16, 2023\nMs. Ann Roe, Claims Specialist\nGreat Plains Casualty, Bodily Injury Claims\n" +
				"RE:                   Claimant: Jane Doe   DOB: 02-Jan-1980\n" +
				"                      Date of loss: 06-May-2023\n                      Review date: 16-Oct-2023\n\n" +
				"At your request I reviewed the medical records of Ms. Doe listed below. I did not examine the claimant.\n" +
				"LIST OF RECORDS PROVIDED FOR REVIEW:\n" + visits(1, 14)
			second := "Received: 2023-10-26 13:04; From: (814) 555-0151; Page 2 of 2\n" +
				title + " - Jane Doe - continued\n" +
				"    14-Jun-2023 - speech-language pathology session 3; attention and memory tasks. (Elliot Albright,\n    MA, CCC-SLP)\n" +
				visits(15, 6) +
				"SUMMARY:\nThe claimant was treated with conservative care and improved.\n" +
				"DIAGNOSES:\n  1. Cervicalgia (M54.2)\n\nAnn Lee, MD, Reviewing Physician   Signed 16-Oct-2023\n"
			res := extractText(t, first, second)
			if len(res.Encounters) != 1 {
				t.Fatalf("%d encounters, want 1: %s", len(res.Encounters), encounterDates(res))
			}
			if e := res.Encounters[0]; e.Date.String() != "2023-10-16" || e.Provider != "Castle Review Physicians" {
				t.Errorf("encounter %s at %q, want 2023-10-16 at Castle Review Physicians", e.Date, e.Provider)
			}
			if got := strings.Join(dxCodes(res.Encounters[0]), " "); got != "M54.2" {
				t.Errorf("diagnoses %q, want the second page's M54.2", got)
			}
		})
	}
}
