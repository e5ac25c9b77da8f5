package rules

import (
	"fmt"
	"testing"
)

// TestVisitDateLabels: a note's date of service under a bare "Visit:"
// label, and a letter's visit in prose after a personal title ("seeing Mr.
// Doe in consultation on ..."), win over the letter's own date, a DOB and
// a signature date.
func TestVisitDateLabels(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"Visit label", "ALDER SPINE CLINIC                SOAP NOTE\nPt: DOE, JANE  DOB 02-03-1981\nVisit: 07-17-2023              Provider: Ann Berg, MD\nSubjective: neck pain.\nPlan: home exercise.\nSigned 07/19/2023", "2023-07-17"},
		{"last visit in prose is no label", "Date of Service: 08/01/2023\nHPI: at her last visit 07-17-2023 she was better.\nPlan: rest.", "2023-08-01"},
		{"prose after Mr.", "Alder Orthopaedics\n12 Elm St, Reno, NV 89501\n\nMarch 9, 2024\n\nDear Dr. Lee,\nI had the pleasure of seeing Mr. Doe in consultation on March 4, 2024 regarding his neck.\nImpression: cervical strain.\nSincerely,", "2024-03-04"},
		{"prose after Dr.", "Alder Orthopaedics\n12 Elm St, Reno, NV 89501\n\nMarch 9, 2024\n\nDear Dr. Lee,\nWe saw Ms. Doe at the request of Dr. Lee on March 5, 2024 for neck pain.\nImpression: cervical strain.\nSincerely,", "2024-03-05"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extractText(t, tc.text)
			if len(res.Encounters) == 0 {
				t.Fatalf("no encounter, want %s", tc.want)
			}
			if got := res.Encounters[0].Date.String(); got != tc.want {
				t.Errorf("date %s, want %s (quote %q)", got, tc.want, res.Encounters[0].Citations[0].Quote)
			}
		})
	}
}

// TestQuestionnairesOfTwoVisits: an office files the disability index the
// patient filled in at each visit one after the other, each page under
// the same letterhead and title (so they read as a running header) and
// dated by the day it was filled in ("Today's date:", "Date completed:"):
// each page is its own visit.
func TestQuestionnairesOfTwoVisits(t *testing.T) {
	page := func(label, date, by string) string {
		return "                    CORNERSTONE CHIROPRACTIC\n                 NECK DISABILITY INDEX (NDI)\n" +
			"Patient name: Jane Doe                            Date of birth: 04-24-1961\n" +
			label + " " + date + "                          Date of injury: 12-10-2023\n" +
			"Please mark the ONE statement in each section that best describes your problem today.\n" +
			"1.    Pain intensity                                          [X] 1\n2.    Lifting                                                 [X] 2\n" +
			"FOR OFFICE USE ONLY\nTotal score: 16 / 50                              Disability: 32% (moderate disability)\n" +
			"Dx: S13.4XXD, M54.2\nScored and reviewed with patient by " + by + ", DC\n"
	}
	res := extractText(t, page("Date completed:", "12-21-2023", "Farah Okonkwo"), page("Today's date:", "01-25-2024", "Kwame Winslow"))
	if got := encounterDates(res); got != "2023-12-21 2024-01-25" {
		t.Errorf("encounters %s, want 2023-12-21 2024-01-25", got)
	}
}

