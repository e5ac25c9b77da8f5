package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestSubtotalOCR: a bill that groups its rows (technical component, then
// professional component) prints a subtotal under each group; a fax's OCR
// reads the word's last letter as a t, a one or an i ("Subtotat",
// "Subtota1"), and may strew specks before it and its amount. It is still
// a subtotal: no charge line.
func TestSubtotalOCR(t *testing.T) {
	page := `Northside Neuromonitoring, LLC
STATEMENT OF SERVICES                                        Page 1
Patient: DOE, JANE                                        Statement date: 8/14/24
Date of service:          2024-07-03
TECHNICAL COMPONENT
DOS          CPT       Mod    Description                                        Units        Per unit       Line total
2024-07-03   95938     TC     SOMATOSENSORY TESTING UPR&LWR                       1           786.00          786.00
2024-07-03   95939     TC     C MOTOR EVOKED UPR&LWR LIMBS                        1         1,073.00        1,073.00
.                             Subtotat                                                                  . 1,859.00
Professional services (26) and monitoring time
DOS          CPT       Mod    Description                                        Units        Per unit       Line total
2024-07-03   95938     26     SOMATOSENSORY TESTING UPR&LWR                       1           525.00          525.00
2024-07-03   95940            IONM IN OPERATNG ROOM 15 MIN                       10           398.00        3,980.00
                              Subtota1                                                                    4,505.00

                                                   Total charges                                        6,364.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
	}
	want := []string{"2024-07-03 95938 786.00", "2024-07-03 95939 1073.00", "2024-07-03 95938 525.00", "2024-07-03 95940 3980.00"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("bills\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
