package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// lifeCarePlanPages are a life care plan's first two pages, as a
// certified life care planner writes one for a claim: the care to date,
// told from the records reviewed, then the care the client will need,
// item by item, with its frequency, its duration and its unit, annual
// and lifetime costs.
var lifeCarePlanPages = []string{
	`Cascade Rehabilitation Consultants                                   Life Care Plan - Jane Doe - Page 1
                                LIFE CARE PLAN
                                Prepared for: Smith & Lowe, P.C.
                                Client: Jane Doe
                                Date of injury: 3/2/23
                                Report date: 11/30/23
                                Prepared by: Ann Roe, RN, CLCP

SUMMARY OF MEDICAL TREATMENT TO DATE
Ms. Doe was injured on 3/2/23 in a rear-end collision. The records reviewed show the following care:
   3/2/23 Mercy General Hospital, Tom Hale, MD: emergency visit
   3/9/23 Northgate Orthopaedics, Lee Park, MD: consultation
   3/14/23 Align Physical Therapy, Kim Yu, DPT: physical therapy
   3/16/23 Align Physical Therapy, Kim Yu, DPT: physical therapy

Life expectancy: 35 additional years (CDC life tables).
Costs are in today's dollars, from regional usual and customary charges.

PHYSICIAN SERVICES
Item (code)                                         Frequency       Duration                Unit cost       Annual         Lifetime
Physiatry / pain management follow-up (99214)       4x/yr           35 yrs                    240.00         960.00       33,600.00
Orthopaedic re-evaluation (99213)                   1x/yr           5 yrs                     170.00         170.00          850.00
                                                    Subtotal, physician services                                         $34,450.00

THERAPIES
Item (code)                                         Frequency       Duration                Unit cost       Annual         Lifetime
Physical therapy, flare-up courses (97110)          12x/yr          35 yrs                    103.00       1,236.00       43,260.00
                                                    Subtotal, therapies                                                  $43,260.00
`,
	`Cascade Rehabilitation Consultants                                   Life Care Plan - Jane Doe - Page 2
DIAGNOSTIC TESTING
Item (code)                                       Frequency        Duration                 Unit cost       Annual         Lifetime
MRI cervical spine without contrast (72141)       every 5 yrs     35 yrs                    2,352.00         470.40       16,464.00
                                                  Subtotal, diagnostic testing                                           $16,464.00

INTERVENTIONAL PROCEDURES
Item (code)                                       Frequency        Duration                 Unit cost       Annual         Lifetime
Radiofrequency ablation, cervical medial          1x/yr            35 yrs                   4,200.00       4,200.00      147,000.00
 branches (64633)
                                                  Subtotal, interventional procedures                                   $147,000.00

MEDICATIONS
Item (code)                                       Frequency        Duration                 Unit cost       Annual         Lifetime
Gabapentin 300 mg TID (monthly supply)            12x/yr           35 yrs                       31.00        372.00       13,020.00
                                                  Subtotal, medications                                                  $13,020.00

GRAND TOTAL, FUTURE MEDICAL CARE                                                                                       $220,934.00

The opinions above are held to a reasonable degree of life care planning certainty.

Ann Roe, RN, CLCP
Certified Life Care Planner, Cascade Rehabilitation Consultants
`,
}

// TestLifeCarePlan: a life care plan projects the costs of care to come
// (frequency, duration, unit, annual and lifetime costs): its coded items
// are no bill's lines and its pages no visit, the second page as the
// first. A physician's note that plans future care, or a bill, is still
// what it is.
func TestLifeCarePlan(t *testing.T) {
	d := Analyze(pagesOf(lifeCarePlanPages...))
	for i, p := range d.Pages {
		if p.Class != extract.PageAdmin {
			t.Errorf("life care plan page %d: class %q, want %q", i+1, p.Class, extract.PageAdmin)
		}
	}
	note := "Northgate Orthopaedics\nPROGRESS NOTE\nDate of service: 11/02/2023\n" +
		"SUBJECTIVE: Neck pain 5/10 since the collision of 3/2/23.\nOBJECTIVE: Cervical rotation limited 20 degrees.\n" +
		"ASSESSMENT: Cervical strain (S13.4XXA); she will need future medical care, a life care plan was discussed.\n" +
		"PLAN: Physical therapy 12 visits; follow up in 6 weeks.\n"
	if got := Analyze(pagesOf(note)).Pages[0].Class; got != extract.PageClinical {
		t.Errorf("note that plans future care: class %q, want %q", got, extract.PageClinical)
	}
}
