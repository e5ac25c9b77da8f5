package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestTelephoneEncounter: a nurse's record of a patient's telephone call
// (the caller, the call-back number, the reason for the call, the triage
// and advice, the appointment booked) is no visit: the page records
// nothing. A telehealth visit done by audio records its visit.
func TestTelephoneEncounter(t *testing.T) {
	call := "Oak Valley Family Medicine                                     PHONE NOTE\n" +
		"DOE, JANE   DOB 01/02/1980   MRN 55512\n" +
		"Date of call: 03/04/2024 10:15 AM   Taken by: Mary Ames, RN\n" +
		"Caller: patient (self)   Call back number: (555) 555-0100\n" +
		"Reason for call: Low back pain worse since the accident, asking about ice or heat.\n" +
		"Triage: Denies numbness or weakness of the legs, fever, loss of bladder control.\n" +
		"Disposition: Home care advice given; keep the scheduled appointment.\n" +
		"Advice: Ice 20 minutes four times a day, medications as prescribed; call back if worse.\n" +
		"Appointment booked: 03/07/2024 with Dr. Hale\n" +
		"Telephone encounter - no charge.\n" +
		"Electronically signed by Mary Ames, RN on 03/04/2024\n"
	if got := Analyze(pagesOf(call)).Pages[0].Class; got != extract.PageOther {
		t.Errorf("telephone encounter: class %q, want %q", got, extract.PageOther)
	}
	tele := "Oak Valley Family Medicine\n210 Main St, Salem, OR 97301\nTELEHEALTH PROGRESS NOTE\n" +
		"Patient: Jane Doe   DOB: 01/02/1980\nDate of Service: 03/04/2024\n" +
		"Modality: Audio only (patient unable to connect to video); telephone call\n" +
		"Chief Complaint: Low back pain after a motor vehicle collision.\n" +
		"History of Present Illness: Pain 6/10, worse with sitting. Caller reports no numbness.\n" +
		"Assessment: Lumbar strain, improving.\n" +
		"Plan: Continue physical therapy; follow up in 2 weeks.\n"
	if got := Analyze(pagesOf(tele)).Pages[0].Class; got != extract.PageClinical {
		t.Errorf("audio-only telehealth visit: class %q, want %q", got, extract.PageClinical)
	}
}
