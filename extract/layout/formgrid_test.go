package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// faceSheet is a hospital registration face sheet written for these
// tests: boxed fields, a row of small captions over a row of values.
const faceSheet = `RIVERBEND MEDICAL CENTER                                                      INPATIENT FACE SHEET
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
 Date of accident                          Type of accident                         State
 04/14/2024                                Motor vehicle                            OH
 Previous admission                        Primary care physician                   Language
 09/30/2019                                Maria Lopez, MD                          English
INSURANCE
 Primary payer                             Policy number                            Effective date
 Buckeye Mutual Auto (PIP)                 PA44120983                               01/01/2024
 Emergency contact                         Relationship                             Phone
 John Doe                                  Spouse                                   (937) 555-0190
Consent to treatment signed. Notice of privacy practices given. Advance directive: none.
`

// TestFormGridLabels: a registration face sheet prints each field as a
// small caption with its value in the box under it, three boxes a row.
// The caption over a date says what the date is (the admission is the
// stay's day, the discharge its end, the birth date none), and the page
// is the admission's record, not a consent form, however it notes the
// consents signed.
func TestFormGridLabels(t *testing.T) {
	d := Analyze(pagesOf(faceSheet))
	want := map[string]Label{"04/14/2024": ServiceLabel, "04/17/2024": EndLabel, "03/02/1979": BirthLabel}
	seen := 0
	for i := range d.Lines {
		l := &d.Lines[i]
		for _, m := range l.Dates {
			w, ok := want[m.Raw]
			if !ok || l.Trim[:len(m.Raw)] != m.Raw {
				continue
			}
			if w == ServiceLabel && seen > 0 {
				w = InjuryLabel // the accident's box, on the same day
			}
			if got := LabelBefore(l, m, d.Prev(i)); got != w {
				t.Errorf("%q under %q: label %d, want %d", l.Trim, d.Prev(i).Trim, got, w)
			}
			if w == ServiceLabel {
				seen++
				if !l.HasService {
					t.Errorf("%q: no date of service", l.Trim)
				}
			}
		}
	}
	if seen != 1 {
		t.Errorf("%d admission dates seen", seen)
	}
	if c := d.Pages[0].Class; c != extract.PageClinical {
		t.Errorf("class %s, want %s", c, extract.PageClinical)
	}
}

// TestTableHeaderNoFormGrid: a table's header row over its first row is
// no form's captions: a bare "Date" column says nothing of its dates, and
// rows go on under it.
func TestTableHeaderNoFormGrid(t *testing.T) {
	page := `Valley Orthopedics
Date          Code          Description          Charge
03/05/2024    99204         New patient visit    250.00
03/19/2024    99213         Follow-up visit      120.00
`
	d := Analyze(pagesOf(page))
	for i := range d.Lines {
		l := &d.Lines[i]
		for _, m := range l.Dates {
			if got := LabelBefore(l, m, d.Prev(i)); got != NoLabel {
				t.Errorf("%q: label %d, want none", l.Trim, got)
			}
		}
	}
}

// TestColumnLabelAbove: a laboratory's report prints the patient, the
// physician and the specimen in three columns of fields; a field's label
// that leaves no room for its value on its line ("Date collected:") has
// the value under it, in its own column, while the other columns go on
// beside it with text of their own.
func TestColumnLabelAbove(t *testing.T) {
	page := `ACME REFERENCE LABORATORIES                                            Patient Report
Patient Details                     Physician Details                   Specimen Details
DOE, JANE                           Paul Ibsen, MD                      Date collected:
DOB: 03/02/1979                     Lakeside Family Medicine            04/18/2024
Sex: F                              NPI: 1234567890                     Date received: 04/19/2024
Patient ID: 55120                   Notes:                              Date reported: 04/21/2024
                                    04/01/2024 seen in clinic
`
	d := Analyze(pagesOf(page))
	for i := range d.Lines {
		l := &d.Lines[i]
		for _, m := range l.Dates {
			want := NoLabel
			switch m.Raw {
			case "04/18/2024":
				want = ServiceLabel
			case "03/02/1979":
				want = BirthLabel
			case "04/19/2024", "04/21/2024":
				want = SignedLabel
			}
			if got := LabelBefore(l, m, d.Prev(i)); got != want {
				t.Errorf("%s in %q: label %d, want %d", m.Raw, l.Trim, got, want)
			}
		}
	}
}

