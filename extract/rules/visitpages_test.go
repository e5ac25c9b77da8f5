package rules

import "testing"

// TestVisitPagesOfOneLetterhead: two visits of one practice's visit
// summary, a page each, the same letterhead and title, scanned. The first
// page's encounter date OCR wiped ("erode"); the second's label OCR read
// with a letter more ("Enicounter Date"). The second page is its own
// visit, on its own date, not a further page of the first, which stays
// undated.
func TestVisitPagesOfOneLetterhead(t *testing.T) {
	page1 := `KEYSTONE PAIN MGMT  11-02-2023  17:25  #4010 ‘Pg 1/2

Keystone Spine & Pain Management                                        Office Visit Note
PATIENT                           Chief Complaint
VARGA, Ravi                        Neck pain radiating to the right arm.
DOB                               History of Present Illness          .
09/08/1969 (53 yio F)                   Referred by orthopedics for neck pain since a motor vehicle collision on
was                              05/06/2023; VAS 7. Failed.conservative care with therapy, NSAIDs and muscle
relaxants.
ENCOUNTER
Encounter Date                      Review of Systems
erode                           Positive for neck pain and stiffness. Denies chest pain or shortness of breath.
rovider
Lucia Venkataraman, MD               Physical Exam                                        "
Visit type                            Cervical extension and right rotation reproduce arm pain. Decreased right biceps
Consultation                        | reflex. Grip 4/5 on the right.                                        .
VITALS
BP/HR                             Assessment
122/73 74 bpm                        Cervical radiculopathy, C5-6 disc protrusion.
Pain                                  MSO0.120 - Cervical disc disorder with radiculopathy, mid-cervical region,
7/10                                 unspecified level
ALLERGIES                          M54.12 - Radiculopathy, cervical region
Penicillin (rash)
MEDICATIONS                      Plan

Lisinopril 10 mg daily; atorvastatin 20      Cervical interlaminar epidural steroid injection C6-7 under fluoroscopy.
mg daily; meloxicam 15 mg daily;         Gabapentin 300 mg at night.
gabapentin 300 mg TID

Next appt
07/19/2023

Orders and Referrals

IEMG/NCS report from the referring orthopedist has not been received; requested | again today.
Referred to pain psychology (cognitive behavioral therapy) for coping skills; appointment to be scheduled by patient.

‘Electronically signed by Lucia Venkataraman, MD on 06/28/2023 at 9:37 AM

Printed 10/30/2023 by mdelacroix                                        Page 1 of 1`
	page2 := `11-02-2023 17:25 FROM: Keystone Pain Mgmt (717) 555-0132 TO: (555) 555-0104 P.002/002

Keystone Spine & Pain Management                                        Office Visit Note

a                            Chief Complaint
Jame                                        .       .          te  pee   :
VARGA, RAVI                         Follow-up after cervical epidural steroid injection.
oot 1969 (53 vio F                    History of Present Illness
wR     (53   ylo F)                    Reports about 60% relief of arm pain after the injection; neck pain persists; pain
261915                               rated 3 out of 10.                                        .
ENCOUNTER                         Review of Systems
Enicounter Date                        Positive for neck pain and stiffness. Denies fever, chills or recent illness.
08/07/2023                                        -
Provider                              Physical Exam
Lucia Venkataraman; MD                Improved right C6 sensation. Cervical rotation 60 degrees bilaterally.
Visit type
Follow-up                             Assessment
VITALS                              Cervical radiculopathy, improving after ESI.
BP/HR                                M50.120 Cervical disc disorder with radiculopathy, mid- cervical region,
136/83 67 bpm’                          unspecified level
Pain
3/10                                  Plan
ALLERGIES                          Continue gabapentin. Consider repeat injection if pain returns.
Penicillin (rash)                        Electronically signed by Lucia Venkataraman, MD on 08/07/2023 at 12:07 PM
MEDICATIONS

Lisinoprit 10 mg daily; atorvastatin 20
mg daily; meloxicam 15 mg daily;

gabapentin 300 mg.TID

Last visit
07/19/2023

Printed 10/30/2023 by mdelacroix                                        Page 1 of 1`
	res := extractOCR(t, page1, page2)
	if got := encounterDates(res); got != "0000-00-00 2023-08-07" && got != " 2023-08-07" {
		t.Errorf("visits %q, want one undated and 2023-08-07", got)
	}
}