// TestBillRowsOfOtherLayouts: a service described "w/o contrast" is a
// charge, not a write-off, while a "W/O" row is an adjustment; a facility
// bill's accommodation rate printed in the code column is not the line's
// charge.
func TestBillRowsOfOtherLayouts(t *testing.T) {
	tests := []struct {
		name, page string
		charges    []float64
		adjust     []float64
	}{
		{"invoice without codes", `Alder Imaging Partners
INVOICE
Invoice #4411   Date: 03/20/2024
Date of service      Description                                       Amount
03/02/2024           CT cervical spine w/o contrast                    $612.00
03/09/2024           MRI lumbar spine w/o and with dye                 $1,240.00
03/12/2024           W/O per office manager                            ($12.00)
                                                        Amount due     $1,840.00
`, []float64{612, 1240}, []float64{12}},
		{"ambulance statement with a rate column", `Alder County Fire & Rescue
Ambulance Billing Office
PATIENT STATEMENT                                             Statement date: 4/2/24
Date          HCPCS        Description                         Units        Rate        Charge
3/2/24        A0427-SH     ALS1 EMERGENCY TRANSPORT                1    1,850.00      1,850.00
3/2/24        A0425-SH     GROUND MILEAGE PER STATUTE MILE        12       24.00        288.00
                                     Total charges                                    2,138.00
`, []float64{1850, 288}, nil},
		{"units times a rate without captions", `Alder Medical Transport
STATEMENT
Date of service: 3/2/24
3/2/24        A0425        GROUND MILEAGE                          9       21.00        189.00
3/2/24        A0427        ALS1 EMERGENCY                          1    1,850.00      1,850.00
`, []float64{189, 1850}, nil},
		{"facility bill rate column", `1 ALDER REGIONAL HOSPITAL        3a PAT. CNTL # 7781            4 TYPE OF BILL 0111
5 FED. TAX NO. 88-1234567    6 STATEMENT COVERS PERIOD 030424 030624   12 ADMISSION DATE 030424
42 REV. CD.   43 DESCRIPTION              44 HCPCS / RATE / HIPPS CODE    45 SERV. DATE    46 SERV. UNITS   47 TOTAL CHARGES    48 NON-COVERED
0120          ROOM-BOARD/SEMI             1,850.00                        030424           2                3,700 00
0450          EMERGENCY ROOM              99284                           030424           1                1,960 00
0001          PAGE 1 OF 1                 CREATION DATE                   031024           TOTALS           5,660 00
`, []float64{3700, 1960}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extractText(t, tc.page)
			var ch, adj []float64
			for _, b := range res.Bills {
				switch {
				case b.Kind == "" && b.Charge != 0:
					ch = append(ch, b.Charge)
				case b.Adjustment != nil:
					adj = append(adj, *b.Adjustment)
				}
			}
			if !sameFloats(ch, tc.charges) || !sameFloats(adj, tc.adjust) {
				t.Errorf("charges %v adjustments %v, want %v %v", ch, adj, tc.charges, tc.adjust)
			}
		})
	}
}

func sameFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestUndatedRecordAfterAnother: an undated progress note on the page after
// an operative report of the same practice is a record of its own (kept
// undated), not a continuation page of the report, also under a caption
// of its own that names no kind of record the extractor knows; a page whose
// title is the report's own, read differently, still continues it.
func TestUndatedRecordAfterAnother(t *testing.T) {
	op := "Alder Orthopaedics\n12 Elm St, Reno, NV 89501\n\nOPERATIVE REPORT\nPatient: DOE, JANE   DOB: 02/03/1981\nDate of Surgery: 05/06/2024\nProcedure: right shoulder arthroscopy.\nFindings: as above.\nDisposition: home."
	tests := []struct {
		name, next string
		undated    int
	}{
		{"another record", "Alder Orthopaedics\n12 Elm St, Reno, NV 89501\n\nPROGRESS NOTE\nPatient: DOE, JANE   DOB: 02/03/1981\nInterval History: doing better after therapy.\nExamination: full strength.\nPlan: continue home exercise.", 1},
		// A caption the extractor knows as no title still names another record.
		{"another record under its own caption", "Alder Orthopaedics\n12 Elm St, Reno, NV 89501\n\nPHYSICIAN'S STATEMENT\nPatient: DOE, JANE   DOB: 02/03/1981\nInterval History: doing better after therapy.\nExamination: full strength.\nPlan: continue home exercise.", 1},
		// A title one word away from the report's, the word no misreading
		// of it, names another record.
		{"another report", "Alder Orthopaedics\n12 Elm St, Reno, NV 89501\n\nNARRATIVE REPORT\nPatient: DOE, JANE   DOB: 02/03/1981\nInterval History: doing better after therapy.\nExamination: full strength.\nPlan: continue home exercise.", 1},
		{"the report read again", "OPERATlVE REP0RT\nPatient: DOE, JANE   DOB: 02/03/1981\nDescription: portals closed.\nSpecimens: none.\nComplications: none.", 0},
	}
	// A record whose heading is printed beside the letterhead, not in a
	// line of its own, and an undated record after it under a caption it
	// never printed.
	side := "ALDER ORTHOPAEDICS                                  PROCEDURE SUMMARY\nPatient   DOE, JANE   DOB   02/03/1981\nDate      05/06/2024\nProcedure  right shoulder arthroscopy\nFindings: as above.\nDisposition: home."
	t.Run("another record after a heading beside the letterhead", func(t *testing.T) {
		res := extractText(t, side, tests[1].next)
		if len(res.Encounters) != 2 || !res.Encounters[1].Undated {
			t.Errorf("%d encounters; want the procedure and an undated record", len(res.Encounters))
		}
	})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extractText(t, op, tc.next)
			n := 0
			for _, e := range res.Encounters {
				if e.Undated {
					n++
				}
			}
			if n != tc.undated || len(res.Encounters) != 1+tc.undated {
				t.Errorf("%d encounters, %d undated; want %d undated", len(res.Encounters), n, tc.undated)
			}
		})
	}
}

