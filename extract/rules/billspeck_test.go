package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestCodeSpecksOnScan: OCR of a faxed or copied statement glues a speck
// before a row's code (a dash, an underscore: "-99213-25", "_64483-LT"),
// or reads a HCPCS code's letter in lower case ("j1040"). The row still
// bills its code; a code with its modifier after a dash is no NDC for
// the speck's dash before it.
func TestCodeSpecksOnScan(t *testing.T) {
	page := `Harborview Spine & Pain Physicians
ITEMIZED STATEMENT                          Statement date 5/20/25   Acct 88120
      Code-Mod       Description                         Units        Charge
DOS: 4/11/25 - 4/11/25     Rendering: Priya Nand, MD  Dx: M54.16
-99213-25   .   OFFICE 0/P EST LOW 20 MIN         .          1          167.00
_64483-LT      INJ FORAMEN EPIDURAL L/S        :             1        1,240.00
* -77003-26    FLUOROGUIDE FOR SPINE INJECT     ,            1           96.00
j1040          METHYLPREDNISOLONE 80 MG INJ   ~              2           36.00
                     Total charges                                   1,539.00
`
	res := extractText(t, page)
	var charges []string
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			charges = append(charges, fmt.Sprintf("%s %s%v %.2f", b.Date, b.Code, b.Modifiers, b.Charge))
		}
	}
	want := "2025-04-11 99213[25] 167.00|2025-04-11 64483[LT] 1240.00|2025-04-11 77003[26] 96.00|2025-04-11 J1040[] 36.00"
	if got := strings.Join(charges, "|"); got != want {
		t.Errorf("charges %q, want %q", got, want)
	}
}

// TestSpacedCentsInVisitBlock: OCR sets a space before the point of a
// coded row's charge ("402 .00", "88 .00-") in a statement's block of one
// date of service: the row prints no date of its own (its heading does),
// and still bills the amount under the charge caption.
func TestSpacedCentsInVisitBlock(t *testing.T) {
	page := `Harborview Spine & Pain Physicians
ITEMIZED STATEMENT                          Statement date 5/20/25   Acct 88120
      Code-Mod       Description                         Units        Charge
DOS: 3/2/25 to 3/2/25      Rendering: Priya Nand, MD  Dx: M54.16
99204          OFFICE 0/P NEW MOD 45 MIN                      1          402 .00
72100-26 —     XR SPINE LUMBOSACRAL 2/3 VWS                   1           88 .00-
                     Total charges                                     490.00
`
	res := extractText(t, page)
	var charges []string
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			charges = append(charges, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
		}
	}
	want := "2025-03-02 99204 402.00|2025-03-02 72100 88.00"
	if got := strings.Join(charges, "|"); got != want {
		t.Errorf("charges %q, want %q", got, want)
	}
}

// TestSpeckInTotalLabel: OCR read a speck between the words of a
// statement's total label ("Amount. due", "Balance, due"): the row is
// still the amount the account owes, no charge dated as the row above
// (the statement's charges would count it twice beside the payments it
// nets).
func TestSpeckInTotalLabel(t *testing.T) {
	for _, label := range []string{"Amount. due", "Balance, due", "Amount due"} {
		page := `Lakeview Hospitalist Group
STATEMENT OF PROFESSIONAL SERVICES
Statement date Jun 3, 2024   Account H1200456
Admitted: Apr 2, 2024   Discharged: Apr 3, 2024      Attending: Thanh Nguyen, MD
Date           CPT       Description                         Physician                 Charge
Apr 2, 2024    99223     INITIAL HOSPITAL CARE HIGH          NGUYEN, T                 530.00
Apr 3, 2024    99232     SUBSEQUENT HOSPITAL CARE MOD        NGUYEN, T                 201.00
May 10, 2024             PAYMENT - CARRIER                                            (400.00)
May 10, 2024             CONTRACTUAL ADJUSTMENT                                       (100.00)
Total charges                 731.00
Payments                      (400.00)
Adjustments                   (100.00)
` + label + `                   231.00
`
		res := extractOCR(t, page)
		var charges []string
		for _, b := range res.Bills {
			if b.Kind == extract.LineCharge {
				charges = append(charges, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
			}
		}
		if got := strings.Join(charges, "|"); got != "2024-04-02 99223 530.00|2024-04-03 99232 201.00" {
			t.Errorf("%q: charges %q", label, got)
		}
	}
}
