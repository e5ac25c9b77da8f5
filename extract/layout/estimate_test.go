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
