package rules

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestVisitTables: visit logs of other layouts than a row opening with its
// date give one encounter per visit, dated and cited by the visit's own
// date: rows numbered before their date, and flowsheets that print the
// visits as dated columns (the last page may hold a single column), found
// by where the dates stand whatever labels them, their dates one space
// apart or printed as month and day under the page's year; a row with a
// cell under every column tells where the columns stand.
func TestVisitTables(t *testing.T) {
	tests := []struct {
		name  string
		pages []string
		want  []string // date pain clinician (pain -1 when none)
	}{
		{"numbered rows", []string{`North Shore Physio | DOE, JANE | DOB 2/3/81
TREATMENT FLOW RECORD
Visit   DOS         NPRS    Ther-ex min    Manual min    Minutes total    Units    By
1       3/4/24      8       30             15            45               3        KL
2       3/6/24      7       23             8             31               2        RT
IE      3/8/24      7       25             10            35               3        KL
12      3/11/24     6       22             14            36               3        RT
KL = Kim Lo, PT    RT = Ray Tam, PTA
`}, []string{"2024-03-04 8 Kim Lo, PT", "2024-03-06 7 Ray Tam, PTA", "2024-03-08 7 Kim Lo, PT", "2024-03-11 6 Ray Tam, PTA"}},
		{"dated columns with OCR specks", []string{`EVERGREEN REHAB                                  PT FLOW SHEET
Patient: DOE, JANE DOB: 02/03/1981
Date of visit        .      05/22/2023     05/24/2023     05/26/2023
Visit #        :            2              3              4
Pain (0-10)                 7              6              5
.      Ther ex (97110)      13             18             8
Therapist                   EA             MO             EA
EA = Eva Arden, DPT | MO = Max Ortiz, PTA
`}, []string{"2023-05-22 7 Eva Arden, DPT", "2023-05-24 6 Max Ortiz, PTA", "2023-05-26 5 Eva Arden, DPT"}},
		{"dated columns over two pages", []string{`Lakeside Sports Rehab                                 REHAB FLOW SHEET
Patient: DOE, JANE   DOB: 02/03/1981
DOS                      4/01/2024     4/03/2024     4/05/2024     4/08/2024
Visit no.                3             4             5             6
Pain                     6             5             5             4
Cervical traction        15            15            -             15
Therapeutic ex (97110)   23            23            30            23
Treating                 AB            CD            AB            AB
AB = Ann Berg, DPT; CD = Carl Dunn, PTA
`, `Lakeside Sports Rehab                                 REHAB FLOW SHEET
Patient: DOE, JANE   DOB: 02/03/1981
DOS                      4/10/2024
Visit no.                7
Pain                     3
Therapeutic ex (97110)   23
Treating                 CD
`}, []string{"2024-04-01 6 Ann Berg, DPT", "2024-04-03 5 Carl Dunn, PTA", "2024-04-05 5 Ann Berg, DPT", "2024-04-08 4 Ann Berg, DPT", "2024-04-10 3 Carl Dunn, PTA"}},
		{"dates one space apart, a generic label", []string{`Cascade Hand & Spine Therapy                       DAILY TREATMENT GRID
Patient: DOE, JANE   DOB: 02/03/1981
Session          11/04/2024 11/06/2024 11/08/2024 11/11/2024
Visit no.        4        5        6        7
Pain             6                 5        4
Ther-ex (97110)  2        2        2        2
Staff            AB       CD                CD
AB = Ann Berg, DPT; CD = Carl Dunn, PTA
`}, []string{"2024-11-04 6 Ann Berg, DPT", "2024-11-06 -1 Carl Dunn, PTA", "2024-11-08 5 ", "2024-11-11 4 Carl Dunn, PTA"}},
		{"months and days under the page's year", []string{`Willow Creek Physical Therapy
FLOW SHEET                                  Yr. 2024
Patient: DOE, JANE
Visit date     12/16     12/18     12/20     1/3     1/6
Visit #        1         2         3         4       5
Pain (0-10)    7         6         6         5       4
Therapist      LM        LM        RT        LM      RT
LM = Lena Marsh, PT; RT = Ray Tam, PTA
`}, []string{"2024-12-16 7 Lena Marsh, PT", "2024-12-18 6 Lena Marsh, PT", "2024-12-20 6 Ray Tam, PTA", "2025-01-03 5 Lena Marsh, PT", "2025-01-06 4 Ray Tam, PTA"}},
		// Batch I's treatment grid: its dates, wider than their columns,
		// one space apart; on another print, months and days under the
		// year.
		{"batch I grid", []string{`Evergreen Rehab Svcs
Visit Grid - Treatments / Outcome Measures
Date                              10/9/24     10/14/24 10/17/24 10/21/24 10/23/24
Visit #                           1           2           3          4           5
Pain (0-10)                       6           7           5          6           5
NDI %                             38                                             30
97110 THERAPEUTIC EXERCI          1           2           2          2           2
Initials                          GC          GC          NV         GC          NV
GC = Gustavo Crane, DPT; NV = Nadia Venkataraman, PTA
`, `Visit Grid - Treatments / Outcome Measures (cont.)      DOE, JANE     Acct 65017775
Year: 2025
Date                               2/7       2/10      2/12
Visit #                            6         7         8
Pain (0-10)                        3         3         2
Initials                           NV        GC        NV
`}, []string{"2024-10-09 6 Gustavo Crane, DPT", "2024-10-14 7 Gustavo Crane, DPT", "2024-10-17 5 Nadia Venkataraman, PTA", "2024-10-21 6 Gustavo Crane, DPT", "2024-10-23 5 Nadia Venkataraman, PTA",
			"2025-02-07 3 Nadia Venkataraman, PTA", "2025-02-10 3 Gustavo Crane, DPT", "2025-02-12 2 Nadia Venkataraman, PTA"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extractText(t, tc.pages...)
			var got []string
			for _, e := range res.Encounters {
				p := -1.0
				if e.PainScore != nil {
					p = *e.PainScore
				}
				got = append(got, fmt.Sprintf("%s %g %s", e.Date, p, e.Clinician))
				if !quoteHasDate(e.Citations[0].Quote, e.Date) {
					t.Errorf("%s: first quote %q does not hold the date", e.Date, e.Citations[0].Quote)
				}
				if len(e.Medications) != 0 || len(e.Diagnoses) != 0 {
					t.Errorf("%s: medications %v diagnoses %v", e.Date, e.Medications, e.Diagnoses)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestNotVisitTables: dated rows and columns that are not visits stay out:
// a home-exercise sheet kept by the patient, a vitals grid of one day's
// times, and a records-review list in a report.
func TestNotVisitTables(t *testing.T) {
	tests := []struct {
		name, page string
		max        int // encounters at most
	}{
		{"home exercise sheet", `HOME EXERCISE LOG
Patient: Jane Doe   Therapist: Kim Lo, PT
Date      Chin tucks   Rows    Walk
3/5/24    x10          x12     20 min
3/7/24    x10          x10     15 min
3/9/24    x12          x12     20 min
`, 0},
		{"vitals by time, no visit rows", `NURSING FLOWSHEET
Date          03/04/2024    03/05/2024    03/06/2024
BP            128/80        124/78        122/76
Pulse         80            76            74
`, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extractText(t, tc.page)
			if len(res.Encounters) > tc.max {
				for _, e := range res.Encounters {
					t.Logf("%s %q", e.Date, e.Citations[0].Quote)
				}
				t.Errorf("%d encounters, want at most %d", len(res.Encounters), tc.max)
			}
		})
	}
}

// TestGridOCRDateOutOfOrder: on a fax, OCR read the second column's date
// of a treatment grid with a 5 taken for an 8 ("08/22/2023" between
// 05/17/2023 and 05/25/2023); the column's visit is on the one reading
// that falls between its neighbours. On a text page the grid's dates stay
// as printed.
func TestGridOCRDateOutOfOrder(t *testing.T) {
	page := `EVERGREEN REHABILITATION SERVICES INC
6229 Eastgate Blvd, Brookfield, WI 53045

TREATMENT & MEASURES GRID
Patient: DOE, JANE    DOB: 09/08/1969     DOI: 05/06/2023

Date                               05/17/2023   08/22/2023 05/25/2023 05/29/2023

Visit #                            2            3          4          5
Pain (0-10)                        7            6          5          6
97110 THERAPEUTIC EXERCI           2            2          2          2
Initials                           AC           NP         AC         NP
`
	for _, src := range []extract.PageSource{extract.SourceOCR, extract.SourceText} {
		pages := pagesOf([]string{page})
		pages[0].Source = src
		res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: 1}, pages)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range res.Encounters {
			got = append(got, e.Date.String())
		}
		want := "2023-05-17 2023-05-22 2023-05-25 2023-05-29"
		if src == extract.SourceText {
			want = "2023-05-17 2023-08-22 2023-05-25 2023-05-29"
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s page: visits %v, want %s", src, got, want)
		}
	}
}

// TestGridOCRYearlessColumns: on a fax, OCR reads a flow sheet's months
// and days under the page's year with a look-alike for a digit ("$/25",
// "S/9", "6/l") and a speck in the gap after the row's label ("Date  .");
// each column is still a visit, dated under the year. On a text page a
// look-alike is no date.
func TestGridOCRYearlessColumns(t *testing.T) {
	pages := []string{`Birchwood Spine & Rehab
DAILY TREATMENT FLOW SHEET
Patient: DOE, JANE    DOB: 02/03/1981    DOI: 05/06/2023
Year: 2023
Date                                5/18      5/22      $/25      5/29      6/l
Visit #     °                        1         2         3        “4         5
Pain (0-10)                         7         «6         6         5         5
97110 THERAPEUTIC EXERCI            1         2         2         2         2
Initials                            KA        KA        FB        KA        FB
`, `DAILY TREATMENT FLOW SHEET (cont.)    DOE, JANE = Acct 71226169 _
Year: 2023
Date                .                6/12      6/14      6/19
Visit #                            6         7         8
Pain (0-10)                        4         3         4
Initials                           FB        KA        FB
KA = Kim Arden, PTA; FB = Fay Ball, PT, DPT
`}
	for _, src := range []extract.PageSource{extract.SourceOCR, extract.SourceText} {
		ps := pagesOf(pages)
		for i := range ps {
			ps[i].Source = src
		}
		res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: len(ps)}, ps)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range res.Encounters {
			got = append(got, e.Date.String())
			if !quoteHasDate(e.Citations[0].Quote, e.Date) && src == extract.SourceText {
				t.Errorf("%s: first quote %q does not hold the date", e.Date, e.Citations[0].Quote)
			}
		}
		want := "2023-05-18 2023-05-22 2023-05-25 2023-05-29 2023-06-01 2023-06-12 2023-06-14 2023-06-19"
		if src == extract.SourceText {
			want = "2023-06-12 2023-06-14 2023-06-19"
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s pages: visits %v, want %s", src, got, want)
		}
	}
}

// TestGridOCRDateLostDigit: on a fax, OCR lost a digit of a flowsheet's
// date ("11/17/23" read "1/17/23", between 11/03/23 and 12/01/23); the
// columns' dates increase, and of the readings with the digit put back
// (10/17, 11/17, 12/17) only 11/17 falls between its neighbours, so the
// column's visit is on it. When two readings fit (neighbours 10/03 and
// 12/01) or the date as read fits, the column keeps its date as read; on
// a text page the dates stay as printed.
func TestGridOCRDateLostDigit(t *testing.T) {
	page := func(a, b, c string) string {
		return `Northgate Pain Mgmt
1909 Riverside Dr, Lancaster, PA 17601
                        PAIN MANAGEMENT FLOWSHEET
Patient: DOE, JANE   DOB: 02/17/73   MRN: 225034

Visit date                 ` + a + `                   ` + b + `                    ` + c + `
Visit type                 Follow-up                  Follow-up                  Follow-up
Provider                   Ann Lee, DO                Ann Lee, DO                Ann Lee, DO
Pain today (0-10)          7                          6                          4
Reviewed by                AL                         AL                         AL
`
	}
	for _, tc := range []struct {
		name    string
		a, b, c string
		src     extract.PageSource
		want    string
	}{
		{"one reading fits", "11/03/23", "1/17/23", "12/01/23", extract.SourceOCR, "2023-11-03 2023-11-17 2023-12-01"},
		{"two readings fit", "10/03/23", "1/17/23", "12/21/23", extract.SourceOCR, "2023-10-03 2023-01-17 2023-12-21"},
		{"a text page", "11/03/23", "1/17/23", "12/01/23", extract.SourceText, "2023-11-03 2023-01-17 2023-12-01"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pages := pagesOf([]string{page(tc.a, tc.b, tc.c)})
			pages[0].Source = tc.src
			res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: 1}, pages)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range res.Encounters {
				got = append(got, e.Date.String())
			}
			sort.Strings(got)
			want := strings.Fields(tc.want)
			sort.Strings(want)
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("visits %v, want %v", got, want)
			}
		})
	}
}
