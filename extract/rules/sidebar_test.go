package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestSidebarDatesAreHistory: a consultation that prints, in a column on
// the right, the studies and care it reviewed keeps one visit on its own
// date. A date of that column standing beside a heading of the note
// ("PHYSICAL EXAM:") is an item of the column's list, not the exam's date;
// a heading's own date printed far to its right, alone or with its time,
// still dates a visit.
func TestSidebarDatesAreHistory(t *testing.T) {
	consult := `Lakeshore Orthopaedic Spine
ORTHOPAEDIC SPINE CONSULTATION
Patient: Dana Ruiz                                   DOB: 02/14/1981
Visit date: 05/21/2024                               Physician: Omar Haddad, MD
REASON FOR CONSULTATION:                                        RECORDS REVIEWED
Low back pain with left leg pain after a fall at work.          04/02/2024 CT lumbar spine,
HISTORY:                                                        Bayside Imaging
Slipped on a wet floor on 04/01/2024, landing on her left hip.  PRIOR TREATMENT
PHYSICAL EXAM:                                                  04/01/2024 urgent care, Elm Street Clinic
Straight leg raise positive on the left at 40 degrees.          chiropractic since 04/15/2024
ASSESSMENT:
  1. M51.16 Intervertebral disc disorders with radiculopathy, lumbar region
PLAN:
Epidural steroid injection; recheck in four weeks.
`
	res := extractText(t, consult)
	if len(res.Encounters) != 1 || res.Encounters[0].Date.String() != "2024-05-21" {
		for _, e := range res.Encounters {
			t.Logf("%s %q", e.Date, e.Citations[0].Quote)
		}
		t.Errorf("consultation with a column of prior care: %d encounters, want one on 2024-05-21", len(res.Encounters))
	}

	visits := `Lakeshore Orthopaedic Spine
Office visit                                                    05/21/2024 9:40 AM
Low back pain improving with therapy. Tender L4-L5.
Follow-up consultation                                          06/18/2024
Pain 2/10, full range of motion. Discharged from care.
`
	res = extractText(t, visits)
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String())
	}
	if len(got) != 2 || got[0] != "2024-05-21" || got[1] != "2024-06-18" {
		t.Errorf("visit headings dated far to their right: encounters %v, want 2024-05-21 and 2024-06-18", got)
	}
}

