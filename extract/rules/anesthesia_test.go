package rules

import (
	"strings"
	"testing"
)

// TestAnesthesiaGroupLetterhead: an anesthesia record is its anesthesia
// group's, named in its letterhead with no word of a facility's kind
// ("Lakeshore Anesthesia", "Bay Anesthesiology", "Summit Anesthesia
// Services"), beside the record's title; the facility it labels is where
// the procedure took place, another provider's.
func TestAnesthesiaGroupLetterhead(t *testing.T) {
	for _, name := range []string{"Lakeshore Anesthesia", "Bay Anesthesiology", "Summit Anesthesia Services"} {
		t.Run(name, func(t *testing.T) {
			page := name + "                                                  ANESTHESIA RECORD\n" +
				"BLACKWOOD, FRANKLIN DOB 05-20-1986 MRN 1848419 F                                  Page 1\n\n" +
				"Anesthesia date: 01-11-2024                        Facility: Keystone Spine & Pain Management - procedure suite\n" +
				"Procedure: Cervical interlaminar epidural steroid injection C6-7    Proceduralist: Phillip Petrov, DO\n" +
				"Physical status: ASA II                            Airway exam: Mallampati I\n" +
				"Pre-operative diagnosis:\n    Radiculopathy, cervical region (M54.12)\n" +
				"Anesthesia type:        Monitored anesthesia care (MAC)\n" +
				"In room 10:54 AM     Anes start 11:00 AM     Proc start 11:03 AM     Proc end 11:15 AM     Anes end 11:17 AM\n" +
				"Anesthesia time: 17 minutes\n\n" +
				"Anesthesiologist: Tamsin Strand, MD\n"
			res := extractText(t, page)
			if len(res.Encounters) != 1 {
				t.Fatalf("%d encounters, want 1: %s", len(res.Encounters), encounterDates(res))
			}
			if got := res.Encounters[0].Provider; got != name {
				t.Errorf("provider %q, want %q", got, name)
			}
		})
	}
}

// TestAnesthesiaGroupPALetterhead: a fax's OCR reads the "P.A." that ends
// a professional association's name as "PA." or "PA"; after the name of
// a practice it is still the name's end, no physician assistant's
// credential, so the letterhead still names the record's provider.
func TestAnesthesiaGroupPALetterhead(t *testing.T) {
	for _, name := range []string{"LAKESHORE ANESTHESIA ASSOCIATES, PA.", "LAKESHORE ANESTHESIA ASSOCIATES, PA"} {
		t.Run(name, func(t *testing.T) {
			page := name + "                                    ANESTHESIA RECORD\n\n" +
				"HALVORSEN, SHAUNA DOB 20-Jul-1977 MRN 7412292 M                                        Page 1\n" +
				"DOS: 14-Feb-2024                                        Facility: Keystone Spine & Pain Mgmt - procedure suite\n\n" +
				"Procedure: Cervical interlaminar epidural steroid injection C6-7    Surgeon: Rebecca Ballard, DO\n" +
				"Physical status: ASA II\nAnesthesia type:        Monitored anesthesia care (MAC)\n" +
				"Anesthesia time: 17 minutes\n\nAnesthesiologist: Tamsin Strand, MD\n"
			res := extractOCR(t, page)
			if len(res.Encounters) != 1 {
				t.Fatalf("%d encounters, want 1: %s", len(res.Encounters), encounterDates(res))
			}
			if got := res.Encounters[0].Provider; !strings.HasPrefix(got, "LAKESHORE ANESTHESIA ASSOCIATES") {
				t.Errorf("provider %q, want LAKESHORE ANESTHESIA ASSOCIATES", got)
			}
		})
	}
}
