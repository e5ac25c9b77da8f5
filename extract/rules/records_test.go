package rules

import (
	"strings"
	"testing"
)

// TestStudyOrderedEarlier: a nerve conduction study prints the referring
// physician and the order date beside the study date; the study is one
// visit on its study date, performed by the electromyographer who signs
// it, not by the physician who ordered it.
func TestStudyOrderedEarlier(t *testing.T) {
	res := extractText(t, "Riverbend Neurodiagnostics\n400 Lake Rd, Erie, PA 16501\n\n            EMG / NERVE CONDUCTION STUDY REPORT\n"+
		"Patient: DOE, JANE                                   DOB: 1/2/80\n"+
		"Referring physician: Ann Lee, DO                     Order date: 5/18/23\n"+
		"Date of injury: 5/6/23                               Electromyographer: Carl Hess, MD\n"+
		"Study date: 5/26/23                                  Dictated: 5/29/23\n"+
		"Reason for referral: neck pain with numbness of the right thumb.\n"+
		"IMPRESSION:\nNormal study. No electrodiagnostic evidence of cervical radiculopathy.\n"+
		"Electronically signed by Carl Hess, MD on 5/29/23\n")
	if len(res.Encounters) != 1 {
		t.Fatalf("%d encounters, want 1: %+v", len(res.Encounters), res.Encounters)
	}
	if e := res.Encounters[0]; e.Date.String() != "2023-05-26" || e.Clinician != "Carl Hess, MD" {
		t.Errorf("encounter %s by %q, want 2023-05-26 by Carl Hess, MD", e.Date, e.Clinician)
	}
}

// TestDailyNotesSameTitle: a therapy clinic prints two daily notes on a
// page under the same title, each title line with its own date; each is
// a visit, with its own clinician (an assistant's PTA credential kept).
func TestDailyNotesSameTitle(t *testing.T) {
	note := func(n, date, who string) string {
		return "DAILY NOTE - Visit " + n + "                       Date: " + date + "            In 16:42 Out 17:22\n" +
			"Clinician: " + who + "\nS: Neck sore after work; pain 4/10.\n" +
			"   Code       Treatment                    Min     Units\n   97110      THERAPEUTIC EXERCISES        28      2\n" +
			"A: Progressing toward goals.\nNext visit: Sep 27, 2023 3:00 pm\n\n"
	}
	res := extractText(t, "Harbor Physical Therapy\nPatient: DOE, JANE DOB: Jan 2, 1980\n\n"+
		note("11", "Sep 20, 2023", "Amy Park, PT, DPT")+note("12", "Sep 22, 2023", "Kim Cole, PTA"))
	want := []struct{ date, who string }{{"2023-09-20", "Amy Park, PT, DPT"}, {"2023-09-22", "Kim Cole, PTA"}}
	if len(res.Encounters) != len(want) {
		t.Fatalf("%d encounters, want %d: %+v", len(res.Encounters), len(want), res.Encounters)
	}
	for i, w := range want {
		if e := res.Encounters[i]; e.Date.String() != w.date || e.Clinician != w.who {
			t.Errorf("visit %d: %s by %q, want %s by %q", i, e.Date, e.Clinician, w.date, w.who)
		}
	}
}

// TestAnesthesiaStatementBiller: an anesthesia group's statement names
// the surgery centre in a "Facility:" line; its lines are billed by the
// group in its letterhead.
func TestAnesthesiaStatementBiller(t *testing.T) {
	res := extractText(t, "Bayside Anesthesia Associates\n12 Dock St, Erie, PA 16501 Phone (814) 555-0191\n\nSTATEMENT OF ANESTHESIA SERVICES\n"+
		"Patient: DOE, JANE        DOB: 1/2/80       Statement date: 3/8/24\n"+
		"Facility: Lakeside Pain Ctr Proceduralist: Ann Lee, DO\n"+
		"DOS        ASA code   Description                  Units    Charge\n2/14/24    01992      ANESTH N BLOCK/INJ PRONE       7      777.00\n"+
		"                       Total charges                          777.00\n")
	if len(res.Bills) == 0 {
		t.Fatal("no bill line")
	}
	for _, b := range res.Bills {
		if b.Provider != "Bayside Anesthesia Associates" {
			t.Errorf("bill line %s %s billed by %q, want Bayside Anesthesia Associates", b.Date, b.Code, b.Provider)
		}
	}
}

