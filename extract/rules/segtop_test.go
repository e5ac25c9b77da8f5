package rules

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

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

// TestUndatedRecordThenDatedPage: a practice prints its letterhead over
// each record. A progress report that prints no date of service (its
// report and signature dates only), then a page under the same letterhead
// that labels one, are two records: a further page of the report would
// print its date again or none.
func TestUndatedRecordThenDatedPage(t *testing.T) {
	head := "Evergreen Rehabilitation Services\n4817 Hospital Dr, Lexington, KY 40503\nPhone (859) 555-0127 Fax (859) 555-0110\n\n"
	p1 := head + "                    RE-EVALUATION - PLAN OF CARE UPDATE\n" +
		"Patient: DOE, JANE                          DOB: 09/08/1969\n" +
		"Progress report date: 06/16/2023            Clinician: Ann Berg, PTA\n" +
		"SUBJECTIVE:\nPatient reports steady improvement since the initial evaluation. Current pain 3/10.\n" +
		"ASSESSMENT:\n  1. M54.2 Cervicalgia\n" +
		"PLAN:\nContinue skilled care 2x/week for 4 weeks with progression of the home program.\n\n" +
		"Ann Berg, PTA Signed 06/16/2023\n"
	p2 := head + "Concussion & Vestibular Therapy Treatment Note                        DOE, JANE pg 1\n\n" +
		"Patient                            Jane Doe DOB 09/08/1969\n" +
		"Date of Service                    31-Aug-2023\n" +
		"Subjective                         Less motion sensitivity since last visit.\n" +
		"Pain (NPRS)                        3/10\n" +
		"Assessment                         Improving tolerance to visual motion. Continue plan.\n" +
		"Therapist                          Elliot Albright, PTA\n"
	res := extractText(t, p1, p2)
	got := map[string][]int{}
	for _, e := range res.Encounters {
		got[e.Date.String()] = append(got[e.Date.String()], e.Citations[0].Page)
	}
	if len(got["2023-06-16"]) != 1 || got["2023-06-16"][0] != 1 || len(got["2023-08-31"]) != 1 || got["2023-08-31"][0] != 2 {
		t.Errorf("encounters by date and first page %v, want 2023-06-16 on page 1 and 2023-08-31 on page 2", got)
	}
}

// TestBrokenLetterheadJoinsItsRecord: a scanned letterhead OCR broke with
// a bar ("Lakeside Bone |   & Joint Spec."), over the practice's address
// and phone, belongs to the record whose title follows on its page, not to
// the record of the page before (which would cite that page).
func TestBrokenLetterheadJoinsItsRecord(t *testing.T) {
	p1 := "LAKESIDE BONE & JOINT SPECIALISTS\nORTHOPAEDIC FOLLOW-UP EVALUATION\nPATIENT: DOE, JANE\nExam date: February 9, 2024\n" +
		"HISTORY OF PRESENT ILLNESS: Patient returns for follow-up. Therapy has helped somewhat.\nPLAN: Continue therapy.\n"
	p2 := "LAKESIDE BONE .AND JOINT SPECIALISTS, 06/10/2024 5:07 PM . #4046 Pg 5/14\n\n" +
		"Lakeside Bone |        & Joint Spec.\n346 Medical Plaza, Lancaster, PA 17601  -\n- Phone (717) 555-0105 Fax (717) 555-0168\n\n" +
		"OPERATIVE REPORT\n\nPatient Name: Jane Doe                   Date of Birth: 1977-07-20\n" +
		"Date of Surgery: 02-22-2024\nProcedure: right shoulder arthroscopy.\nFindings: partial tear repaired.\n"
	res := extractOCR(t, p1, p2)
	for _, e := range res.Encounters {
		if e.Date.String() != "2024-02-09" {
			continue
		}
		for _, c := range e.Citations {
			if c.Page == 2 {
				t.Errorf("the visit of 2024-02-09 cites page 2: %q", c.Quote)
			}
		}
	}
}

// TestRefaxedPageOfAnotherProvider: a copy of another provider's record
// faxed on inside a practice's packet carries two banners printed over
// each other, set as a staircase of fragments that opens with one scrap
// of date and time. The page is that provider's record: the practice's
// visit on the page before cites none of it, and the copy is dated,
// named and typed by its own header.
func TestRefaxedPageOfAnotherProvider(t *testing.T) {
	p1 := "2024-05-02 09:41 FROM: RIVERBEND SPINE CENTER (614) 555-0131 TO: (614) 555-0199 P.004/011\n" +
		"Riverbend Spine Center\nSpine Surgery & Rehabilitation\n88 Hospital Rd, Dayton, OH 45402\nPhone (614) 555-0130 Fax (614) 555-0131\n" +
		"POST-OPERATIVE VISIT\nPatient: Jane Doe DOB 02.03.1981\nDate of visit: 04.11.2024\nProvider: Mara Quill, MD\n" +
		"Subjective\n  Doing well after surgery. Pain: 3/10.\nExam\n  Incision clean and dry.\n" +
		"Plan\n  Begin physical therapy. Return in 6 weeks.\n\nMara Quill, MD\n"
	p2 := "                    5/2/24 9:44\n                             RIVERBEND\n" +
		"                                 AM FROM:\n                                      SPINE Mercy\n" +
		"                                            CENTERNorth\n                                                 Cnty ED (614)\n" +
		"                                                         2024-05-02\n                                                             555-014209:41\n" +
		"                                                                  TO: (614)\n                                                                      Pg 5/11P.002/006\n\n" +
		"MERCY NORTH COUNTY HOSPITAL                                     PT: DOE, JANE\n" +
		"EMERGENCY DEPARTMENT RECORD                                     MRN: 5689669\n" +
		"Arrival: 01-Feb-2024 1451                                Mode of arrival: EMS\n" +
		"Chief Complaint: MVC - neck pain, back pain\n" +
		"Triage Note: Restrained driver in a collision today, neck pain since. Pain Score: 7/10\n"
	res := extractText(t, p1, p2)
	var ed *extract.Encounter
	for i, e := range res.Encounters {
		switch e.Date.String() {
		case "2024-04-11":
			for _, c := range e.Citations {
				if c.Page == 2 {
					t.Errorf("the visit of 2024-04-11 cites page 2: %q", c.Quote)
				}
			}
		case "2024-02-01":
			ed = &res.Encounters[i]
		}
	}
	if ed == nil {
		t.Fatalf("no encounter of 2024-02-01: %+v", res.Encounters)
	}
	if !strings.Contains(strings.ToUpper(ed.Provider), "MERCY NORTH") || ed.VisitType != "emergency visit" {
		t.Errorf("the copied record: provider %q, visit %q; want the hospital's emergency visit", ed.Provider, ed.VisitType)
	}
}