// TestRecordsOfOtherShapes: several boxed visits on one page are one
// encounter each; a form dated and named only in its footer takes that
// date and practice, not the provider of the record before it; a page
// whose heading line names no provider starts its own record when a new
// date label follows, so the page is not cited by the visit before it.
func TestRecordsOfOtherShapes(t *testing.T) {
	type enc struct{ date, provider string }
	tests := []struct {
		name  string
		pages []string
		want  []enc
	}{
		{"encounter summary with two visits", []string{`                 ENCOUNTER SUMMARY
             Alder Family Medicine
DOE, JANE DOB 1977-07-20 MRN 2711                    Encounters 2023-07-10 to 2023-12-11

  Office visit 2023-07-10 1:12 PM                                        Status: Complete
  Clinician: Ann Berg, DO Dept: Alder Family Medicine
  Reason: Follow-up of hypertension.
  Assessment: Hypertension, well controlled.
  Plan: Continue lisinopril.

  Follow-up 2023-12-11 7:31 AM                                           Status: Signed
  Clinician: Ann Berg, DO Dept: Alder Family Medicine
  Reason: Neck pain after a car accident.
  Assessment: Cervical strain.
  Plan: Ibuprofen. Follow up on 2024-01-05 or sooner if worse.

Report run 2024-06-05 by fhaddad`}, []enc{{"2023-07-10", "Alder Family Medicine"}, {"2023-12-11", "Alder Family Medicine"}}},
		{"work-injury form named and dated in its footer", []string{`Alder Family Medicine
123 Main St, Reno, NV 89501
OFFICE VISIT
Date of Service: 12/11/2023
Subjective: neck pain.
Assessment: cervical strain.
Plan: ibuprofen.`, `          PHYSICIAN PROGRESS REPORT - WORK INJURY
Patient: Jane Doe                                  DOB: 07/20/1977
Claim #: WC69230388                                Date of injury: 12/06/2023
1. Subjective complaints:
Neck pain with right arm tingling.
2. Objective findings:
Spurling test positive on the right.
3. Diagnoses:
   M54.12 Radiculopathy, cervical region
4. Treatment plan:
Home exercises.

Exam date: 12/18/2023 Signature: Gus Yamada, DO Date signed: 12/19/2023
Valley Orthopaedic Surgery 3071 Hospital Dr Ph (859) 555-0152                Page 1 of 1`},
			[]enc{{"2023-12-11", "Alder Family Medicine"}, {"2023-12-18", "Valley Orthopaedic Surgery"}}},
		{"procedure page after a note of the same practice", []string{`NORTHGATE PAIN MGMT CTR                                   SOAP NOTE
Pt: DOE, JANE DOB 02-17-1973 Acct 7395
Visit: 12-27-2024                                  Provider: Rebecca Strand, DO
S: Follow-up after injection; pain 4 out of 10.
A: Cervical radiculopathy, improving.
P: Continue gabapentin.`, `Northgate Pain Mgmt                                        PROCEDURE SUMMARY

 Patient                  DOE, JANE                DOB                 02.17.1973
 Date                     12.09.2024               Date of injury      09.28.2024
 Physician                Rebecca Strand, DO       Referring           Hiroshi Albright, MD
 Procedure                Interlaminar ESI C6-7 with fluoroscopy
Narrative: Consent obtained, time-out performed.
Pain: pre 7/10, post 3/10
Rebecca Strand, DO - signed 12.11.2024`}, []enc{{"2024-12-27", "NORTHGATE PAIN MGMT CTR"}, {"2024-12-09", "Northgate Pain Mgmt"}}},
		// (The procedure page prints the practice's shorter name as its
		// letterhead; the chronology files both names under one provider.)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extractText(t, tc.pages...)
			var got []enc
			for _, e := range res.Encounters {
				got = append(got, enc{e.Date.String(), e.Provider})
				// A visit's citations stay on its own pages.
				if e.Date.String() == "2024-12-27" {
					for _, c := range e.Citations {
						if c.Page != 1 {
							t.Errorf("the 2024-12-27 visit cites page %d", c.Page)
						}
					}
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("encounters %v, want %v", got, tc.want)
			}
		})
	}
}