// TestProgressReExamination: a chiropractor's progress re-examination,
// filed after a daily note of the same practice, is its own visit on its
// "Date of re-evaluation:", not on the reporting period's first day, and
// the daily note before it does not take its page.
func TestProgressReExamination(t *testing.T) {
	res := extractText(t,
		"HARBOR CHIROPRACTIC\nPt: DOE, JANE DOB Jan 2, 1980\nDate of Service: Dec 18, 2023          Provider: Gus Lee, DC\n"+
			"S: Neck pain after a collision; VAS 6.\nO: Cervical flexion 30 deg.\nA: Cervical sprain (S13.4XXD).\nP: Adjustments 3x/week.\n",
		"Harbor Chiropractic\n12 Dock St, Erie, PA 16501\nPhone (814) 555-0184\n\n            PROGRESS RE-EXAMINATION\n"+
			"Patient: DOE, JANE                        DOB: 1/2/80\nDate of re-evaluation: 1/18/24            Clinician: Amy Park, DC\n"+
			"Visits to date: 11                        Reporting period: 12/18/23 - 1/18/24\n"+
			"SUBJECTIVE:\nSteady improvement since the initial evaluation. Current pain 4/10.\nASSESSMENT:\n  1. Cervicalgia (M54.2)\n"+
			"PLAN:\nContinue care 2x/week for 4 weeks.\n")
	if len(res.Encounters) != 2 {
		t.Fatalf("%d encounters, want 2: %+v", len(res.Encounters), res.Encounters)
	}
	first, second := res.Encounters[0], res.Encounters[1]
	if first.Date.String() != "2023-12-18" || second.Date.String() != "2024-01-18" {
		t.Errorf("visits on %s and %s, want 2023-12-18 and 2024-01-18", first.Date, second.Date)
	}
	for _, c := range first.Citations {
		if c.Page != 1 {
			t.Errorf("the daily note cites page %d: %q", c.Page, c.Quote)
		}
	}
}

// TestUrgentCareAndStudyVisitTypes: a walk-in clinic's visit summary
// prints triage as an emergency department's chart does, yet it is an
// urgent care visit; a nerve conduction study is an electrodiagnostic
// study and a laboratory's report a laboratory visit, not imaging (an
// imaging order is not answered by blood work).
func TestUrgentCareAndStudyVisitTypes(t *testing.T) {
	res := extractText(t,
		"Harbor Walk-In                                                      Visit Summary\n"+
			"400 Lake Rd, Erie, PA 16501 (814) 555-0170\nPatient: DOE, JANE                              DOB: 01-02-1980\n"+
			"Encounter #: 249211628                          Provider: Ann Lee, DO\n"+
			"Event                 Date            Time          Staff\nChecked in            12-07-2023      10:31 PM      Kim P.\n"+
			"Triage                12-07-2023      10:52 PM      Kim P.\nDischarge             12-08-2023      12:21 AM      Dr. Lee\n"+
			"Chief complaint: Neck pain after a car accident yesterday.\nExam: Paraspinal tenderness. Neuro intact.\n"+
			"ASSESSMENT:\n  1. Cervicalgia (M54.2)\nElectronically signed by Ann Lee, DO\n",
		"Riverbend Neurodiagnostics\n400 Lake Rd, Erie, PA 16501\n\n            EMG / NERVE CONDUCTION STUDY REPORT\n"+
			"Patient: DOE, JANE                                   DOB: 1/2/80\nStudy date: 1/2/24          Electromyographer: Carl Hess, MD\n"+
			"NERVE CONDUCTION STUDIES\nR Median motor (APB)     3.1     7.8 mV     53\n"+
			"IMPRESSION:\nNormal study. No electrodiagnostic evidence of cervical radiculopathy.\n"+
			"Electronically signed by Carl Hess, MD on 1/5/24\n",
		"Summit Clinical Laboratories\n88 Oak Ave, Erie, PA 16501\n\n            LABORATORY REPORT\n"+
			"Patient: DOE, JANE                                   DOB: 1/2/80\nCollected: 2/6/24 08:10        Ordering: Ann Lee, DO\n"+
			"TEST                    RESULT      FLAG     REFERENCE RANGE\nC-reactive protein      0.4                  0.0-0.9 mg/dL\n"+
			"Final report. Reviewed by Paul Ng, MD on 2/7/24\n")
	want := map[string]string{"2023-12-07": "urgent care visit", "2024-01-02": "electrodiagnostic study", "2024-02-06": "laboratory"}
	if len(res.Encounters) != len(want) {
		t.Fatalf("%d encounters, want %d: %+v", len(res.Encounters), len(want), res.Encounters)
	}
	for _, e := range res.Encounters {
		if w := want[e.Date.String()]; e.VisitType != w {
			t.Errorf("%s: visit type %q, want %q", e.Date, e.VisitType, w)
		}
	}
}

