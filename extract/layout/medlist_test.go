package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// TestMedicationList: an EHR's medication list prints each drug with the
// dates it was started, last filled and stopped, as a table or with the
// dates under each drug. None of them is a visit: the page records no
// care, as a problem list records none. An office note that lists the
// current medications among its sections is still a note.
func TestMedicationList(t *testing.T) {
	tests := []struct {
		name, text, class string
	}{
		{"table, all medications", "Westbrook Family Medicine\n6952 Industrial Pkwy, Cedar Falls, IA 50613\n\n" +
			"Medication List - All (Active and Inactive)                         Current as of 2024-05-24\n" +
			"DOE, JANE         DOB: 1980-01-02     MRN: 771711\n\nAllergies: Codeine (nausea)\n" +
			"Medication                           Start         Prescriber               Last filled    Stopped\n\n" +
			"Lisinopril 10 mg tablet              2017-03-30    Ann Lee, FNP-C           2024-05-17\n" +
			"  Sig: Take 1 tablet by mouth once daily Status: Active\n" +
			"Cyclobenzaprine 10 mg tablet         2023-12-06    Rita Fox, MD             2023-12-07     2023-12-17\n" +
			"  Sig: Take 1 tablet by mouth 3 times daily as needed Status: Discontinued\n" +
			"Meloxicam 15 mg tablet               2023-12-18    Al Winslow, MD           2024-04-22\n" +
			"  Sig: Take 1 tablet by mouth once daily with food Status: Active\n" +
			"Gabapentin 300 mg capsule            2024-01-22    Lu Delacroix, DO         2024-04-26\n" +
			"  Sig: Take 1 capsule by mouth 3 times daily Status: Active\n", extract.PageOther},
		{"current medications, dates under each drug", "Lakeview Family Medicine\n\nCURRENT MEDICATIONS                                As of 04/02/2024\n" +
			"DOE, JANE        DOB: 01/02/1980        MRN: 445566\n\n" +
			"Lisinopril 10 mg tablet, once daily\n   Started: 03/30/2017   Last filled: 03/17/2024\n" +
			"Ibuprofen 800 mg tablet, every 8 hours as needed\n   Started: 12/06/2023   Stopped: 12/18/2023\n" +
			"Gabapentin 300 mg capsule, three times daily\n   Started: 01/22/2024   Last filled: 03/26/2024\n", extract.PageOther},
		{"office note with its medications", "Lakeview Family Medicine\nOFFICE VISIT\nDate of service: 04/02/2024\n" +
			"CHIEF COMPLAINT: Neck pain after a collision.\nCURRENT MEDICATIONS: Lisinopril 10 mg daily; gabapentin 300 mg TID.\n" +
			"EXAM: Tenderness C5-C7.\nASSESSMENT: Cervical strain, improving.\nPLAN: Physical therapy; return in 4 weeks.\n", extract.PageClinical},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(pagesOf(tt.text))
			if got := d.Pages[0].Class; got != tt.class {
				t.Errorf("class %q, want %q", got, tt.class)
			}
		})
	}
}

// TestCardHeadsOfMedicationDates: a drug's start, fill and stop dates side
// by side make no row of visit cards.
func TestCardHeadsOfMedicationDates(t *testing.T) {
	for _, row := range []string{"   Started: 12/06/2023   Stopped: 12/18/2023", "   Started: 01/22/2024   Last filled: 03/26/2024"} {
		if got := CardHeads(row, dates.FindAll(row)); got != nil {
			t.Errorf("%q: %d cards, want none", row, len(got))
		}
	}
}
