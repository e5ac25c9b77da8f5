package rules

import (
	"testing"
)

// TestPreoperativeClearance: a primary care physician's pre-operative
// evaluation prints its own visit's date beside the date of the
// operation it clears the patient for (under a label an operative
// report's date of service takes: "Date of surgery", "Planned DOS", or
// "DOS" after the procedure's name), and the dates its work-up was done
// ("Labs drawn 03/02/2024"). It is one office visit, on the day of the
// evaluation.
func TestPreoperativeClearance(t *testing.T) {
	pages := []string{`Maple Grove Family Medicine
410 Elm St, Dayton, OH 45402   Phone (937) 555-0110
PREOPERATIVE EVALUATION
Patient: Jane Roe                                   DOB: 01/02/1980
Visit date: 03/05/2024                              Provider: Ann Lee, MD
Surgeon: Paul Kim, MD                               Date of injury: 01/15/2024
Proposed procedure: right knee arthroscopy          Date of surgery: 03/20/2024
HPI: Pre-operative evaluation before knee arthroscopy requested by Dr. Kim.
Vitals: BP 124/78  HR 72  Pain 5/10
Studies: Labs drawn 03/02/2024: CBC and BMP normal. ECG 03/02/2024 sinus rhythm.
Assessment: S83.241D Tear of medial meniscus, right knee. Z01.818 Pre-procedural examination.
Plan: Cleared for surgery.
Electronically signed by Ann Lee, MD on 03/06/2024 09:12
`, `Maple Grove Family Medicine
410 Elm St, Dayton, OH 45402   Phone (937) 555-0110
Pre-op Clearance
Patient: Jane Roe                                   DOB: 01/02/1980
DOS: 03/05/2024                                     Provider: Ann Lee, MD
Procedure: L4-5 microdiscectomy                     Planned DOS: 03/20/2024
HPI: Pre-operative evaluation before microdiscectomy.
Assessment: M51.16 Lumbar disc disorder with radiculopathy.
Plan: Cleared for surgery.
`, `Maple Grove Family Medicine
410 Elm St, Dayton, OH 45402   Phone (937) 555-0110
Pre-op Clearance
Patient: Jane Roe                                   DOB: 01/02/1980
DOS: 03/05/2024                                     Provider: Ann Lee, MD
Procedure: L4-5 microdiscectomy DOS: 03/20/2024
HPI: Pre-operative evaluation before microdiscectomy.
Assessment: M51.16 Lumbar disc disorder with radiculopathy.
Plan: Cleared for surgery.
`}
	for i, page := range pages {
		for _, scan := range []bool{false, true} {
			res := extractText(t, page)
			if scan {
				res = extractOCR(t, page)
			}
			if len(res.Encounters) != 1 {
				var got []string
				for _, e := range res.Encounters {
					got = append(got, e.Date.String())
				}
				t.Errorf("page %d scan %v: encounters %v, want one on 2024-03-05", i, scan, got)
				continue
			}
			e := res.Encounters[0]
			if e.Date.String() != "2024-03-05" || e.VisitType != "office visit" {
				t.Errorf("page %d scan %v: %s %q, want 2024-03-05 office visit", i, scan, e.Date, e.VisitType)
			}
		}
	}
}
