package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestGoodFaithEstimate: the good faith estimate a practice gives a
// self-pay patient before a scheduled service lists the codes and
// expected charges of care to come: an administrative page, no bill and
// no visit. A bill that tells the patient of the right to an estimate
// stays a bill.
func TestGoodFaithEstimate(t *testing.T) {
	gfe := "Riverbend Spine Institute\n1200 Oak Ave, Salem, OR 97301\nPhone (503) 555-0110\n" +
		"                    GOOD FAITH ESTIMATE\nEstimate date: 04/02/2024                      Estimate #: 88123\n" +
		"Patient: Jane Doe      DOB: 01/02/1980\nScheduled date of service: 04/15/2024\n" +
		"Code       Service                                  Qty     Estimated charge\n" +
		"64483      TFESI LUMBAR SINGLE LEVEL                1             1,850.00\n" +
		"77003      FLUORO GUIDE SPINE INJECTION             1               310.00\n" +
		"Total estimated charges                                           $2,160.00\n" +
		"If you are billed for at least $400 more than this Good Faith Estimate, you may start the patient-provider dispute resolution process.\n"
	bill := "Riverbend Spine Institute\n1200 Oak Ave, Salem, OR 97301\nPATIENT STATEMENT\nStatement date: 05/01/2024\n" +
		"Date of service   Code    Description                         Charge\n" +
		"04/15/2024        64483   TFESI LUMBAR SINGLE LEVEL          1,850.00\n" +
		"04/15/2024        77003   FLUORO GUIDE SPINE INJECTION         310.00\n" +
		"Balance due                                                  $2,160.00\n" +
		"You have the right to receive a Good Faith Estimate explaining how much your care will cost.\n"
	if got := Analyze(pagesOf(gfe)).Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("good faith estimate: class %q, want %q", got, extract.PageAdmin)
	}
	if got := Analyze(pagesOf(bill)).Pages[0].Class; got != extract.PageBill {
		t.Errorf("statement that mentions the estimate: class %q, want %q", got, extract.PageBill)
	}
}

// TestCarePlanFinancialAgreement: the care plan and financial agreement a
// chiropractic or therapy office has the patient sign at the report of
// findings prices the visits the plan recommends (visits a week, weeks,
// the fees per visit, the plan's estimated total) and the ways to pay
// them (a prepaid plan, monthly payments, insurance, a letter of
// protection). Its date is the day the plan was agreed: the care it
// prices is yet to come, no visit and no bill line.
func TestCarePlanFinancialAgreement(t *testing.T) {
	for _, title := range []string{"TREATMENT PLAN AND FINANCIAL AGREEMENT", "REPORT OF FINDINGS - CARE PLAN AGREEMENT", "Financial Policy and Care Plan"} {
		page := "Northgate Chiropractic Center\n1068 County Rd 12, Lancaster, PA 17601\nPhone (717) 555-0182\n\n" +
			"                  " + title + "\n" +
			"Patient: Jane Doe                                DOB: 01/02/1980\n" +
			"Date: 05/16/2023                                 Date of injury: 05/06/2023\n" +
			"Condition: Cervical and lumbar sprain/strain following a motor vehicle collision.\n" +
			"RECOMMENDED CARE\nPhase                              Visits/week     Weeks     Visits\n" +
			"Phase 1 - Acute care                3               4         12\n" +
			"Phase 2 - Corrective care           2               4         8\n" +
			"ESTIMATED FEES\nChiropractic visit (adjustment, modalities): 20 x $130.00        $2,600.00\n" +
			"Re-examinations: 2 x $85.00                                     $170.00\n" +
			"Estimated total of the care plan                               $2,770.00\n" +
			"PAYMENT OPTIONS (check one)\n[ ] Prepaid plan: pay the plan in full today and receive a 10% discount.\n" +
			"[ ] Monthly payments: 4 payments of $692.50 a month.\n[X] Letter of protection through the patient's attorney.\n" +
			"Patient signature: Jane Doe (signed)             Date: 05/16/2023\n"
		if got := Analyze(pagesOf(page)).Pages[0].Class; got != extract.PageAdmin {
			t.Errorf("%s: class %q, want %q", title, got, extract.PageAdmin)
		}
	}
}
