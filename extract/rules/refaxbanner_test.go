package rules

import "testing"

// TestRefaxedBannerFragments: a record faxed on a second time carries a
// second banner printed over the first, and the text layer gives the two
// banners' words interleaved, a word or two a line ("FROM:BONE",
// "ANDLuke's", "8:33 AM TO:"). The fragments are the top of the copied
// record's page, not the end of the other practice's note on the page
// before: the postoperative visit cites only its own page, and the banner's
// "FROM:" field opens no section.
func TestRefaxedBannerFragments(t *testing.T) {
	pages := []string{`Lakeside Bone & Joint Spec.
Orthopaedic Surgery & Sports Medicine
346 Medical Plaza, Lancaster, PA 17601
Phone (717) 555-0105 Fax (717) 555-0168
Postoperative Follow-up
Patient: Jane Roe DOB Jul 20, 1977
Visit date: Mar 7, 2024
Provider: Ellen Crane, DO
SUBJECTIVE:
Doing well, using the sling. Pain rated 4 out of 10.
EXAM:
Portals clean, dry and intact. Sutures removed.
Dx:
Z47.89 - Encounter for other orthopedic aftercare
PLAN:
Begin physical therapy. Return to clinic in 6 weeks.
Ellen Crane, DO
`, `06-10-2024 10:19
LAKESIDE
FROM:BONE
Saint
ANDLuke's
JOINT Regional
SPECIALISTS
Hospital
06/10/2024
(319) 555-0103
8:33 AM TO:
#4060
(555)Pg555-0186
9/17   P.002/020
ST LUKES REGIONAL HOSPITAL                                 PT: ROE, JANE
EMERGENCY DEPARTMENT RECORD                                MRN: 62925121
DOB: 07/20/1977
REGISTRATION / TRIAGE
Arrival: 12/06/2023 1832                                   Mode of arrival: Ambulance
Attending: Rebecca Finnegan, MD                            ESI Level: 3
Chief Complaint: MVC - neck pain, back pain, headache
Pain Score: 8/10
Triage Note: Pt was a restrained driver struck on the driver's side at an intersection.
`}
	res := extractText(t, pages...)
	var found bool
	for _, e := range res.Encounters {
		if e.Date.String() != "2024-03-07" {
			continue
		}
		found = true
		for _, c := range e.Citations {
			if c.Page != 1 {
				t.Errorf("the postoperative visit cites page %d %q: the next page's banner is not its text", c.Page, c.Quote)
			}
		}
	}
	if !found {
		t.Errorf("no 2024-03-07 encounter: %s", encounterDates(res))
	}
}
