package rules

import (
	"strings"
	"testing"
)

// TestLabReportDatedByCollection: a laboratory report is dated by the
// specimen's collection (the patient was there then), not by the dates it
// was received or reported, and it is the laboratory's record, not the
// client practice's that ordered it. Two reports on two pages are two
// encounters.
func TestLabReportDatedByCollection(t *testing.T) {
	report := func(collected, received, reported, client string) string {
		return "Fax 06/02/2024 09:14 FROM: Alder Lab Services (775) 555-0100 TO: (775) 555-0199 P.001/002\n\n" +
			"Alder Valley Reference Laboratory                                          FINAL REPORT\n" +
			"40 Mill Rd, Reno, NV 89501                          Client services (775) 555-0101\n\n" +
			"Patient: DOE, JANE                                    Specimen ID: QZ18811\n" +
			"DOB: 02/03/1981   Age: 43   Sex: F                    Account: 55120\n" +
			"Ordering physician: Ann Berg, MD                      Client: " + client + "\n" +
			collected + "                " + received + "\n" +
			reported + "                      Fasting: Y\n\n" +
			"Test                                 Result      Flag     Reference range     Units\n" +
			"Glucose                              88                   70-99               mg/dL\n" +
			"Creatinine                           0.8                  0.57-1.00           mg/dL\n"
	}
	tests := []struct {
		name  string
		pages []string
		want  []string
	}{
		{"labels before", []string{
			report("Collection Date: 21-Aug-2023 10:28", "Received Date: 22-Aug-2023 04:20", "Report Date: 23-Aug-2023 16:54", "ALDER FAMILY MEDICINE"),
			report("Collection Date: 22-Jan-2024 07:35", "Received Date: 22-Jan-2024 17:24", "Report Date: 24-Jan-2024 07:08", "Reno Spine & Pain Center"),
		}, []string{"2023-08-21", "2024-01-22"}},
		{"labels without colons", []string{
			report("Date Collected 1/10/23 10:05", "Date Received 1/11/23 00:01", "Date Reported 1/12/23 14:12", "ALDER FAMILY MEDICINE"),
			report("Date Collected 6/28/23 09:58", "Date Received 6/29/23 00:42", "Date Reported 7/1/23 08:13", "Reno Spine & Pain Center"),
		}, []string{"2023-01-10", "2023-06-28"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extractText(t, tc.pages...)
			var got []string
			for _, e := range res.Encounters {
				got = append(got, e.Date.String())
				if e.Provider != "Alder Valley Reference Laboratory" {
					t.Errorf("%s: provider %q, want the laboratory", e.Date, e.Provider)
				}
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("dates %v, want %v", got, tc.want)
			}
		})
	}
}

// TestPortalVisitSummaries: a patient portal's visit summaries printed from
// a browser are dated by their visit, not by the browser's print stamp or
// the fax banner printed over it, and belong to the location they name
// without its town.
func TestPortalVisitSummaries(t *testing.T) {
	page := func(stamp, visit string) string {
		return stamp + "        03/27/2025 9:28 AM FROM: Alder Int Med (775) 555-0170 TO: (775) 555-0104\n" +
			"                                                   Alder Portal - Visit Summary\n\n" +
			"      Office Visit - Internal Medicine\n" +
			"      Visit Date: " + visit + "\n" +
			"      Provider: Ann Berg, PA-C\n" +
			"      Location: Alder Int Med Assoc, Reno, NV 89501\n" +
			"      Reason for Visit\n      Neck pain after a car accident.\n" +
			"      Diagnoses\n        Cervicalgia [M54.2]\n" +
			"https://portal.alder.example/visits/summary?csn=8864\n"
	}
	res := extractText(t, page("3/16/25, 3:35 PM", "May 23, 2024 9:13 AM"), page("3/16/25, 3:36 PM", "Oct 2, 2024 5:14 PM"))
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String())
		if e.Provider != "Alder Int Med Assoc" {
			t.Errorf("%s: provider %q", e.Date, e.Provider)
		}
	}
	if want := "2024-05-23,2024-10-02"; strings.Join(got, ",") != want {
		t.Errorf("visits %v, want %s", got, want)
	}
}

