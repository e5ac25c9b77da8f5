package rules

import "testing"

// TestMeasurementNotesByToday: a therapy clinic's range of motion notes,
// one a page, date each measurement visit with "Today:" (a form's
// "Today's date"), the earlier measurements' dates printed as columns of
// the table: each page is the visit of its own day, not the earlier
// columns' nor the injury's.
func TestMeasurementNotesByToday(t *testing.T) {
	head := "Harbor Hand & Upper Extremity Therapy                                   RANGE OF MOTION\n" +
		"Patient: DOE, JANE   DOB: 01/02/1980   DOI: 01/20/2024\n"
	p1 := head + `Today: 02/05/2024                                  Therapist: Lena Ortiz, OTR/L
Motion (degrees)        Normal     Today         Change
Wrist flexion           80         45            +0
Wrist extension         70         40            +0
Pain (NPRS): 6/10
Lena Ortiz, OTR/L   Signed: 02/05/2024
`
	p2 := head + `Today: 03/11/2024                                  Therapist: Lena Ortiz, OTR/L
Motion (degrees)        Normal     02/05/2024    Today       Change
Wrist flexion           80         45            62          +17
Wrist extension         70         40            55          +15
Pain (NPRS): 4/10
Compared with the initial measurements of 02/05/2024.
Lena Ortiz, OTR/L   Signed: 03/11/2024
`
	p3 := "Harbor Hand & Upper Extremity Therapy\nRE-MEASUREMENT NOTE\n" +
		"Patient: DOE, JANE   DOB: 1/2/80   DOL: 1/20/24\n" + `Today's date: 4/15/24                              Therapist: Lena Ortiz, OTR/L
Motion (degrees)        Normal     2/5/24     3/11/24     Today      Change
Wrist flexion           80         45         62          71         +26
Wrist extension         70         40         55          63         +23
Pain (NPRS): 2/10
Lena Ortiz, OTR/L   Signed: 4/15/24
`
	for _, ocr := range []bool{false, true} {
		var got string
		if ocr {
			got = encounterDates(extractOCR(t, p1, p2, p3))
		} else {
			got = encounterDates(extractText(t, p1, p2, p3))
		}
		if got != "2024-02-05 2024-03-11 2024-04-15" {
			t.Errorf("ocr %v: visits %q, want 2024-02-05 2024-03-11 2024-04-15", ocr, got)
		}
	}
}