// TestProcedureReportVisitType: a pain clinic prints the pre-procedure
// update and then the procedure report under "OPERATIVE / PROCEDURE
// REPORT"; the visit is the procedure, though its disposition books a
// follow-up.
func TestProcedureReportVisitType(t *testing.T) {
	res := extractText(t, "LAKESIDE SPINE AND PAIN\n12 Dock St, Erie, PA 16501\n\nPatient: DOE, JANE                     DOB: 01-02-1980\n"+
		"PRE-PROCEDURE HISTORY & PHYSICAL (UPDATE)\nHistory and physical reviewed; no interval change. Pain 7/10.\n"+
		"OPERATIVE / PROCEDURE REPORT\nDOS: 07-19-2023                        Physician: Ann Lee, MD\n"+
		"Procedure: Cervical interlaminar epidural steroid injection, C6-7, under fluoroscopic guidance (62321)\n"+
		"Disposition: Tolerated well; discharged home. Post-procedure pain 4/10.\nFollow-up appointment: 08-07-2023 for reassessment.\n")
	if len(res.Encounters) != 1 {
		t.Fatalf("%d encounters, want 1: %+v", len(res.Encounters), res.Encounters)
	}
	if e := res.Encounters[0]; e.VisitType != "procedure" {
		t.Errorf("visit type %q, want procedure", e.VisitType)
	}
}

// TestStudyCaptionDatesNote: an admission note that prints no date of its
// own is dated by the study its imaging data reports under the study's
// name ("CT Abdomen with contrast ( 11/29/03 ): There is ..."): the study
// was done in this work-up. The same caption in the past history is no
// date of service.
func TestStudyCaptionDatesNote(t *testing.T) {
	// A full examination puts the imaging data low in the note.
	exam := strings.Repeat("Gen: Well-developed, no apparent distress.\nHEENT: Anicteric. Oropharynx clear.\n"+
		"Neck: Supple. No lymphadenopathy.\nCV: Regular rhythm, no murmurs.\nAbd: Tender in the right upper quadrant.\n", 6)
	note := func(section string) string {
		return "ER Report - Abdominal Pain\nCHIEF COMPLAINT: Abdominal pain for 2 weeks.\n" +
			"HISTORY OF PRESENT ILLNESS: The patient presents to the emergency room with right upper quadrant pain.\n" +
			"PAST MEDICAL HISTORY: Appendectomy 12 years ago.\n" +
			"PHYSICAL EXAMINATION:\n" + exam +
			section + "\nMRI Abdomen without contrast ( 4/2/19 ): There is a 3 cm mass at the hepatic hilum.\n" +
			"HOSPITAL COURSE: The patient was admitted for further evaluation.\n"
	}
	res := extractText(t, note("IMAGING DATA:"))
	if len(res.Encounters) != 1 || res.Encounters[0].Date.String() != "2019-04-02" {
		t.Fatalf("encounters %+v, want one dated 2019-04-02", res.Encounters)
	}
	res = extractText(t, note("PAST SURGICAL HISTORY: none."))
	for _, e := range res.Encounters {
		if !e.Undated {
			t.Errorf("dated %s by a study in the history", e.Date)
		}
	}
}

// TestVitalsGridDatesTheNote: a nurse visit prints its vitals as a grid
// under a "DOS" caption and is signed two days later; the grid's date,
// which the layout reads as the date of service, dates the visit.
func TestVitalsGridDatesTheNote(t *testing.T) {
	res := extractText(t, "LAKEVIEW SPINE CENTER                                                  NURSE VISIT NOTE\n"+
		"DOE, JANE DOB 1/2/80 MRN 4411 88 Oak Ave, Troy, NY 12180\n\nVitals\n"+
		"DOS             Time       BP            Pulse      Resp      Temp      Pain 0-10\n"+
		"03/04/24        09:12      128/80        72         16        97.9      5\n"+
		"03/04/24        09:40      124/78        70         16        97.8      4\n\n"+
		"CHIEF COMPLAINT:\nRecheck after trigger point injection.\nASSESSMENT:\nCervicalgia (M54.2), improving.\n"+
		"Electronically signed by Ann Lee, DO on 06-Mar-2024 at 8:04 AM\n")
	if len(res.Encounters) != 1 || res.Encounters[0].Date.String() != "2024-03-04" {
		t.Fatalf("encounters %+v, want one on 2024-03-04", res.Encounters)
	}
}