// TestAmbulanceRunReport: an ambulance run report whose header prints the
// incident number and the run's "Date:" on one line is dated by it (the
// incident is the run, not an injury date), and belongs to the fire and
// rescue service of its letterhead.
func TestAmbulanceRunReport(t *testing.T) {
	page := "Alder County Fire & Rescue ALS                                       PATIENT CARE REPORT\n" +
		"Incident #: 2024-11873 Unit: Medic 4 Date: 03/02/2024\n" +
		"CREW\nAnn Berg, NRP (lead)  Carl Dunn, EMT (driver)\n" +
		"PATIENT\nName: DOE, JANE                        DOB: 02/03/1981           Age: 43\n" +
		"Dispatch reason: Motor vehicle crash\n" +
		"ASSESSMENT\nChief complaint: Neck pain after motor vehicle collision\n" +
		"NARRATIVE\nPt c/o neck pain, 8/10. C-collar applied. Transported to Alder Regional Hospital without change.\n"
	res := extractText(t, page)
	if len(res.Encounters) != 1 {
		t.Fatalf("%d encounters, want 1", len(res.Encounters))
	}
	e := res.Encounters[0]
	if e.Date.String() != "2024-03-02" || e.Provider != "Alder County Fire & Rescue ALS" {
		t.Errorf("encounter %s %q, want 2024-03-02 at the fire and rescue service", e.Date, e.Provider)
	}
}

// TestWorkCapacityEvaluation: a functional capacity evaluation is tested
// over one or two days and reported once. Each testing day the label
// lists ("Evaluation date(s): A and B") is a day the patient was seen;
// the centre that tested is the provider, its name holding a word of
// the kind of paper it writes ("Assessment Center"), also when the report
// is filed right after another practice's note; and the evaluator, not
// the physician who referred the patient, is the clinician.
func TestWorkCapacityEvaluation(t *testing.T) {
	before := "Lakeside Spine & Pain Mgmt\nOFFICE VISIT NOTE\nDate of Service: 02/12/2024\nAssessment: lumbar strain.\n" +
		"Plan: functional capacity evaluation before return to work.\n"
	report := "                      Harbor Work Assessment Center\n" +
		"                      88 Quay Rd, Erie, PA 16501   Phone (814) 555-0190\n\n" +
		"               WORK CAPACITY TESTING - FINAL REPORT\n" +
		"Client: DOE, JANE                                     DOB: 02/03/1981\n" +
		"Referred by: Ann Lee, MD                              Order date: 02/12/2024\n" +
		"Evaluation date(s): 03/04/2024 and 03/05/2024         Evaluator: Tom Berg, MS, OTR/L\n" +
		"Report date: 03/11/2024\n" +
		"RESULTS:\nLifts 25 lb occasionally from floor to waist; sits 40 minutes at a time.\n" +
		"DIAGNOSES:\n  1. Strain of muscle of lower back, subsequent encounter (S39.012D)\n" +
		"RECOMMENDATIONS:\nReturn to work at the light physical demand level.\n"
	res := extractText(t, before, report)
	var got []string
	for _, e := range res.Encounters {
		if e.Citations[0].Page != 2 {
			continue
		}
		got = append(got, e.Date.String())
		if e.Provider != "Harbor Work Assessment Center" || e.Clinician != "Tom Berg, MS, OTR/L" {
			t.Errorf("%s: provider %q, clinician %q", e.Date, e.Provider, e.Clinician)
		}
	}
	if strings.Join(got, " ") != "2024-03-04 2024-03-05" {
		t.Errorf("testing days %v, want 2024-03-04 2024-03-05", got)
	}
}

// TestWorkCapacityIsNoTherapy: a rehabilitation centre's name says
// therapy, but its functional capacity evaluation tests the patient for
// work and treats nothing: the visit is the evaluation, and the centre is
// no physical therapy practice for it (a referral to therapy stays
// unanswered by it).
func TestWorkCapacityIsNoTherapy(t *testing.T) {
	for _, title := range []string{"FUNCTIONAL CAPACITY EVALUATION", "Physical Work Performance Evaluation", "WORK CAPACITY TESTING REPORT"} {
		report := "Eastgate Industrial Rehab\n400 Mill St, Erie, PA 16501\n" + title + "\n" +
			"Client: DOE, JANE                                     DOB: 02/03/1981\n" +
			"Test dates: 03/04/2024                                Evaluator: Tom Berg, PT, DPT\n" +
			"RESULTS:\nLifts 25 lb occasionally from floor to waist; sits 40 minutes at a time.\n" +
			"RECOMMENDATIONS:\nReturn to work at the light physical demand level.\n"
		res := extractText(t, report)
		if len(res.Encounters) != 1 {
			t.Fatalf("%s: %d encounters, want 1", title, len(res.Encounters))
		}
		e := res.Encounters[0]
		if e.VisitType != "functional capacity evaluation" || e.ProviderKind == "physical_therapy" {
			t.Errorf("%s: visit type %q, provider kind %q", title, e.VisitType, e.ProviderKind)
		}
	}
}

