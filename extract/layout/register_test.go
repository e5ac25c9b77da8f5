package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestRegisterReceiptWithoutAmounts: a walk-in clinic's register receipt
// whose column of amounts a fax's OCR lost altogether still prints the
// register's words (subtotal, total, the card's approval code, change due,
// the cashier): it bills, it records no visit, however its date of service
// and provider lines read. A visit note that mentions a co-pay collected
// stays clinical.
func TestRegisterReceiptWithoutAmounts(t *testing.T) {
	receipt := "RECEIPT (REPRINT)\n\nPINE RIDGE WALK-IN CLINIC\n118 Main St, Dayton, OH 45402\n(937) 555-0100\n\n" +
		"PATIENT RECEIPT - SELF PAY\n\nDate of service: 2024-03-05\nPatient: DOE, JANE  Acct 5521\nProvider: Ann Lee, PA-C\n" +
		"OFFICE VISIT EST\nKENALOG INJ 10MG\nACE WRAP 4 INCH\nSUBTOTAL\nSELF-PAY DISCOUNT (20%)\nTOTAL\nDEBIT *1234\n" +
		"APPROVAL CODE: 44120A  CHIP\nCHANGE DUE\nBALANCE\n\n2024-03-05 16:12  REG 1  TRN 0420\nCashier: AL\nKeep for your records.\nTHANK YOU\n"
	ocr := Analyze([]extract.Page{{DocumentID: "d", Number: 1, Source: extract.SourceOCR, Text: receipt}})
	if got := ocr.Pages[0].Class; got != extract.PageBill {
		t.Errorf("register receipt without amounts: class %q, want %q", got, extract.PageBill)
	}
	note := "PINE RIDGE WALK-IN CLINIC\nOFFICE VISIT\nDate of service: 03/05/2024\nProvider: Ann Lee, PA-C\n" +
		"Chief complaint: neck pain after a motor vehicle collision on 03/01/2024.\n" +
		"HPI: Pain 6/10, worse turning the head. No numbness.\nExam: Tenderness of the paraspinals, full strength.\n" +
		"Assessment: Cervical strain (S16.1XXA).\nPlan: Ice, NSAIDs, return in 2 weeks. Copay collected at the front desk; change due none.\n"
	if got := Analyze(pagesOf(note)).Pages[0].Class; got != extract.PageClinical {
		t.Errorf("visit note: class %q, want %q", got, extract.PageClinical)
	}
}