// TestSidebarVisitPerPage: a clinic's portal prints each visit's summary
// on a page of its own under the same letterhead, its date of service in
// a sidebar under its label, lower than the header block. The letterhead
// over another visit's date opens that visit's record: each visit is
// dated by its own sidebar, cites its own page only, and its signature's
// date or the kind of visit printed under "Visit type" is no visit.
func TestSidebarVisitPerPage(t *testing.T) {
	page := func(dos, kind, signed, complaint, dx string) string {
		return "Cedar Hollow Family Medicine                                 Visit Summary\n" +
			"PATIENT                                   Reason for visit\n" +
			"Name                                      " + complaint + "\n" +
			"ROE, DANA                                 History\n" +
			"Birth date                                Slipped on ice in her driveway and landed on her\n" +
			"04/11/1966 (58 y/o F)                     right hip; walking with a limp since.\n" +
			"Date of Service                           Examination\n" +
			dos + "                                Tender over the greater trochanter.\n" +
			"Clinician                                 Assessment\n" +
			"Priya Nandakumar, MD                        " + dx + "\n" +
			"Visit type\n" +
			kind + "                                  Plan\n" +
			"                                          Ice and rest; return if worse.\n" +
			"Signed by Priya Nandakumar, MD on " + signed + "\n"
	}
	res := extractText(t,
		page("01/16/2024", "Consultation", "01/17/2024", "Right hip pain after a fall.", "S70.01XA - Contusion of right hip, initial encounter"),
		page("02/20/2024", "Office visit", "02/21/2024", "Hip pain is better.", "S70.01XD - Contusion of right hip, subsequent encounter"))
	var got []string
	for _, e := range res.Encounters {
		pages := map[int]bool{}
		for _, c := range e.Citations {
			pages[c.Page] = true
		}
		got = append(got, fmt.Sprintf("%s %v", e.Date, len(pages)))
	}
	if want := "2024-01-16 1|2024-02-20 1"; strings.Join(got, "|") != want {
		t.Errorf("visits (date, pages cited) %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestCodeClosingDescription: a note that prints its diagnoses with their
// codes closes each with the code in parentheses, or opens it with the
// code; when the sidebar's headings run down the same lines ("ALLERGIES"
// beside the diagnosis), a code of three characters without a dot is
// still a diagnosis. A name in parentheses that the dose follows is no
// code.
func TestCodeClosingDescription(t *testing.T) {
	page := `Cedar Hollow Family Medicine
Date of Service: 03/04/2024
Assessment
  Blood pressure well controlled on current dose.
ALLERGIES                          Type 2 diabetes mellitus without complications (E11.9)
NKDA                               Essential (primary) hypertension (I10)
MEDICATIONS                        Cyanocobalamin (B12) 1000 mcg daily
VITALS                             R51 Headache
Plan
  Labs before the next visit.
`
	res := extractText(t, page)
	var got []string
	for _, e := range res.Encounters {
		for _, d := range e.Diagnoses {
			got = append(got, d.Code)
		}
	}
	if want := "E11.9 I10 R51"; strings.Join(got, " ") != want {
		t.Errorf("diagnoses %v, want %s", got, want)
	}
}

// TestProcedureCodesBesideTheAssessment: a two-column daily note prints
// each field's label on the left and its value on the right; the HCPCS
// code on its "CPT" line ("G0283", electrical stimulation) is a procedure
// billed, not the diagnosis G02.83, although the line stands right under
// the assessment. A diagnosis code without its point on a "Dx" line is
// still one.
func TestProcedureCodesBesideTheAssessment(t *testing.T) {
	note := `Align Physical Therapy
VESTIBULAR / BALANCE DAILY TREATMENT RECORD
Patient                            Jane Doe DOB 07/20/1977
DOS                                04/01/2024
Treatment Dx                       S06.0X0D, R42, H81.399
Subjective                         Dizziness with quick head turns.
Assessment                         Improving tolerance to visual motion. Continue plan.
CPT                                97110 x2, 97140 x1, G0283 x1
Dx                                 M5412
Therapist                          Conrad Costa, PTA
`
	res := extractText(t, note)
	if len(res.Encounters) != 1 {
		t.Fatalf("%d encounters, want 1", len(res.Encounters))
	}
	got := dxCodes(res.Encounters[0])
	if want := "S06.0X0D R42 H81.399 M54.12"; strings.Join(got, " ") != want {
		t.Errorf("diagnoses %v, want %s", got, want)
	}
}

// TestSidebarLabelOverOtherColumnHeading: OCR reads a visit summary's two
// columns block by block and sets the right column's heading between the
// sidebar's label and its value ("Encounter Date", "Review of Systems",
// "13-Jul-2023"): the date is still the one the label stands over, and
// the page's visit is found, not taken for a further page of the
// previous visit. (The lines over the date, on this layout, still close
// the previous visit's record.)
func TestSidebarLabelOverOtherColumnHeading(t *testing.T) {
	first := "Summit Sports Med                                        Progress Note\n" +
		"PATIENT                         Chief Complaint\n" +
		"Name                            Follow-up of neck and right shoulder pain.\n" +
		"VARGA, RAVI\n" +
		"DOB                             History of Present Illness\n" +
		"08-Sep-1969 (53 y/o F)          Patient returns for follow-up. Neck pain rated 6 out of 10.\n" +
		"ENCOUNTER\n" +
		"Encounter Date\n" +
		"07-Jun-2023                     Review of Systems\n" +
		"Provider                        Positive for neck pain and stiffness.\n" +
		"Anika Crane, DO\n" +
		"Visit type                      Physical Exam\n" +
		"Follow-up                       Spurling positive on the right.\n" +
		"                                Assessment\n" +
		"                                Radiculopathy, cervical region (M54.12)\n" +
		"Electronically signed by Anika Crane, DO on 09-Jun-2023 at 2:42 PM\n" +
		"Page 1 of 1\n"
	second := "Summit Sports Med                                        Progress Note\n\n" +
		"PATIENT                         Chief Complaint\n" +
		"Name\n\n" +
		"Follow-up of neck and right shoulder pain.\n\n" +
		"VARGA, RAVI\n" +
		"DOB                             History of Present Illness\n" +
		"08-Sep-1969 (53 y/o F)          Patient returns for follow-up. Neck pain rated 5 out of 10.\n" +
		"ENCOUNTER\n" +
		"Encounter Date\n\n" +
		"Review of Systems\n\n" +
		"13-Jul-2023\n\n" +
		"Positive for neck pain and stiffness.\n\n" +
		"Provider\n" +
		"Anika Crane, DO\n\n" +
		"Visit type                      Physical Exam\n" +
		"Follow-up                       Spurling positive on the right.\n" +
		"                                Assessment\n" +
		"                                Radiculopathy, cervical region (M54.12)\n" +
		"Electronically signed by Anika Crane, DO on 15-Jul-2023 at 2:20 PM\n" +
		"Page 1 of 1\n"
	res := extractOCR(t, first, second)
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String())
	}
	if want := "2023-06-07|2023-07-13"; strings.Join(got, "|") != want {
		t.Fatalf("visits %q, want %q", strings.Join(got, "|"), want)
	}
	for _, c := range res.Encounters[1].Citations {
		if c.Page != 2 {
			t.Errorf("the second visit cites page %d: %q", c.Page, c.Quote)
		}
	}
}