// TestSpineSurgeryConsultation: a neurosurgeon's consultation reviews the
// patient's imaging and orders more, under an "IMAGING:" heading of its
// own, yet it is a consultation, and a "Brain and Spine" surgical practice
// is neurosurgery, not orthopaedics (a referral to neurosurgery is
// answered by it).
func TestSpineSurgeryConsultation(t *testing.T) {
	for _, name := range []string{"Harbor Brain and Spine Associates", "Westfield Neurosurgical Group", "Cedar Brain & Spine Center"} {
		note := name + "\nCranial, Spine and Peripheral Nerve Surgery\n12 Elm St, Erie, PA 16501\n\n" +
			"NEUROSURGICAL CONSULTATION\n" +
			"Patient: DOE, JANE                      DOB: 02/03/1981\n" +
			"Date of consultation: 04/02/2024        Surgeon: Omar Reyes, MD\n" +
			"HISTORY:\nNeck pain radiating to the left hand since a collision on 02/10/2024.\n" +
			"IMAGING:\nMRI images reviewed: C6-7 disc protrusion contacting the left C7 root.\n" +
			"IMPRESSION:\n  1. M50.122 - Cervical disc disorder at C6-C7 level with radiculopathy\n" +
			"PLAN:\nNo surgical indication today. Ordered CT myelogram of the cervical spine.\n"
		res := extractText(t, note)
		if len(res.Encounters) != 1 {
			t.Fatalf("%s: %d encounters, want 1", name, len(res.Encounters))
		}
		e := res.Encounters[0]
		if e.VisitType != "consultation" || e.ProviderKind != "neurosurgery" {
			t.Errorf("%s: visit type %q, provider kind %q; want consultation, neurosurgery", name, e.VisitType, e.ProviderKind)
		}
	}
}

// TestPracticePhone: the telephone number a note's letterhead prints is
// the practice's; a fax number, the fax banner's sender and the
// employer's or patient's number are not.
func TestPracticePhone(t *testing.T) {
	tests := []struct{ head, want string }{
		{"Lakeside Ortho - Sports Med\n6835 Market St, Brookfield, WI 53045\nPhone (262) 555-0151 Fax (262) 555-0138\n", "2625550151"},
		{"Lakeside Ortho\n6835 Market St, Brookfield, WI 53045\nTel: 262.555.0151 | Fax: 262.555.0138\n", "2625550151"},
		{"Received: 04-02-2025 7:51 AM; From: (262) 555-0138; Page 2 of 14\nLakeside Ortho\n6835 Market St, Brookfield, WI 53045\n", ""},
		{"Lakeside Ortho\n6835 Market St, Brookfield, WI 53045\nFax (262) 555-0138\n", ""},
	}
	for _, tc := range tests {
		note := tc.head + "\nOFFICE VISIT\nPatient: DOE, JANE     DOB: 02/03/1981\nEmployer phone: (555) 555-0142\n" +
			"Date of visit: 10/14/2024\nAssessment: cervical strain.\nPlan: therapy.\n"
		res := extractText(t, note)
		if len(res.Encounters) != 1 {
			t.Fatalf("%d encounters, want 1", len(res.Encounters))
		}
		if got := res.Encounters[0].Phone; got != tc.want {
			t.Errorf("%q: phone %q, want %q", tc.head, got, tc.want)
		}
	}
}

// TestLabServicesLetterhead: a laboratory that names itself "Lab
// Services" heads its report with that name; the report is its visit,
// not the practice of the custodian's letter before it.
func TestLabServicesLetterhead(t *testing.T) {
	custodian := "Pine Hollow Acupuncture Center LLC\n12 Birch St, Reno, NV 89502\n\n" +
		"June 20, 2024\n\nRe: Deposition on written questions, records of Jane Doe\n\n" +
		"The records requested are attached. The witness fee of $10.00 was received; no appearance of the\n" +
		"custodian is required.\n\nSincerely,\n\nAmy Lee, RHIT\nCustodian of Records, Pine Hollow Acupuncture Center\n"
	lab := "Alder Lab Services                                                          FINAL REPORT\n" +
		"40 Mill Rd, Reno, NV 89501                          Client services (775) 555-0101\n\n" +
		"Patient: DOE, JANE                                    Specimen ID: QZ18811\n" +
		"DOB: 02/03/1981   Age: 43   Sex: F                    Account: 55120\n" +
		"Ordering physician: Ann Berg, MD                      Client: Reno Spine & Pain Center\n" +
		"Date Collected 6/28/23 09:58                          Date Received 6/29/23 00:42\n" +
		"Date Reported 7/1/23 08:13                            Fasting: Y\n\n" +
		"Test                                 Result      Flag     Reference range     Units\n" +
		"Glucose                              88                   70-99               mg/dL\n" +
		"Creatinine                           0.8                  0.57-1.00           mg/dL\n"
	res := extractText(t, custodian, lab)
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String()+" "+e.Provider+" tel "+e.Phone)
	}
	if len(got) != 1 || got[0] != "2023-06-28 Alder Lab Services tel 7755550101" {
		t.Errorf("encounters %q, want the lab's of 2023-06-28 with its client services number", got)
	}
}
