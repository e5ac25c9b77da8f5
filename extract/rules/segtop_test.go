package rules

import "testing"

// TestBrokenBannerJoinsItsRecord: fragments of overlapping fax banners at
// the top of a page (a date among them) belong to the record that begins
// on that page, not to the undated record of the page before.
func TestBrokenBannerJoinsItsRecord(t *testing.T) {
	p1 := "HARBORVIEW ORTHOPAEDIC SURGERY PC\n7391 Pioneer Way, Lancaster, PA 17601\n" +
		"                    PHYSICIAN'S STATEMENT\nPatient: DOE, JANE        DOB: 02.17.1973\n" +
		"INTERVAL HISTORY:\nPatient returns for follow-up. Therapy has helped somewhat. Continues to have neck pain.\n" +
		"PLAN:\nContinue therapy and home exercises; medications unchanged. Return in 4 weeks.\n"
	p2 := "PRAIRIE\nReceived:\nVALLEY4/14/25\nMC EMERGENCY\n8:29 AM;\nDEPT\nFrom:\n2025-04-07\n(717) 555-0187;\n09:17 Page\n" +
		"PRAIRIE VALLEY MEDICAL CENTER                           PT: DOE, JANE\n" +
		"EMERGENCY DEPARTMENT RECORD                             MRN: 5689669\n" +
		"Arrival: 09/28/2024 1451                                Mode of arrival: EMS\n" +
		"Chief Complaint: MVC - neck pain, back pain, headache\n" +
		"HPI: Restrained driver in a collision today, neck pain since.\n"
	res := extractText(t, p1, p2)
	for _, e := range res.Encounters {
		if e.Date.String() == "2025-04-07" {
			t.Errorf("the banner's date dated an encounter: %+v", e)
		}
	}
	found := false
	for _, e := range res.Encounters {
		found = found || e.Date.String() == "2024-09-28"
	}
	if !found {
		t.Errorf("no encounter of 2024-09-28: %+v", res.Encounters)
	}
}
