package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestIntakeFormPage: the registration or intake form a patient fills in at
// a first visit (demographics, accident, insurance, physicians, a consent
// and a signature) records no care: its "Today's date" is the day it was
// signed, which a visit dates from its own note. It stays administrative
// when a fax's OCR breaks the release-of-information sentence that
// otherwise marks it ("ret lease"). A therapist's initial intake evaluation
// is a clinical note.
func TestIntakeFormPage(t *testing.T) {
	form := "Northfield Neuropsych Assoc\n\nPatient Intake Form\n\nToday's date: 05/28/2023\n\n" +
		"PATIENT INFORMATION\nLast name: VARGA\n\nFirst name: Ravi\n\nDate of birth: 09/08/1969\n\n" +
		"Sex: F Matital status: D\n\nAddress: 2133 Bay St\n\nCell phone: (555) 555-0169\n\n" +
		"Employer: self-employed\n\nOccupation: warehouse lead\n\n" +
		"Emergency contact: Beatriz Varga                                Phone: (555) 555-0179\n\n" +
		"ACCIDENT / INJURY\nIs your visit related to an injury? [X] Yes []No                    Date of accident: 05/06/2023\n" +
		"(X] Auto [] Work [] Other.                                       Police report filed: [X] Yes\n" +
		"Attorney: Barrett & Quinn, LLP\n\nAttorney fax: (555) 555-0104\n\n" +
		"INSURANCE\nHealth plan: Great Plains Casualty                                Member ID: KHA414561327\n" +
		"Subscriber: Self\n\nGroup #: 697175\n" +
		"Auto carrier: Summit Mutual Insurance                            Claim #: 54-2319885\n" +
		"Adjuster: Rosa Delacroix\n\nAdjuster phone: (555) 555-0149\n\n" +
		"PHYSICIANS\nReferring physician: Tamsin Ortega, FNP-C                       Westbrook Int Med\n" +
		"Primary care physician: Tamsin Ortega, FNP-C                    Reason for visit: memory / concentration problems\n\n" +
		"I consent to evaluation and treatment, authorize the ret lease of information needed to process claims and assign insurance\n" +
		"benefits to the practice. I understand  Iam responsible for charges not paid by insurance.\n\n" +
		"Patient signature: ee                           * Date: 05/28/2023\n"
	ocr := Analyze([]extract.Page{{DocumentID: "d", Number: 1, Source: extract.SourceOCR, Text: form}})
	if got := ocr.Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("faxed intake form: class %q, want %q", got, extract.PageAdmin)
	}
	reg := "Lakeside Chiropractic\nNEW PATIENT REGISTRATION FORM\nDate: 3/4/2024\n" +
		"Name: Dana Reyes   Date of birth: 02/11/1980   Phone: (555) 555-0101\n" +
		"Address: 44 Elm St, Toledo OH\nEmployer: Acme Freight\n" +
		"Were you injured in an accident? Yes   Date of injury: 02/27/2024   Auto\n" +
		"Primary insurance: Buckeye Health Plan   Policy #: BHP-2231\n" +
		"Family doctor: Alan Price, MD\nHow did you hear about us? Attorney\n" +
		"Signature: ____________  Date: 3/4/2024\n"
	if got := Analyze(pagesOf(reg)).Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("registration form: class %q, want %q", got, extract.PageAdmin)
	}
	eval := "Lakeside Physical Therapy\nINITIAL INTAKE EVALUATION\nDate of service: 03/06/2024\n" +
		"SUBJECTIVE\nPatient reports neck pain 6/10 since a rear-end collision on 02/27/2024; intake form reviewed.\n" +
		"OBJECTIVE\nCervical rotation 45 degrees right, 50 left. Tenderness C5-C7 paraspinals.\n" +
		"ASSESSMENT\nS13.4XXA Sprain of ligaments of cervical spine.\n" +
		"PLAN\nTherapeutic exercise and manual therapy 2x/week for 6 weeks.\n"
	if got := Analyze(pagesOf(eval)).Pages[0].Class; got != extract.PageClinical {
		t.Errorf("initial intake evaluation: class %q, want %q", got, extract.PageClinical)
	}
}
