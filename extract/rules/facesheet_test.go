package rules

import (
	"strings"
	"testing"
)

// TestFaceSheetAdmission: a hospital's registration face sheet prints the
// stay in boxed fields, a small caption over each value. It is the
// admission's record: dated by the box captioned as the admission, to
// the discharge's box, by the hospital, with its admitting diagnoses; the
// birth, accident, previous admission, effective and print dates are no
// visit, and the consents it notes make it no consent form.
func TestFaceSheetAdmission(t *testing.T) {
	page := `RIVERBEND MEDICAL CENTER                                                      INPATIENT FACE SHEET
40 Mill Rd, Dayton, OH 45402 (937) 555-0121

PATIENT
 Patient name                              Medical record no.                       Account no.
 DOE, JANE                                 7781204                                  55120931
 Birth date                                Sex                                      Phone
 03/02/1979                                F                                        (937) 555-0188
ADMISSION
 Admission date                            Admission time                           Admission source
 04/14/2024                                21:40                                    Emergency department
 Attending physician                       Admitting physician                      Room / bed
 Helen Park, MD                            Arjun Das, MD                            3E-312
 Discharge date                            Discharge time                           Discharge disposition
 04/17/2024                                10:05                                    Home
ADMITTING DIAGNOSES
  S32.010A - Wedge compression fracture of first lumbar vertebra, initial encounter
  S13.4XXA - Sprain of ligaments of cervical spine, initial encounter
ACCIDENT
 Previous admission                        Primary care physician                   Language
 09/30/2019                                Maria Lopez, MD                          English
 Date of accident                          Type of accident                         State
 04/13/2024                                Motor vehicle                            OH
INSURANCE
 Primary payer                             Policy number                            Effective date
 Buckeye Mutual Auto (PIP)                 PA44120983                               01/01/2024
Consent to treatment signed. Notice of privacy practices given. Advance directive: none.
Printed: 06/02/2024 08:15 User: kmoss                                                         Page 1 of 1
`
	res := extractText(t, page)
	if len(res.Encounters) != 1 {
		for _, e := range res.Encounters {
			t.Logf("encounter %s %q", e.Date, e.Citations[0].Quote)
		}
		t.Fatalf("%d encounters, want 1", len(res.Encounters))
	}
	e := res.Encounters[0]
	if e.Date.String() != "2024-04-14" || e.EndDate.String() != "2024-04-17" {
		t.Errorf("stay %s to %s, want 2024-04-14 to 2024-04-17", e.Date, e.EndDate)
	}
	if !strings.Contains(strings.ToLower(e.Provider), "riverbend") {
		t.Errorf("provider %q", e.Provider)
	}
	codes := dxCodes(e)
	if strings.Join(codes, " ") != "S32.010A S13.4XXA" {
		t.Errorf("diagnoses %v", codes)
	}
}

// TestFaceSheetAttending: the face sheet's boxes name the admitting and
// the attending physician, the admitting one first: the stay is the
// attending physician's, and it is a hospital admission, whatever the
// hospital's name says of its emergency department.
func TestFaceSheetAttending(t *testing.T) {
	page := `Lakeview Hospital - Emergency Services                                         ADMISSION RECORD
9 Shore Dr, Erie, PA 16501 (814) 555-0170
ADMISSION
 Admit date                                Admit time                               Admit type / source
 2024-02-03                                22:10                                    Emergency / ER
 Patient class                             Unit / room / bed                        Admitting physician
 Inpatient                                 5 North 512-B                            Omar Reyes, DO
 Attending physician                       Discharge date / time                    Disposition
 Lena Kerr, MD                             2024-02-05 11:30                         Home
ADMITTING DIAGNOSIS
  S22.32XA - Fracture of one rib, left side, initial encounter
`
	res := extractText(t, page)
	if len(res.Encounters) != 1 {
		t.Fatalf("%d encounters, want 1", len(res.Encounters))
	}
	e := res.Encounters[0]
	if e.Clinician != "Lena Kerr, MD" || e.VisitType != "hospital admission" {
		t.Errorf("clinician %q, visit type %q", e.Clinician, e.VisitType)
	}
}

// TestFaceSheetAdmissionOCRDebris: a copier's OCR strews debris of a
// letter or two ("oo", "oe") and specks between a face sheet's captions:
// the row of captions still labels the values under it, and the page is
// the admission's record.
func TestFaceSheetAdmissionOCRDebris(t *testing.T) {
	page := `Riverbend Med Ctr - Emergency Services - INPATIENT REGISTRATION  - FACE SHEET

40 Mill Rd, Dayton, OH 45402   (937) 555-0121

PATIENT                                        _                             .
Patient name                            :     MRN           :                  oe  ‘+   |Visit / account no.
DOE, JANE                       7781204                      :             55120931
Date of birth   —                            Age / sex —              .                  Address ©
*|  03/02/1979            uo                  45 /F.                               '  12 Elm St, Dayton
ADMISSION   __                                        :
Admit date                       .     oo    Admit time                           :       Admit type / source -
04/14/2024                    :      21:40                            ,          Emergency / Emergency room
Patient class   —        :         .          Unit / room / bed                           Admitting physician
IP - Med/Surg’                           3E 312-B                            ,     Arjun Das, MD
Attending physician  :                       Discharge date / time           .            | Disposition
Helen Park, MD   —                   04/17/2024 10:05                       Discharged to home.

ADMITTING DIAGNOSIS
S32.010A   Wedge compression fracture of first lumbar vertebra, initial encounter
S13.4XXA   Sprain of ligaments of cervical spine, initial encounter
ACCIDENT / INJURY

Accident date       :                .         Accident type                               ‘Accident state

04/13/2024                               Auto (MVA)                             - | OH-
Last admission to this facility             Last. -service      ,                          Primary care physician
09/30/2019         ,                      Outpatient surgery                  .|Maria Lopez, MD
Consent to treatment signed. Notice of privacy practices given.
`
	res := extractOCR(t, page)
	if len(res.Encounters) != 1 {
		for _, e := range res.Encounters {
			t.Logf("encounter %s %q", e.Date, e.Citations[0].Quote)
		}
		t.Fatalf("%d encounters, want 1 (page class %s)", len(res.Encounters), res.Pages[0].Class)
	}
	if e := res.Encounters[0]; e.Date.String() != "2024-04-14" || e.EndDate.String() != "2024-04-17" {
		t.Errorf("stay %s to %s, want 2024-04-14 to 2024-04-17", e.Date, e.EndDate)
	}
}
