package layout

import "testing"

// TestDatedNoteHeadings: a note heading that prints its day, on its own
// line or alone above it, is a title and dates its note; a dated study in
// a list of studies reviewed, a table row and a lab value's date are not.
func TestDatedNoteHeadings(t *testing.T) {
	tests := []struct {
		line    string
		title   bool
		service string
	}{
		{"12/07/2023 09:40 Progress Note - Ann Lee, MD", true, "2023-12-07"},
		{"2024-03-05 0715 Consult Note by Ann Lee, MD", true, "2024-03-05"},
		{". 3/6/2024 7:15 AM Progress Note - Ann Lee, MD", true, "2024-03-06"},
		{"Sep 29, 2024 13:37. Progress Note - Ann Lee, DO", true, "2024-09-29"}, // OCR's speck after the time
		{"26-Dec-2023 MRI CERVICAL SPINE", false, ""},
		{"03/05/2024     Office visit     99213     150.00", false, ""},
		{"Labs 12/06/2023: WBC 6.8, Hgb 13.2", false, ""},
	}
	for _, tc := range tests {
		d := Analyze(pagesOf("Mercy General Hospital\nPatient: DOE, JANE\n" + tc.line))
		l := d.Lines[2]
		got := ""
		if l.HasService {
			got = l.Service.String()
		}
		if (l.Title != "") != tc.title || got != tc.service {
			t.Errorf("%q: title %q, date of service %q; want title %v, date %q", tc.line, l.Title, got, tc.title, tc.service)
		}
	}
	d := Analyze(pagesOf("Mercy General Hospital\nAdmit Date: 03-04-2024\n== 03-05-2024 ==\nDaily Progress Note (Ann Lee, MD)\nSubjective"))
	if l := d.Lines[2]; !l.HasService || l.Service.String() != "2024-03-05" {
		t.Errorf("the day above the heading: date of service %v %s", l.HasService, l.Service)
	}
}

// TestTitlesByShape: a title in capitals the list of known titles lacks
// is read by its shape, a few words and then the kind of record; a
// report's status line, a section heading and a label are not titles.
func TestTitlesByShape(t *testing.T) {
	tests := []struct {
		line, title string
	}{
		{"NEUROSURGICAL CONSULTATION", "NEUROSURGICAL CONSULTATION"},
		{"SPINE SURGERY CONSULTATION - SECOND OPINION", "SPINE SURGERY CONSULTATION"},
		{"PAIN PSYCHOLOGY EVALUATION", "PAIN PSYCHOLOGY EVALUATION"},
		{". _ NARRATIVE REPORT .", "NARRATIVE REPORT"},                                                                       // OCR's specks around it
		{".EMERGENCY DEPARTMENT RECORD                                     DOB: 09-Mar-1990", "EMERGENCY DEPARTMENT RECORD"}, // a speck glued to it
		{"PRIOR FINAL REPORT", ""},
		{"DOE, JANE, CONFIDENTIAL NEUROPSYCHOLOGICAL REPORT - 01/29/2024", ""}, // a running header
		{"AMENDED REPORT - ADDENDUM", ""},
		{"PHYSICAL EXAMINATION", ""},
		{"VISIT NOTE: see attached", ""},
		{"Neurosurgical consultation was requested", ""},
	}
	for _, tc := range tests {
		d := Analyze(pagesOf("Mercy Brain and Spine\nPatient: DOE, JANE\n" + tc.line))
		if got := d.Lines[2].Title; got != tc.title {
			t.Errorf("%q: title %q, want %q", tc.line, got, tc.title)
		}
	}
}