// TestFormGridOCR: OCR spaces each line of a scanned face sheet its own
// way: the values no longer start where their captions do, but keep the
// order of the boxes, and specks between boxes are no cells.
func TestFormGridOCR(t *testing.T) {
	page := `RIVERBEND MEDICAL CENTER                                   INPATIENT FACE SHEET
ADMISSION
Admit date                                       Admit time                                       Admit type / source
04/14/2024                                21:40                                        Emergency / Emergency room
Patient class                                     Unit / room / bed                                  Admitting physician
Inpatient                                      3E 312-B                                   Arjun Das, MD
Attending physician.                             Discharge date / time                              Disposition            .
Helen Park, MD                     04/17/2024 10:05                         Home
Birth date                                      Sex                                        Phone
03/02/1979                                 F                                        (937) 555-0188
`
	d := Analyze(pagesOf(page))
	want := map[string]Label{"04/14/2024": ServiceLabel, "04/17/2024": EndLabel, "03/02/1979": BirthLabel}
	for i := range d.Lines {
		l := &d.Lines[i]
		for _, m := range l.Dates {
			if w, ok := want[m.Raw]; ok {
				if got := LabelBefore(l, m, d.Prev(i)); got != w {
					t.Errorf("%q under %q: label %d, want %d", l.Trim, d.Prev(i).Trim, got, w)
				}
			}
		}
	}
}

// TestColumnLabelAboveOCR: OCR spaces the columns of each line its own
// way; the specimen's column is still the third of each line.
func TestColumnLabelAboveOCR(t *testing.T) {
	page := `ACME REFERENCE LABORATORIES                                            Patient Report
Patient Details                          Physician Details                        Specimen Details
DOE, JANE                           Paul Ibsen, MD -                      Date collected:
DOB: 03/02/1979                         Lakeside Family Medicine              04/18/2024
Sex: F                                  NPI: 1234567890                        Date received: 04/19/2024
`
	d := Analyze(pagesOf(page))
	for i := range d.Lines {
		l := &d.Lines[i]
		for _, m := range l.Dates {
			if m.Raw == "04/18/2024" {
				if got := LabelBefore(l, m, d.Prev(i)); got != ServiceLabel {
					t.Errorf("%s: label %d, want %d", m.Raw, got, ServiceLabel)
				}
			}
		}
	}
}

// TestColumnLabelAboveGlued: a physician's practice name too long for its
// column runs into the specimen's, and the text layer glues the two
// ("SPINE CTR04/18/2024"): the date still stands where its label
// "Date collected:" starts, the collection date.
func TestColumnLabelAboveGlued(t *testing.T) {
	page := `ACME REFERENCE LABORATORIES                                            Patient Report
Patient Details                     Physician Details                   Specimen Details
DOE, JANE                           Paul Ibsen, MD                      Date collected:
DOB: 03/02/1979                     LAKESIDE FAMILY MEDICINE & SPINE CTR04/18/2024
Sex: F                              NPI: 1234567890                     Date received: 04/19/2024
`
	d := Analyze(pagesOf(page))
	found := false
	for i := range d.Lines {
		l := &d.Lines[i]
		for _, m := range l.Dates {
			if m.Raw == "04/18/2024" {
				found = true
				if got := LabelBefore(l, m, d.Prev(i)); got != ServiceLabel {
					t.Errorf("%s: label %d, want %d", m.Raw, got, ServiceLabel)
				}
			}
		}
	}
	if !found {
		t.Error("the collection date is not read")
	}
}

// TestColumnLabelTwoAbove: the physician's practice name is too long for
// its column and the text layer moves the specimen's collection date to a
// line of its own, under the name's line: the label "Date collected:"
// stands two lines above the date, at its column, and the line between
// prints nothing that starts there.
func TestColumnLabelTwoAbove(t *testing.T) {
	page := `ACME REFERENCE LABORATORIES                                            Patient Report
Patient Details                     Physician Details                   Specimen Details
DOE, JANE                           Paul Ibsen, MD                      Date collected:
DOB: 03/02/1979                     LAKESIDE FAMILY MEDICINE AND SPINE CENTER
                                                                        04/18/2024
Sex: F                              NPI: 1234567890                     Date received: 04/19/2024
Patient ID: 55120                   Notes:
                                                                        04/01/2024
`
	d := Analyze(pagesOf(page))
	found := false
	for i := range d.Lines {
		l := &d.Lines[i]
		for _, m := range l.Dates {
			want := NoLabel
			switch m.Raw {
			case "04/18/2024":
				found, want = true, ServiceLabel
			case "04/01/2024", "03/02/1979", "04/19/2024":
				continue
			}
			if got := LabelBefore(l, m, d.Prev(i)); got != want {
				t.Errorf("%s: label %d, want %d", m.Raw, got, want)
			}
		}
	}
	if !found {
		t.Error("the collection date is not read")
	}
}
