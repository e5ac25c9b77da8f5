package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
)

// TestVisitCards reads pages that print visits as cards side by side: each
// card is one encounter with its own date, pain score and clinician, its
// first citation holding its date.
func TestVisitCards(t *testing.T) {
	tests := []struct {
		name string
		page string
		want []string // date pain clinician
	}{
		{"two cards a row, columns in place", `Northgate Chiropractic Clinic                                   TREATMENT SUMMARY
Patient: ROE, JAMIE

 First visit            03/04/2024            Visit 2             03/06/2024
 Pain 8/10 Areas: Lx                          Pain 7/10 Areas: Lx
 Tx: 98940, 97012                             Tx: 98940, 97012
 Clinician: KM                                Clinician: TL

 Visit 3                03/11/2024            Visit 4             03/13/2024
 Pain 6/10                                    Pain 5/10
 Clinician: TL                                Clinician: KM

 Visit 5                03/18/2024
 Pain 4/10
 Clinician: KM

KM = Kara Moss, DC; TL = Theo Lind, DC
`, []string{"2024-03-04 8 Kara Moss, DC", "2024-03-06 7 Theo Lind, DC", "2024-03-11 6 Theo Lind, DC",
			"2024-03-13 5 Kara Moss, DC", "2024-03-18 4 Kara Moss, DC"}},
		{"three cards a row, OCR gaps", `Northgate Chiropractic Clinic    TREATMENT SUMMARY
DOS: 05/01/2024          DOS: 05/03/2024          DOS: 05/06/2024
Pain 6/10          Pain 5/10          Pain 3/10
Clinician: KM          Clinician: KM          Clinician: TL
KM = Kara Moss, DC; TL = Theo Lind, DC
`, []string{"2024-05-01 6 Kara Moss, DC", "2024-05-03 5 Kara Moss, DC", "2024-05-06 3 Theo Lind, DC"}},
		{"labelled dates, a lone card ends the page", `RIVERBEND PHYSICAL THERAPY                          DAILY VISIT NOTES
 Initial visit          DOS 7/1/24    Visit 2          DOS 7/3/24
 Pain 7/10 Tx: 97161, 97110          Pain 6/10 Tx: 97110, 97140
 Clinician: AB                       Clinician: AB
 Visit 3                DOS 7/8/24    Visit 4          DOS 7/10/24
 Pain 5/10                           Pain 5/10
 Clinician: AB                       Clinician: AB
 Visit 5                DOS 7/12/24
 Pain 4/10
AB = Ana Brook, DPT
`, []string{"2024-07-01 7 Ana Brook, DPT", "2024-07-03 6 Ana Brook, DPT", "2024-07-08 5 Ana Brook, DPT",
			"2024-07-10 5 Ana Brook, DPT", "2024-07-12 4 "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractText(t, tt.page)
			var got []string
			for _, e := range res.Encounters {
				pain := "-"
				if e.PainScore != nil {
					pain = fmt.Sprint(*e.PainScore)
				}
				got = append(got, fmt.Sprintf("%s %s %s", e.Date, pain, e.Clinician))
				if q := e.Citations[0].Quote; !strings.Contains(q, fmt.Sprintf("%d/%d/", int(e.Date.Month), e.Date.Day)) && !strings.Contains(q, fmt.Sprintf("%02d/%02d/", int(e.Date.Month), e.Date.Day)) {
					t.Errorf("%s: first quote %q does not hold the date", e.Date, q)
				}
				if e.VisitType != "chiropractic" && e.VisitType != "physical therapy" {
					t.Errorf("%s: visit type %q", e.Date, e.VisitType)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestCardHeadsRejects(t *testing.T) {
	// Rows with two dates that are no row of cards.
	for _, s := range []string{
		"03/04/2024   98940   Pain 6/10   Next visit   03/11/2024",
		"Date of injury: 01/02/2024    Date of birth: 04/05/1980 signed",
		"Date of injury: 01/02/2024    Date of birth: 04/05/1980",
		"Signed 03/12/2024          Printed 03/14/2024",
		"Visit 2    pending    Visit 3    03/02/2024",
		"Statement date 02/01/2024     Due 03/01/2024     Amount 120.00",
	} {
		if h := layout.CardHeads(s, dates.FindAll(s)); h != nil {
			t.Errorf("CardHeads(%q) = %v, want none", s, h)
		}
	}
}
