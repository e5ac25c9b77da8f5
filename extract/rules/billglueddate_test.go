package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestGluedMonthNameDate reads a statement whose date cell, printed with
// the month's name ("Sep 4, 2024"), runs into the code printed right
// after it when the text layer keeps no space between the cells
// ("Sep 4, 202499203", "Sep 4, 2024J1100", "Sep 4, 202420552-RT"): the
// year is four digits, the code what follows. A drug's NDC detail line
// under its row is no charge, and its package quantity no units.
func TestGluedMonthNameDate(t *testing.T) {
	page := `Cedar Ridge Orthopedics
1200 Elm St, Springfield, IL 62701
ITEMIZED STATEMENT
Patient: ROE, SAM   Account 5512
DOS          Code           Description                                   Units        Charge
Sep 4, 202499203           OFFICE O/P NEW LOW 30 MIN                         1        210.00
Sep 4, 202420552-RT        INJ TRIGGER POINT 1/2 MUSC                        1        140.00
Sep 4, 2024J1100           DEXAMETHASONE SODIUM PHOS 1MG                     8         24.00
             NDC 63323-0165-01    N463323016501 ML2.00   Lot 12T345 exp 05/2025   IM R gluteal
Oct 12, 202499213 25       OFFICE O/P EST LOW 20 MIN                         1        125.00

                                                   Total charges                499.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s%s %g %.2f", b.Date, b.Code, strings.Join(append([]string{""}, b.Modifiers...), "-"), b.Units, b.Charge))
	}
	want := []string{
		"2024-09-04 99203 1 210.00",
		"2024-09-04 20552-RT 1 140.00",
		"2024-09-04 J1100 8 24.00",
		"2024-10-12 99213-25 1 125.00",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("bills\n%q\nwant\n%q", got, want)
	}
}

// TestGluedDateCodeOCR reads the same rows from a scan: a speck OCR put
// before the date ("‘Apr 17, 2024..."), the date's comma read as a
// semicolon ("Apr 17; 2024...") and a charge OCR cut before its point
// ("247 .00") keep the row a line.
func TestGluedDateCodeOCR(t *testing.T) {
	page := `Cedar Ridge Orthopedics
1200 Elm St, Springfield, IL 62701
ITEMIZED STATEMENT
Patient: ROE, SAM   Account 5512
DOS          Code   _      Description                  .                    Units  —     Charge
Mar 29, 202499204      .   OFFICE 0/P NEW MOD 45 MIN                           1       429.00
Apr 17, 202499214-25     OFFICE 0/P EST MOD 30 MIN                             1        247 .00
‘Apr 17, 202420552-RT     INJ TRIGGER POINT 1/2 MUSC                           1        140.00
Apr 17; 202420553-RT     INJ TRIGGER POINT 3/MORE MUSC                        1        165.00
Total charges                   -   981.00
`
	res := extractOCR(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s%s %.2f", b.Date, b.Code, strings.Join(append([]string{""}, b.Modifiers...), "-"), b.Charge))
	}
	want := []string{
		"2024-03-29 99204 429.00",
		"2024-04-17 99214-25 247.00",
		"2024-04-17 20552-RT 140.00",
		"2024-04-17 20553-RT 165.00",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("bills\n%q\nwant\n%q", got, want)
	}
}
