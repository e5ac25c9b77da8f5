package rules

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestIntakeFormOCR: a practice's patient intake form, faxed, whose
// consent OCR misread ("authorize the retease of information", "assign
// insurance beriefits"): still a form the patient fills in, an
// administrative page, its "Today's date" no visit, as is the same form
// printed as a text layer, spelled right.
func TestIntakeFormOCR(t *testing.T) {
	page := `Northgate Cognitive Services
Patient Intake Form

Today's date: 10/11/23

PATIENT INFORMATION
Last name: DOE                                        First name: Jane
Date of birth: 2/3/81                                        Sex:F  Marital status: S
Address: 12 Elm St                                     Cell phone: (555) 555-0168
Employer: Tri-State Distribution                                  Occupation: clerk
Emergency contact: John Doe                              Phone: (555) 555-0190

ACCIDENT / INJURY
Is your visit related to an injury? [X] Yes [] No                    Date of accident: 9/23/23
[X] Auto [] Work [] Other                                        Police report filed: [X] Yes
Attorney: Whitcombe Law Group °                           Attorney fax: (555) 555-0198

INSURANCE
Health plan: Summit Mutual Insurance                            Member ID: KHA932252730
Subscriber: Self                   .                              Group #: 425688
Auto carrier: Great Plains Casualty                               Claim #: 53-5176997

PHYSICIANS
Referring physician: Ann Lee, PA-C                      LAKESIDE INTERNAL MEDICINE ASSOCIATES
'| Primary care physician: Ann Lee, PA-C                   Reason for visit: memory / concentration problems

I consent to evaluation and treatment, authorize the retease of information needed to process claims and assign insurance
beriefits to the practice. I understand Iam responsible for charges not paid by insurance.

Patient signature: Date: 10/11/23
`
	for _, ocr := range []bool{true, false} {
		var res extract.Result
		if ocr {
			res = extractOCR(t, page)
		} else {
			res = extractText(t, strings.NewReplacer("retease", "release", "beriefits", "benefits").Replace(page))
		}
		if len(res.Encounters) != 0 {
			t.Errorf("ocr %v: %d encounters (%s), want none", ocr, len(res.Encounters), res.Encounters[0].Date)
		}
		if c := res.Pages[0].Class; c != extract.PageAdmin {
			t.Errorf("ocr %v: page class %q, want %q", ocr, c, extract.PageAdmin)
		}
	}
}
