package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestFinancialAssistanceDetermination: a hospital's letter that approves
// the patient's application for financial assistance (charity care)
// restates the accounts it writes off (charges, insurance paid, the
// assistance adjustment, the balance left) but bills nothing: the
// hospital's own statement bills those charges. It is an administrative
// page, born-digital or scanned. A hospital statement that prints the
// plain-language summary of its assistance policy under its charges stays
// a bill.
func TestFinancialAssistanceDetermination(t *testing.T) {
	letter := "Riverside General Hospital\nPatient Financial Services\n410 Main St, Dayton, OH 45402\n\n" +
		"March 4, 2024\nMaria Lopez\n22 Elm St\nDayton, OH 45403\n\n" +
		"Notice of Charity Care Approval\n" +
		"Dear Ms. Lopez: We received your application for financial assistance on February 2, 2024 and it was complete on\n" +
		"February 16, 2024. Based on your household size and income (200% of the Federal Poverty Guidelines), you qualify\n" +
		"for a 50% discount on the hospital's charges for the accounts below. Your eligibility runs from 1/5/24 through 1/3/25.\n" +
		"Account    Date(s) of service    Service                  Charges     Ins. paid     FA adj.     Balance\n" +
		"50112233   1/5/24                Emergency department     4,210.00       0.00    (2,105.00)    2,105.00\n" +
		"50119876   1/19/24               Outpatient imaging       1,880.40     300.00      (790.20)      790.20\n" +
		"Totals                                                    6,090.40     300.00    (2,895.20)    2,895.20\n" +
		"If an insurer or another party later pays for this care, the hospital will reverse the adjustment.\n" +
		"Sincerely,\nFinancial Assistance Department\n"
	if got := Analyze(pagesOf(letter)).Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("financial assistance determination: class %q, want %q", got, extract.PageAdmin)
	}
	ocr := Analyze([]extract.Page{{DocumentID: "d", Number: 1, Source: extract.SourceOCR, Text: letter}})
	if got := ocr.Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("scanned financial assistance determination: class %q, want %q", got, extract.PageAdmin)
	}
	stmt := "Riverside General Hospital\n410 Main St, Dayton, OH 45402\nPATIENT STATEMENT\n" +
		"Patient: Maria Lopez    Account: 50112233    Statement date: 02/01/2024\n" +
		"Date        Rev   Code    Description                        Charges\n" +
		"01/05/2024  0450  99284   ED VISIT LEVEL 4                   2,950.00\n" +
		"01/05/2024  0320  72040   XR CERVICAL SPINE 2-3 VIEWS          640.00\n" +
		"01/05/2024  0250          PHARMACY                             620.00\n" +
		"Total charges                                                4,210.00\n" +
		"Amount due                                                   4,210.00\n" +
		"Financial assistance is available. You may qualify based on your household size and income under the\n" +
		"Federal Poverty Guidelines. Ask for our financial assistance policy or an application at 937-555-0100.\n"
	if got := Analyze(pagesOf(stmt)).Pages[0].Class; got != extract.PageBill {
		t.Errorf("hospital statement with its assistance policy summary: class %q, want %q", got, extract.PageBill)
	}
}
