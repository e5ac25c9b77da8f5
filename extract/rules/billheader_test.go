package rules

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestRepeatedBillHeaderKeepsItsColumns: a ledger prints its column header
// on every page, each page with its own spacing. The repeated header reads
// as boilerplate, yet each page's rows must be read under their own page's
// columns (a charge read under the previous page's columns became an
// adjustment).
func TestRepeatedBillHeaderKeepsItsColumns(t *testing.T) {
	var texts []string
	for p, gap := range []int{6, 10, 10, 10} {
		sp := strings.Repeat(" ", gap)
		var b strings.Builder
		if p == 0 {
			// The first page's header stands below the practice's letterhead.
			b.WriteString("FAMILY FIRST CHIROPRACTIC PLLC\n412 Elm Street, Springfield, IL 62701\nPhone (217) 555-0183\n\nPATIENT LEDGER\nPatient: Doe, Jane     Account A841560-12\n\n")
		} else {
			fmt.Fprintf(&b, "Family First Chiropractic - patient ledger (continued) Account A841560-12\n")
		}
		fmt.Fprintf(&b, "Date%sCode%sDescription%sUnits%sCharges%sAdj%sPaid%sBalance\n\n", sp, sp, strings.Repeat(" ", 20), sp, sp, sp, sp)
		for d := 1; d <= 3; d++ {
			fmt.Fprintf(&b, "%d/%d/25%s97140%sMANUAL THERAPY 15 MIN%s1%s116.00%s0.00%s0.00%s%d,%03d.00\n",
				p+1, d, sp, sp, strings.Repeat(" ", 9), sp+" ", sp, sp, sp, 1+p, 100*d)
		}
		texts = append(texts, b.String())
	}
	pages := pagesOf(texts)
	res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", Pages: len(pages)}, pages)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Bills) != 12 {
		t.Fatalf("%d bill lines, want 12", len(res.Bills))
	}
	for _, b := range res.Bills {
		if b.Kind != extract.LineCharge || b.Charge != 116 {
			t.Errorf("page %d %s: kind %q charge %.2f, want a charge of 116.00", b.Citations[0].Page, b.Date, b.Kind, b.Charge)
		}
	}
}

// TestOCRReadCaptionOfUsualPrice: OCR reads a pharmacy history's "U&C"
// caption as "UkC" or "U8C", or past reading ("vec", "Uac"); the column is
// still the usual and customary price each fill is billed at, not the
// plan's payment beside it.
func TestOCRReadCaptionOfUsualPrice(t *testing.T) {
	for _, caption := range []string{"U&C", "UkC", "U8C", "vec", "Uac"} {
		text := "PATIENT MEDICATION HISTORY                                        GREENLEAF PHARMACY\n" +
			"Fill date     Qty      Days     Fill #                                  Plan paid      Copay        " + caption + "\n" +
			"Rx 61010S2  CYCLOBENZAPRINE 10MG TAB  NDC 00591-5658-01  Prescriber: Dr. Venkataraman  Refills auth: 0\n" +
			"5/8/23        20       10       0                                        0.20      15.00      18.99\n" +
			"Rx 3839266  MELOXICAM 15MG TAB  NDC 29300-0125-10  Prescriber: Dr.. Haddad  Refills auth: 2\n" +
			"5/17/23       30       30       0                                        2.20      15.00      21.50\n" +
			"6/18/23       30       30    “1                                        12.20       5.00      21.50\n"
		res := extractOCR(t, text)
		var got []string
		for _, b := range res.Bills {
			if b.Kind == extract.LineCharge {
				got = append(got, fmt.Sprintf("%s %.2f", b.Date, b.Charge))
			}
		}
		want := "[2023-05-08 18.99 2023-05-17 21.50 2023-06-18 21.50]"
		if fmt.Sprint(got) != want {
			t.Errorf("caption %q: charges %v, want %s", caption, got, want)
		}
	}
}
