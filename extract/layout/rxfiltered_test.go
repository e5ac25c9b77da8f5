package layout

import (
	"testing"

	"github.com/medchron/medchron/internal/rxfilter"
)

// TestHotRegexpsFiltered: the expressions the layout reader runs on most
// lines skip, by their literals, the lines they cannot match (a CPU
// profile of the born-digital bench bundle put them among its costliest).
func TestHotRegexpsFiltered(t *testing.T) {
	for name, re := range map[string]*rxfilter.Regexp{
		"reMonthYear": reMonthYear, "reStoreNumber": reStoreNumber, "rePharmacyName": rePharmacyName,
		"reDateAndHour": reDateAndHour, "reFacilityLabel": reFacilityLabel,
	} {
		if !re.Filtered() {
			t.Errorf("%s has no literal filter", name)
		}
	}
}
