package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestCaseManagerReport: a nurse case manager, hired by the insurer of a
// claim (workers' compensation, no-fault, a liability carrier), reports to
// the adjuster each month: the claim, the reporting period, the
// appointments the claimant attended and those to come, barriers to
// recovery and the case management plan. It provides no care, and the
// visits it lists are each documented by the treating provider's own
// note: an administrative page. A hospital's case management note, the
// discharge planning of a stay, is a record of the stay.
func TestCaseManagerReport(t *testing.T) {
	report := "Northstar Case Management Services\n" +
		"NURSE CASE MANAGEMENT PROGRESS REPORT\n\n" +
		"Report date: 04/05/2024                    Period covered: 03/01/2024 - 03/31/2024\n" +
		"Claimant: Jane Doe                         DOB: 05/14/1980\n" +
		"Date of injury: 01/12/2024                 Claim number: WC-448812\n" +
		"Adjuster: Tom Reyes                        Insurer: Great Lakes Mutual\n" +
		"Nurse case manager: Ann Cole, RN, CCM\n\n" +
		"Treatment during this period\n" +
		"Date          Provider                          Clinician             Status\n" +
		"03/04/2024    Riverbend Physical Therapy        Lena Ortiz, PT        attended\n" +
		"03/07/2024    Riverbend Physical Therapy        Lena Ortiz, PT        attended\n" +
		"03/12/2024    Lakeside Orthopedics              Carl Bell, MD         attended; MRI ordered\n" +
		"03/19/2024    Riverbend Physical Therapy        Lena Ortiz, PT        attended\n\n" +
		"Upcoming appointments\n" +
		"04/10/2024 - Lakeside Orthopedics, follow-up\n\n" +
		"Barriers to recovery: transportation.\n" +
		"Case management plan: attend the orthopedic follow-up; obtain work status; next report in 30 days.\n" +
		"Ann Cole, RN, CCM\n"
	stay := "Saint Luke's Regional Hospital\n" +
		"CASE MANAGEMENT NOTE\n" +
		"Admit date: 05/06/2023          Unit: 6 West\n" +
		"Case manager: Ann Cole, RN\n" +
		"Assessment: lives alone, independent before admission; needs a walker.\n" +
		"Discharge plan: home with home health PT; DME walker ordered.\n" +
		"Plan: follow up with PCP in 1 week.\n"
	// The same report as a list of lines, and as a table whose dates wrap
	// in their column, with the diagnoses the case manager follows and
	// the claimant's work status.
	list := "Keystone Nurse Case Management, LLC                         Page 1\n" +
		"FIELD CASE MANAGEMENT REPORT\n\n" +
		"Report date: April 5, 2024                 Reporting period: March 1, 2024 - March 31, 2024\n" +
		"Claimant: Jane Doe                         DOB: May 14, 1980\n" +
		"Date of injury: January 12, 2024           Claim #: PA-22918\n" +
		"Adjuster: Tom Reyes                        Carrier: Great Lakes Mutual\n" +
		"Case manager: Ann Cole, RN, CCM\n" +
		"Diagnoses followed: lumbar strain; left shoulder sprain.\n" +
		"Medical appointments this period\n" +
		"March 4, 2024 - Riverbend Physical Therapy (Lena Ortiz, PT): attended; progressing\n" +
		"March 12, 2024 - Lakeside Orthopedics (Carl Bell, MD): attended; MRI ordered\n" +
		"March 19, 2024 - Riverbend Physical Therapy (Lena Ortiz, PT): attended; progressing\n" +
		"March 26, 2024 - Valley Imaging Center (Rosa Diaz, MD): study completed\n" +
		"Upcoming appointments\n" +
		"April 10, 2024 - Lakeside Orthopedics, follow-up\n" +
		"Work status: modified duty, no lifting over 10 lb.\n" +
		"Barriers to recovery:\nChildcare during appointments.\n" +
		"Case management plan:\nObtain the MRI report; next report in 30 days.\n" +
		"Ann Cole, RN, CCM\nNurse Case Manager\n"
	wrapped := "Keystone Nurse Case Management, LLC                         Page 1\n" +
		"MONTHLY CASE MANAGEMENT SUMMARY\n\n" +
		"Report date: April 5, 2024                 Reporting period: March 1, 2024 - March 31, 2024\n" +
		"Claimant: Jane Doe                         DOB: May 14, 1980\n" +
		"Date of injury: January 12, 2024           Claim #: PA-22918\n" +
		"Adjuster: Tom Reyes                        Carrier: Great Lakes Mutual\n" +
		"Case manager: Ann Cole, RN, CCM\n\n" +
		"Diagnoses followed: lumbar strain; left shoulder sprain.\n\n" +
		"APPOINTMENTS ATTENDED THIS PERIOD\n" +
		"Date          Provider                           Clinician                Outcome\n\n" +
		"March 4,      RIVERBEND PHYSICAL THERAPY         Lena Ortiz, PT           attended therapy\n" +
		"2024\n" +
		"March 12,     Lakeside Orthopedics               Carl Bell, MD            attended; MRI ordered\n" +
		"2024\n" +
		"March 19,     Riverbend Physical Therapy         Lena Ortiz, PT           attended therapy\n" +
		"2024\n" +
		"March 26,     VALLEY IMAGING CENTER OF           Rosa Diaz, MD            study completed\n" +
		"2024          SPRINGFIELD\n\n" +
		"Work status: modified duty, no lifting over 10 lb.\n" +
		"Barriers to recovery:\nChildcare during appointments.\n" +
		"Case management plan:\nObtain the MRI report; next report in 30 days.\n" +
		"Ann Cole, RN, CCM\nNurse Case Manager\n"
	for _, tt := range []struct {
		name, text, class string
	}{
		{"case manager's report to the claim", report, extract.PageAdmin},
		{"report listing its appointments", list, extract.PageAdmin},
		{"report whose dates wrap", wrapped, extract.PageAdmin},
		{"hospital case management note", stay, extract.PageClinical},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(pagesOf(tt.text))
			if got := d.Pages[0].Class; got != tt.class {
				t.Errorf("class %q, want %q", got, tt.class)
			}
		})
	}
}
