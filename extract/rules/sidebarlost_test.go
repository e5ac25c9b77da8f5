package rules

import (
	"testing"
)

// TestSidebarVisitDateWiped: a scanned visit summary prints its
// encounter's fields in a sidebar, each label over its value. OCR wiped
// the value under "Visit Date" to a fragment of letters ("outa"): the
// note's other dates (the accident's in its history, the signature's) are
// no date of service, and the visit is kept undated, to be dated by a
// reviewer, never misdated.
func TestSidebarVisitDateWiped(t *testing.T) {
	page := `Westbrook Family & Internal Medicine                                 /     .               Progress Note
PATIENT                           Chief Complaint
MALVORSEN, SHAUNA                Neck pain and headaches after a car accident.
DOB                             - | History of Present Illness
20- Jut- 1977 (46 ylo M)                 Patient was a restrained driver struck on the driver's side at an intersection on
me                              12-06-2023 and was seen in the emergency department the same day. Since
"| then he reports neck pain radiating to the right shoulder, headaches and poor
ENCOUNTER                        sleep; pain rated 7 out of 10.
Visit Date                                        7
outa                         Review of Systems
rovider        .                        ith               i    "1    |            j            j
Anika Mensah, FNP-C                 Positive for neck pain and stiffness. Denies chest pain or shortness of breath.
Visit type                            Physical Exam
Office visit,                           Paraspinal tenderness C3-C7 with spasm, rotation limited 50% to the right.
VITALS                             Strength 5/5, reflexes symmetric. Neuro intact. |              .
Pain                                Cervical strain after motor vehicle collision; post-traumatic headache.
7/10                                  Sprain of ligaments of cervical spine, subsequent encounter (S13.4XXD)
ALLERGIES                    :      Cervicalgia (M54.2)          .     .
Penicillin (rash)               :           Post-traumatic headache, unspecified, not intractable (G44.309)
Last visit                                        :
22-Aug-2023
Orders and Referrals
Referral placed for physical therapy / chiropractic care, 2-3 times a week.

Electronically signed by Anika Mensah, FNP-C on 13-Dec-2023 at 12:56 PM

Printed 05/27/2024 by epetrov                          ‘                                        .              Page 1 of 1
`
	res := extractOCR(t, page)
	for _, e := range res.Encounters {
		if !e.Date.IsZero() {
			t.Errorf("visit dated %s, want it undated: its visit date was wiped", e.Date)
		}
	}
	if len(res.Encounters) != 1 {
		t.Errorf("%d encounters, want the one visit, undated", len(res.Encounters))
	}
}

// TestSidebarVisitDateUnderCaption: in a scanned visit summary's
// sidebar, OCR set the other column's section heading ("Review of
// Systems") between the "Visit Date" label and its value: the value is
// still the visit's date, not the day the note was signed.
func TestSidebarVisitDateUnderCaption(t *testing.T) {
	page := `LAKESIDE BONE AND JOINT SPECIALISTS  06/03/2024  15:15  #4005  Pg 2/2

Lakeside Bone & Joint Specialists                                        Visit Summary

PATIENT                          Chief Complaint
Name
HALVORSEN, SHAUNA               Follow-up of neck and right shoulder pain.
DOB                              History of Present Illness
20-Jul-1977 (46 y/o M)                Patient returns for follow-up. Therapy has helped somewhat. Continues to

MRN

have neck pain with right arm paresthesias; NPRS 4/10. MRI of the cervical

1506042

spine was reviewed with the patient.

ENCOUNTER
Visit Date

Review of Systems
05-Feb-2024                        Positive for neck pain and stiffness. Negative for bowel or bladder changes;
Provider
Anika Winslow, MD                  |denies saddle anesthesia.
Visit type

Physical Exam

Follow-up

Spurling positive on the right. Right shoulder painful arc 70-120 degrees;

VITALS

strength 4+/5 in abduction.                                        :

BP/HR
136/74 69 bpm

Assessment

Pain

C5-6 disc protrusion with right C6 radiculopathy. Right shoulder impingement,

4/10

partial-thickness rotator cuff tear suspected.

ALLERGIES
Penicillin (rash)                        M50.120 Cervical disc disorder with radiculopathy, mid-cervical-region,
unspecified level                          .

MEDICATIONS
Lisinopril 10 mg daily; atorvastatin 20        M25.511 Pain in right shoulder
mg daily; meloxicam 15 mg daily;
gabapentin 300 mg TID                Plan
Last visit                           Right subacromial injection performed today after consent (triamcinolone 40
04-Jan-2024                        mg with lidocaine). Continue therapy.

Orders and Referrals

Return to clinic in 6 weeks for re- evaluation.

Electronically signed by Anika Winslow, MD on 07-Feb-2024 at 12:59 PM

Page I of 1-

Printed 06/01/2024 by eokonkwo

LBJS 000101`
	res := extractOCR(t, page)
	if got := encounterDates(res); got != "2024-02-05" {
		t.Errorf("visits %q, want 2024-02-05 (the sidebar's visit date)", got)
	}
}
