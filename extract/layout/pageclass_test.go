package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestMedicationAdministrationRecord: a MAR prints one row per medication
// order (drug, dose, route, frequency) under the hours of the day across
// the page, with the initials of the nurse who gave each dose; its
// administration date, admission date and attending say when and where,
// yet the page records doses given, no visit. A note that lists the same
// orders, or a nursing record that gives a dose at a time in each row, is
// still a note.
func TestMedicationAdministrationRecord(t *testing.T) {
	mar := func(title, dateLabel, hours string) string {
		return "Saint Luke's Regional Hospital                                     " + title + "\n" +
			"Patient: DOE, JANE                              MRN: 273067                  Acct: 37686559\n" +
			"DOB: 09/08/1969                                 Admission Date: 05/06/2023   Allergies: NKDA\n" +
			"Attending: Ann Lee, MD                          " + dateLabel + " 05/07/2023         Period: 0700-0659\n\n" +
			"Medication / dose / route / frequency     " + hours + "\n\n" +
			"Acetaminophen 650 mg PO q6h               SCH      CC             CC                 CB\n\n" +
			"Cyclobenzaprine 5 mg PO TID               SCH      MY             CC\n\n" +
			"Ketorolac 15 mg IV q6h PRN pain 6-10      PRN               MY\n\n" +
			"Legend: initials = given. Nurses: MY = Mary Yates, RN; CC = Carl Cole, LPN; CB = Cora Bell, LPN\nPage 2 of 3\n"
	}
	tests := []struct {
		name, text, class string
	}{
		{"MAR, hours as four digits", mar("MAR - 24 HOUR", "MAR Date:", "0900     1200    1500    1800   2100    0000     0300      0600"), extract.PageOther},
		{"eMAR, hours with colons", mar("eMAR Summary Report", "Administration Date:", "09:00    12:00   15:00   18:00  21:00   00:00    03:00     06:00"), extract.PageOther},
		{"discharge summary listing its orders", "Saint Luke's Regional Hospital\nDISCHARGE SUMMARY\nAdmission Date: 05/06/2023   Discharge Date: 05/08/2023\n" +
			"HOSPITAL COURSE: Admitted for observation after a collision; pain controlled.\nDISCHARGE MEDICATIONS:\n" +
			"Acetaminophen 650 mg PO q6h PRN pain\nCyclobenzaprine 5 mg PO TID\nDISCHARGE DIAGNOSES: Cervical strain (S13.4XXA).\nFOLLOW-UP: Primary care in 1 week.", extract.PageClinical},
		{"nursing record, a dose at a time in each row", "Saint Luke's Regional Hospital\nEMERGENCY DEPARTMENT NURSING RECORD\nArrival: 05/06/2023 1432\n" +
			"Chief complaint: neck pain after MVC.\nTime    Medication                      Initials\n" +
			"1450    Ketorolac 15 mg IV              MY\n1530    Ondansetron 4 mg IV             MY\n" +
			"Assessment: pain 7/10, neuro intact.\nDisposition: discharged home 1745.", extract.PageClinical},
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
