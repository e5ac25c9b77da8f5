package rules

import (
	"context"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestAmbulatoryEEGDatedByRecording: an ambulatory (home) EEG runs a day
// or several; its report prints when the recording started and ended,
// the patient's events during it, and the day the neurologist read it.
// The study is the day the patient was hooked up, as a radiology report
// is its exam's day, not its reading's (RECORD-LAYOUTS §7).
func TestAmbulatoryEEGDatedByRecording(t *testing.T) {
	for _, tt := range []struct{ start, end, read string }{
		{"Recording start: 03/04/2024 9:00 AM", "Recording end: 03/06/2024 9:05 AM", "Interpreted by: Lena Ortiz, MD Date: 03/11/2024"},
		{"Date of recording: March 4, 2024", "Disconnect: March 6, 2024", "Electronically signed by Lena Ortiz, MD on March 11, 2024"},
		{"Hook-up: 2024-03-04 08:40", "Study end: 2024-03-06 08:45", "Read by: Lena Ortiz, MD   Date: 2024-03-11"},
	} {
		page := `Riverbend Neurology Associates
120 Main St, Springfield, IL 62701   Phone (217) 555-0110

AMBULATORY EEG REPORT
Patient: DOE, JANE                                DOB: 05/14/1980
MRN: 55012                                        Study #: A-2231
Referring physician: Tom Reyes, MD                Reading physician: Lena Ortiz, MD
Indication: staring spells after a concussion (S06.0X0D); headache (G44.309)
` + tt.start + `
` + tt.end + `
Duration: 48 h
DESCRIPTION
Posterior dominant rhythm of 9.5 Hz, reactive. Normal sleep architecture. No epileptiform discharges.
Patient events
03/05/2024 2:10 PM      dizzy           No EEG change
IMPRESSION
Normal 48-hour ambulatory EEG.

` + tt.read + `
`
		res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: 1}, pagesOf([]string{page}))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := encounterDates(res), "2024-03-04"; got != want {
			t.Errorf("%s: visits %s, want %s", tt.start, got, want)
		}
	}
}
