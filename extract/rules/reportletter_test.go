package rules

import (
	"strings"
	"testing"
)

// TestReportLetterToReferrer: a consultant's report letter to the
// referring physician is dated the day it is written, after the visit;
// the visit is the day its first sentence gives ("I saw Ms. Roe in
// follow-up on ..."), even though "follow-up on" names a day to come in
// a note's plan. The inside address (the referring physician by name and
// credential, then the office) is where the letter goes: the provider is
// the letterhead's practice.
func TestReportLetterToReferrer(t *testing.T) {
	page := `Silver Lake Pain Center
Interventional Spine & Pain Medicine
400 Main St, Reno, NV 89501
Phone (775) 555-0147 Fax (775) 555-0188


March 14, 2024

Dana Smith, DO
Reno Bone & Joint Specialists
4764 Pioneer Way
Reno, NV 89501

Re:              Jane Roe
                 DOB: Jul 20, 1977
                 Date of Injury: Dec 6, 2023

Dear Dr. Smith:
I saw Ms. Roe in follow-up on Mar 4, 2024. Here is my report of the visit.
History: Reports about 60% relief of arm pain after the injection; neck pain persists; NPRS
         3/10.
Examination: Improved right C6 sensation. Cervical rotation 60 degrees bilaterally.
Impression:
  1. M50.120 Cervical disc disorder with radiculopathy, mid-cervical region
Recommendations: Continue gabapentin. Consider repeat injection if pain returns.

Sincerely,

Mary Major, DO
`
	for _, scan := range []bool{false, true} {
		res := extractText(t, page)
		if scan {
			res = extractOCR(t, page)
		}
		var got []string
		for _, e := range res.Encounters {
			got = append(got, e.Date.String()+" "+e.Provider)
		}
		if len(got) != 1 || !strings.HasPrefix(got[0], "2024-03-04 Silver Lake Pain") {
			t.Errorf("scan %v: encounters %q, want one on 2024-03-04 at Silver Lake Pain Center", scan, got)
		}
	}
}
