package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestYearlessGridDatesThroughSpecks: a copier's scan of a therapy grid
// that prints its visits as columns of month and day under the page's
// year. OCR sets specks on the date cells ("(5/29", "9/25.") and may lose
// a slash with a speck after the digits ("525°" for 5/25). Every column
// is still a visit; a cell that lost its slash is read back only when one
// reading alone falls between the columns beside it.
func TestYearlessGridDatesThroughSpecks(t *testing.T) {
	page1 := `Align PT & Sports Rehab

2559 Bay St, Bakersfield, CA 93301
Phone (661) 555-0171  Fax (661) 555-0182.

Visit Grid - Treatments / Outcome Measures
Patient: VARGA, RAVI DOB: 09/08/1969 -DOI: 05/06/2023

Year: 2023             :                                        .                           .
Date                                    5/22        525°     (5/29       6/1         6/5         6/7         6/9
Visit #          :                         2           3          4          5          6          7          8
Time in        :                         1515       1145       1615       0845       1500       1630       0700
Pain (0-10)                              6          6          5          5          4          5          4
Cx flexion (deg)                          30         32         33         38         37         39         43
97110 THERAPEUTIC EXERCI           2          2          2          2         2          2          2
Initials                                  KA         FB         KA         FB         KA         FB         KA

APTS 000101
`
	page2 := `Visit Grid - Treatments / Outcome Measures (cont.)  VARGA; RAVI - Acct 71226169

Year: 2023
Date                                     6/12        6/14        6/19        9/20        9/22        9/25.
Visit #                                    9          “10          11          12          13          14
Pain (0-10)                               4           3           4           3           3           3
97110 THERAPEUTIC EXERCI            2           2           2           2           2           2
Tnitials                                    FB         KA         FB         KA         FB         KA

Units are 15-minute units unless noted. KA = Kwame Albright, PTA; FB = Farah Ballard, PT, DPT

APTS 000102
`
	want := "2023-05-22 2023-05-25 2023-05-29 2023-06-01 2023-06-05 2023-06-07 2023-06-09 2023-06-12 2023-06-14 2023-06-19 2023-09-20 2023-09-22 2023-09-25"
	// (Not extractOCR: a date read back from a cell that lost its slash
	// is not printed as such in its quote, and the chronology flags it to
	// be checked against the page.)
	pages := pagesOf([]string{page1, page2})
	for i := range pages {
		pages[i].Source = extract.SourceOCR
	}
	res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: len(pages)}, pages)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String())
	}
	if strings.Join(got, " ") != want {
		t.Errorf("visits\n %v\nwant\n %s", got, want)
	}
}