// TestFactsFromProse: when nothing printed names the provider, the
// facility the prose says the patient was admitted, brought or
// transferred to does (never a department, a presentation elsewhere or
// earlier care); a discharge summary without an admission date is dated
// by the discharge its prose tells; an undated record under a document
// heading is kept as an undated entry.
func TestFactsFromProse(t *testing.T) {
	tests := []struct {
		name, text       string
		date, provider   string
		undated, entries bool
	}{
		{"admitted to a named hospital", "Fiberoptic Bronchoscopy with Lavage\nLOCATION OF PROCEDURE: ICU. Room #164.\nHISTORY: The patient is a 44-year-old male who was admitted to ABCD Hospital on 09/04/03 status post MVA.\nPROCEDURE: The scope was passed.\nFINDINGS: Mucus plugging.",
			"", "ABCD Hospital", true, true},
		{"brought into a medical center", "Hip Fracture - Rehab Consult\nHISTORY: This pleasant 70-year-old gentleman fell and was\nbrought into ABCD Medical Center, evaluated by Dr. X.\nASSESSMENT: Left hip fracture.\nPLAN: Rehab transfer.",
			"", "ABCD Medical Center", true, true},
		{"transferred to a brand name", "Discharge Summary - Multiple Trauma\nHOSPITAL COURSE: When he was initially transferred to HealthSouth, he was status post ORIF.\nHe progressed with therapy. On 06/20/2008, with all parties in agreement, the patient\nwas discharged to home in stable condition.",
			"2008-06-20", "HealthSouth", false, true},
		{"a department names no facility", "Emergency Room Note\nHISTORY: She was admitted to the Emergency Department for observation.\nASSESSMENT: Chest wall contusion.\nPLAN: Ibuprofen.",
			"", "", true, true},
		{"a presentation elsewhere is history", "Independent Medical Examination\nHISTORY: He presented to the Chiropractic Wellness Center for care.\nASSESSMENT: Cervical strain.\nPLAN: None.",
			"", "", true, true},
		{"earlier care is not this record's provider", "Orthopedic Consultation Report\nHISTORY: She was admitted to Mercy Hospital five years ago for a fracture.\nASSESSMENT: Knee pain.\nPLAN: MRI.",
			"", "", true, true},
		{"a discharge in a progress note's history dates nothing", "PROGRESS NOTE\nHISTORY: He was seen before. On 05/02/2003 the patient was discharged from rehab.\nASSESSMENT: Stable.\nPLAN: Continue.",
			"", "", true, true},
		{"undated report under a document heading", "Qualified Medical Evaluation Report\nHISTORY OF INJURY AND PRESENT COMPLAINTS: The patient complains of low back pain.\nHe can only stand for about 5 minutes.\nHe relates the complaints to a fall at work on 06/29/1994.\nHe was treated with therapy.",
			"", "", true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extractText(t, tc.text)
			if !tc.entries {
				if len(res.Encounters) > 0 {
					t.Fatalf("%d encounters, want none", len(res.Encounters))
				}
				return
			}
			if len(res.Encounters) != 1 {
				t.Fatalf("%d encounters, want 1", len(res.Encounters))
			}
			e := res.Encounters[0]
			date := ""
			if !e.Undated {
				date = e.Date.String()
			}
			if date != tc.date || e.Undated != tc.undated || e.Provider != tc.provider {
				t.Errorf("date %q undated %v provider %q, want %q %v %q", date, e.Undated, e.Provider, tc.date, tc.undated, tc.provider)
			}
		})
	}
}
