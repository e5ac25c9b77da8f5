package layout

import (
	"testing"
)

func TestRowDate(t *testing.T) {
	tests := []struct {
		text string
		want string // "" when the row opens with no date
	}{
		{"01/03/2024  7/10   C3-C7     98941    JR", "2024-01-03"},
		{"  3/4/24      8       30      KL", "2024-03-04"},
		{"12      3/11/24     6       22", "2024-03-11"},
		{"#4      03/11/2024     6       22", "2024-03-11"},
		{"Eval    3/11/24     6       97162", "2024-03-11"},
		{"3   ~ Mar 11, 2024 -   9:32 AM     Treatment     6/10     KL", "2024-03-11"},
		{"- 6     Nov 25, 2024. 4/2     GB20 GB21     Y     30     97813", "2024-11-25"},       // a speck before the row's number
		{"Mon     25-Nov-2024        6           7          6     Drove 20 min", "2024-11-25"}, // a diary's weekday first
		{"Thursday, 04/04/2024    5    Walked 15 min", "2024-04-04"},
		{"1. 10/04/2000: ED visit, sprain", ""},
		{"Seen Mon 3/11/24 for neck pain", ""},
		{"Seen on 3/11/24 for neck pain", ""},
		{"Patient    3/11/24    6", ""},
	}
	for _, tc := range tests {
		m, ok := RowDate(tc.text, FindDates(tc.text))
		got := ""
		if ok {
			got = m.Date.String()
		}
		if got != tc.want {
			t.Errorf("RowDate(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestDateColumns(t *testing.T) {
	tests := []struct {
		text string
		n    int
	}{
		{"Date of visit      05/22/2023    05/24/2023     05/26/2023", 3},
		{"DOS                4/10/2024", 1},
		{"Date of visit       .      05/22/2023     05/24/2023   :   05/26/2023", 3},
		{"Visit date:        4/10/2024     4/12/2024", 2},
		{"Dates              05/22/2023 to 05/26/2023", 0},
		{"Date of visit      05/22/2023    05/22/2023", 0},
		{"Onset              05/22/2023    05/24/2023     05/26/2023", 0},
		{"Date of visit      05/22/2023    x10     05/26/2023", 0},
		{"Date               10/9/24     10/14/24 10/17/24 10/21/24", 4},
		{"Session            11/04/2024 11/06/2024    11/08/2024", 3},
		{"11/04/2024    11/06/2024    11/08/2024", 3},
		{"Session            11/04/2024    11/06/2024", 0},
		{"Readings           03/04/2024    03/02/2024    03/06/2024", 0},
		{"DOB                03/04/1980    03/02/2020    03/06/2024", 0},
		// OCR of a copied or faxed flow sheet: specks on a date ("5/29/23.",
		// "«6/5/23", "6/7/23:"), the slash before the year lost ("5/3123",
		// read back between its neighbours), a cell past reading ("SIA7/23",
		// "/5/23": no visit, but no reason to drop the row's others).
		{"Date                    5/17/23     5/22/23     5/25/23     5/29/23.     5/3123     «6/5/23      6/7/23:", 7},
		{"Date                    SIA7/23\"    5/2223     5/25/23     5/29/23     «5/3123.     /5/23      «6/723", 5},
		{"Date                    5/17/23     5/22/23     5/3023     5/25/23", 3},
		// A fax that lost a date's month and slash ("2/24" for 1/2/24) or
		// read its slashes as letters ("L4i24" for 1/4/24): those visits
		// are lost, the row's clean dates stand.
		{"Date                    12/18/23    12/20/23,    12/26/23    12/28/23    2/24      L4i24      8/24      1/10/24", 5},
		// A label's words are no damaged date.
		{"Date                    12/18/23    12/20/23    none given    12/28/23", 0},
	}
	for _, tc := range tests {
		if got := len(DateColumns(tc.text, FindDates(tc.text))); got != tc.n {
			t.Errorf("DateColumns(%q): %d dates, want %d", tc.text, got, tc.n)
		}
	}
}

// TestVisitRowLabelSpecks: a copy's OCR may set a speck after a grid's
// row label ("Seen by”", "Initials.") as before it: the row still labels
// who saw the patient in each column.
func TestVisitRowLabelSpecks(t *testing.T) {
	for _, s := range []string{
		"Seen by”                 Miriam Crane, MD                     Miriam Crane, MD",
		"“Initials.               AC        NP        AC",
		"Seen by                  Miriam Crane, MD                     Miriam Crane, MD",
	} {
		if !VisitRowLabel(s) {
			t.Errorf("VisitRowLabel(%q) = false", s)
		}
	}
	if VisitRowLabel("Seen by Dr. Crane      today") {
		t.Errorf("a sentence is no row label")
	}
}
