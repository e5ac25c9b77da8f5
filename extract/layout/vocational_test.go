package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestVocationalReport: a vocational expert's report for a claim (the
// client's work history, the physicians' restrictions with the dates of
// the visits that gave them, a transferable skills analysis, the earning
// capacity before and after the injury) is an expert's opinion about the
// records, as a life care plan is: its interview and report dates are no
// visits, and the visits it quotes are the notes' that print them. Both
// its pages are administrative.
func TestVocationalReport(t *testing.T) {
	first := `Summit Vocational Services, LLC                             Vocational Assessment - Jane Doe - Page 1

VOCATIONAL EVALUATION REPORT
Prepared for: Smith & Lane, PA
Client: Jane Doe
Date of birth: 01/02/1980
Date of injury: 02/10/2024
Date of interview: 05/06/2024
Date of report: 05/20/2024
Evaluator: Tom Reyes, MS, CRC

RECORDS REVIEWED
  - Lakeside Orthopaedics
  - Align Physical Therapy

WORK HISTORY
Employer                   Job title (O*NET)                    Strength     Dates                  Wage
Bay Freight                Truck driver (53-3032.00)            Medium       2015 to present        $52,000/yr

MEDICAL RESTRICTIONS
On 03/04/2024, Ann Lee, MD of Lakeside Orthopaedics wrote: "No lifting over 20 pounds; no commercial driving."

TRANSFERABLE SKILLS ANALYSIS
Ms. Doe's past work was at the Medium physical demand level. Within the restrictions above these occupations remain:
   Dispatcher                         43-5032.00        Sedentary        $41,000/yr
`
	second := `Summit Vocational Services, LLC                             Vocational Assessment - Jane Doe - Page 2

EARNING CAPACITY
Pre-injury earning capacity                                              $52,000.00 per year
Post-injury earning capacity                                             $41,000.00 per year
Loss of earning capacity                                                 $11,000.00 per year
Over a work-life expectancy of 20 years                                 $220,000.00

These opinions are held to a reasonable degree of vocational certainty.

Tom Reyes, MS, CRC
Vocational Rehabilitation Counselor
`
	d := Analyze(pagesOf(first, second))
	for i, p := range d.Pages {
		if p.Class != extract.PageAdmin {
			t.Errorf("page %d: class %q, want %q", i+1, p.Class, extract.PageAdmin)
		}
	}
}
