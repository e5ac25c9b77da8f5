package rules

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract/layout"
)

// TestStateInjuryReportForm: a state's numbered-box form of a physician's
// first report of a work injury prints the state's agency over the form's
// name, then the practice (its name and street address on one line), then
// boxes of dates: the injury's, the last day worked, the date and hour of
// the examination, and the doctor's signature date at the foot. The visit
// is the examination's date, at the practice, an office visit (its box
// of the results it reviewed makes no laboratory report); the agency that
// publishes the form is no provider, and the signature date is the
// report's making.
func TestStateInjuryReportForm(t *testing.T) {
	form := func(agency, practice, exam string) string {
		return agency + "\n" +
			"            EMPLOYER'S AND PHYSICIAN'S REPORT OF WORK INJURY\n" +
			"            " + practice + "\n\n" +
			"1. CARRIER Lakeland Casualty Co.\n2. EMPLOYER Northside Freight Inc.\n3. PATIENT NAME Jane Doe\n" +
			"4. Date of Birth 02/02/1980\n" +
			"8. Date and time of injury 03/02/2024 07:40\n" +
			"9. Last day worked 03/02/2024\n" +
			"10. " + exam + " 03/05/2024 10:15\n" +
			"11. HISTORY OF THE INJURY.\nLifting a pallet at the dock she felt a pull in the low back.\n" +
			"12. SUBJECTIVE COMPLAINTS.\nLow back pain 6/10 without leg symptoms.\n" +
			"13. OBJECTIVE FINDINGS.\nLumbar paraspinal spasm, straight leg raise negative.\n" +
			"B. X-ray and laboratory results.\nNone taken at this visit.\n" +
			"14. DIAGNOSIS\n   Strain of muscle, fascia and tendon of lower back, initial encounter (S39.012A)\n" +
			"15. TREATMENT RENDERED\nNaproxen 500 mg twice a day, ice.\n\n" +
			"Physician's signature: Alan Reyes, MD   Date: 03/07/2024   License No. A12345\n"
	}
	tests := []struct {
		name, agency, practice, exam string
	}{
		{"state agency, practice and address on one line", "STATE OF OHIO - BUREAU OF WORKERS' COMPENSATION",
			"Lakeshore Occupational Medicine 410 Harbor Ave, Toledo, OH 43604", "Date and hour of first examination or treatment"},
		{"commission over the form, practice in capitals", "INDUSTRIAL COMMISSION OF THE STATE",
			"LAKESHORE OCCUPATIONAL MEDICINE 410 Harbor Ave, Toledo, OH 43604", "Date and time of examination"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractText(t, form(tt.agency, tt.practice, tt.exam))
			if len(res.Encounters) != 1 {
				for _, e := range res.Encounters {
					t.Logf("%s %q", e.Date, e.Provider)
				}
				t.Fatalf("got %d encounters, want 1", len(res.Encounters))
			}
			e := res.Encounters[0]
			if e.Date.String() != "2024-03-05" {
				t.Errorf("date %s, want 2024-03-05 (the examination)", e.Date)
			}
			if !layout.SameProvider(e.Provider, "Lakeshore Occupational Medicine") {
				t.Errorf("provider %q, want Lakeshore Occupational Medicine", e.Provider)
			}
			if e.VisitType != "office visit" {
				t.Errorf("visit type %q, want office visit", e.VisitType)
			}
		})
	}
}

// TestReadingGroupReport: a teleradiology group's final report prints its
// own letterhead and, in a "Facility:" label, the client hospital where
// the study was done. The report is the reading group's record, also
// when it follows the hospital's emergency note of the same day; a note
// whose location label names the clinic under a health system's
// letterhead is still the clinic's.
func TestReadingGroupReport(t *testing.T) {
	ed := "Mercy General Hospital\nEMERGENCY DEPARTMENT NOTE\nDate of service: 04/02/2024\n" +
		"CHIEF COMPLAINT: Neck pain after a rear-end collision.\nASSESSMENT: Cervical strain (S16.1XXA).\n" +
		"PLAN: Ibuprofen, follow up with primary care.\n"
	report := "Northstar Teleradiology Partners\n880 Commerce Dr, Plano, TX 75093\nPhone (972) 555-0190\n\n" +
		"Facility: MERCY GENERAL HOSPITAL                                      FINAL REPORT\n" +
		"Patient: DOE, JANE                                 DOB: 02/02/1980\n" +
		"Exam: CT CERVICAL SPINE WITHOUT CONTRAST           Exam date: 04/02/2024\n" +
		"Reading radiologist: Omar Haddad, MD               Signed: 04/02/2024 23:10\n\n" +
		"FINDINGS:\nNo fracture or malalignment.\nIMPRESSION:\nNo acute cervical spine injury.\n"
	clinic := "Lakeview Health System\n12 Main St, Duluth, MN 55802\nLocation: Elm Street Family Clinic\n" +
		"OFFICE VISIT\nDate of service: 04/09/2024\nSUBJECTIVE: Neck pain improving.\nASSESSMENT: Cervical strain.\nPLAN: Therapy.\n"
	res := extractText(t, ed, report, clinic)
	want := []string{"2024-04-02 Mercy General Hospital", "2024-04-02 Northstar Teleradiology Partners", "2024-04-09 Elm Street Family Clinic"}
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String()+" "+e.Provider)
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("encounters %q, want %q", got, want)
	}
	// Through a fax and OCR, the label on a line of its own behind a
	// speck is still the study's place, no letterhead of its own.
	scan := strings.Replace(report, "Facility: MERCY GENERAL HOSPITAL                                      FINAL REPORT\n",
		"FINAL REPORT\n\n_ Facility: Mercy General Hospital\n\n", 1)
	got = nil
	for _, e := range extractOCR(t, ed, scan).Encounters {
		got = append(got, e.Date.String()+" "+e.Provider)
	}
	if strings.Join(got, "|") != strings.Join(want[:2], "|") {
		t.Errorf("scanned: encounters %q, want %q", got, want[:2])
	}
}
