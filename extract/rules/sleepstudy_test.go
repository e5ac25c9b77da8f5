package rules

import (
	"context"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestSleepStudyDatedByItsNight: an attended polysomnogram is recorded
// overnight and read days later; its report labels the night of the
// recording ("Study night:", "Night of study:", "PSG date:") and closes on
// the reading physician's signature with its own date. The study is the
// night the patient slept in the lab (RECORD-LAYOUTS §7: the exam's date,
// not the report's).
func TestSleepStudyDatedByItsNight(t *testing.T) {
	for _, label := range []string{"Study night: 06/27/2023", "Night of study: June 27, 2023", "PSG date: 2023-06-27", "Date of polysomnogram: 06-27-2023"} {
		page := `Lakeview Sleep Center
2400 Industrial Pkwy, Brookfield, WI 53045   Phone (262) 555-0197

DIAGNOSTIC POLYSOMNOGRAM
Patient: DOE, JANE                                  DOB: 01/02/1980   Sex: F
Referring physician: Ann Lee, MD                    Study type: Baseline polysomnogram
` + label + `                         Technologist: Mei Chan, RPSGT
Lights out: 23:10                                   Lights on: 05:40
Indication: insomnia and daytime sleepiness since a motor vehicle collision; post-traumatic headache.
SLEEP ARCHITECTURE
Total sleep time                272 min             Sleep efficiency        72%
IMPRESSION
1. No significant sleep-disordered breathing (AHI 3.4 events/hour).
2. Reduced sleep efficiency, consistent with insomnia (G47.00).

Interpreting physician: Omar Haddad, MD, D.ABSM. Signed 06/30/2023
`
		res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: 1}, pagesOf([]string{page}))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := encounterDates(res), "2023-06-27"; got != want {
			t.Errorf("%s: visits %s, want %s", label, got, want)
		}
	}
}
