package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestHospitalDayGrid: a hospital's daily progress notes printed as a grid
// of the stay, one column a hospital day (its "Hospital day N" or "HD N"
// head over the date) and one row a topic, give one encounter per column,
// two columns as well as three, with the pain and who saw the patient;
// the active problems listed under the grid are each day's diagnoses. The
// admission and discharge dates of the header are no visit of the page.
func TestHospitalDayGrid(t *testing.T) {
	tests := []struct {
		name string
		ocr  bool // a scan's OCR text
		page string
		want []string // date pain clinician codes
	}{
		{"two days", false, `Mercy Regional Medical Center                                   HOSPITALIST PROGRESS NOTES
DOE, JANE   DOB 02/03/1981   MRN 448120   Rm 512
Admit date: 03/14/2024   Discharge: 03/16/2024   Attending: Omar Haddad, MD

                     Hospital day 2                 Hospital day 3
Item                 03/15/2024                     03/16/2024

Events overnight     Slept well                     No acute events
Pain score           6                              4
Vitals               Afebrile, BP 128/80            Afebrile, BP 122/78
Exam                 Neck TTP, neuro intact         Ambulating, steady
Plan                 PT eval, oral analgesia        Discharge home, PCP 1 week
Seen by              Omar Haddad, MD                Lena Park, MD

Active problems:
  S13.4XXA Sprain of ligaments of cervical spine, initial encounter
  S06.0X0A Concussion without loss of consciousness, initial encounter
`, []string{"2024-03-15 6 Omar Haddad, MD S13.4XXA,S06.0X0A", "2024-03-16 4 Lena Park, MD S13.4XXA,S06.0X0A"}},
		{"three days, HD heads, day-month dates", false, `ST. ANNE HOSPITAL                                                DAILY NOTES BY DAY
ROE, JOHN   DOB 11-Jan-1966   MRN 7781
Admission date: 04-Jun-2023   D/C date: 07-Jun-2023   Attending: Ivy Chen, DO

                   HD 2                  HD 3                  HD 4
                   05-Jun-2023           06-Jun-2023           07-Jun-2023
Pain (0-10)        7                     5                     3
Assessment         Improving             Improving             Stable for discharge
Rounded by         Ivy Chen, DO          Ivy Chen, DO          Ivy Chen, DO
Problem list
  M54.2 Cervicalgia
`, []string{"2023-06-05 7 Ivy Chen, DO M54.2", "2023-06-06 5 Ivy Chen, DO M54.2", "2023-06-07 3 Ivy Chen, DO M54.2"}},
		// A fax: OCR's specks before the dates' label and after the
		// problems' heading, a speck cell between the dates, a code it
		// could not read opening the list.
		{"scanned", true, `Bayview General Hospital

Hospitalist Daily Notes (grid view)
ROE, JOHN  DOB 08/07/1985 MRN 6802214 Rm 312
Admit date: 03/17/2024 Disch: 03/19/2024 Attending: Tara Pike, MD

.          Hospital day 2                        Hospital day 3
” Topic                    03/18/2024       .                    03/19/2024
Overnight   °              Slept poorly, HA                      No acute events
Pain (0-10)               5                                    3
Plan                      Cont. analgesia, PT eval               D/C home today; PCP 1 wk
Seen by                  Tara Pike, MD     .               Tara Pike, MD

Active problems: °
S06.0XO0A  Concussion without loss of consciousness, initial encounter
S13.4XXA  Sprain of ligaments of cervical spine, initial encounter
`, []string{"2024-03-18 5 Tara Pike, MD S13.4XXA", "2024-03-19 3 Tara Pike, MD S13.4XXA"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extractText(t, tc.page)
			if tc.ocr {
				res = extractOCR(t, tc.page)
			}
			var got []string
			for _, e := range res.Encounters {
				p := -1.0
				if e.PainScore != nil {
					p = *e.PainScore
				}
				var codes []string
				for _, d := range e.Diagnoses {
					codes = append(codes, d.Code)
				}
				got = append(got, fmt.Sprintf("%s %g %s %s", e.Date, p, e.Clinician, strings.Join(codes, ",")))
				if !quoteHasDate(e.Citations[0].Quote, e.Date) {
					t.Errorf("%s: first quote %q does not hold the date", e.Date, e.Citations[0].Quote)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
