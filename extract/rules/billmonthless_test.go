package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// monthlessPage is a pharmacy's year-end statement of prescriptions for
// taxes as a fax's OCR reads it: fills grouped by calendar year, three of
// whose date cells lost their month with the slash or dash after it
// ("24/25" for 1/24/25, "QOL- 22-2025" for 01-22-2025).
const monthlessPage = `Greenleaf Pharmacy #0412
PRESCRIPTION EXPENSE SUMMARY FOR TAX PURPOSES
Jane Doe  DOB 8/15/71   5095 Market St, Bakersfield, CA 93301
Filled         Rx#         Drug                                   Qty   Prescriber              Price     Plan paid     You paid
Calendar year 2024
12/9/24        6658270      CYCLOBENZAPRINE 10MG TAB           20     Dr. Albright              18.99         11.39          7.60
12/23/24       6388435      MELOXICAM 15MG TAB                   30     Dr. Crane               21.50        12.90          8.60
Total price 2024                                        40.49
Calendar year 2025
24/25        6388435-1 | MELOXICAM 15MG TAB                   30     Dr. Crane               21.50         12.90         8.60
29/25        6108013      GABAPENTIN 300MG CAP                90     Dr. Strand               34.75         20.85         13.90
1/29/25        6461674      LIDOCAINE 5% PATCH                   30     Dr. Strand              148.20        88.92         59.28
2/24/25        6388435-2    MELOXICAM 15MG TAB                   30     Dr. Crane               21.50         12.90          8.60
QOL- 22-2025    6799822-2    GABAPENTIN 300MG CAP                 90     Dr. Strand               34.75         24.32         10.43
Total price 2025                                        260.70
`

// TestFillDateLostMonth: a fill whose date cell lost its month is still
// a line: dated when its neighbours' dates leave one month for its day
// and year (1/24/25 and 1/29/25 between 12/23/24 and 1/29/25), undated
// when they leave several (the 22nd of any month after 2/24/25), never
// dropped, so the year's charges sum to its printed total.
func TestFillDateLostMonth(t *testing.T) {
	res := extractText(t, monthlessPage)
	var got []string
	sum := 0.0
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			got = append(got, fmt.Sprintf("%s %.2f", b.Date, b.Charge))
			sum += b.Charge
		}
	}
	want := "2024-12-09 18.99|2024-12-23 21.50|2025-01-24 21.50|2025-01-29 34.75|2025-01-29 148.20|2025-02-24 21.50| 34.75"
	if strings.Join(got, "|") != want {
		t.Errorf("charges %q, want %q", strings.Join(got, "|"), want)
	}
	if fmt.Sprintf("%.2f", sum) != "301.19" {
		t.Errorf("charges sum to %.2f, want 301.19", sum)
	}
}
