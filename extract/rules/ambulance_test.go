package rules

import "testing"

// TestAmbulanceRunIncidentDate: an ambulance service's run report is dated
// by its incident (the day the crew came); elsewhere an incident or injury
// date is never the visit's.
func TestAmbulanceRunIncidentDate(t *testing.T) {
	run := "Lakeshore County Emergency Medical Services                     PREHOSPITAL CARE REPORT\n" +
		"Incident #: 2024-5531   Unit: Medic 7   Incident Date: 03-09-2024          Patient: DOE, JANE\n" +
		"Name: DOE, JANE          DOB: 01-02-1980\n" +
		"Chief complaint: Neck pain after motor vehicle collision\n" +
		"Primary impression: Cervicalgia\n"
	res := extractText(t, run)
	if len(res.Encounters) != 1 || res.Encounters[0].Date.String() != "2024-03-09" {
		t.Fatalf("run report: %+v", res.Encounters)
	}
	clinic := "Harbor Family Practice\nOFFICE VISIT\nPatient: Jane Doe   DOB: 01/02/1980\n" +
		"Date of injury: 03/09/2024          Date of Service: 03/20/2024\n" +
		"Chief complaint: neck pain since the collision.\n"
	res = extractText(t, clinic)
	if len(res.Encounters) != 1 || res.Encounters[0].Date.String() != "2024-03-20" {
		t.Fatalf("office visit: %+v", res.Encounters)
	}
}
