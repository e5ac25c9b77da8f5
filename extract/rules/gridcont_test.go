package rules

import "testing"

// TestYearlessGridGoesOn: a therapy practice's flow sheet prints its year
// once and each visit as a column headed by its month and day; the
// visits that do not fit go on to a further page of one or two columns,
// under the year printed again. Those columns are visits as much as the
// first page's are.
func TestYearlessGridGoesOn(t *testing.T) {
	first := `EVERGREEN REHABILITATION SERVICES INC
6229 Eastgate Blvd, Brookfield, WI 53045
Phone (262) 555-0105 Fax (262) 555-0105

DAILY TREATMENT FLOW SHEET
Patient: ROE, JANE    DOB: 09/08/1969    DOI: 05/06/2023
Year: 2023
Date                               5/17     5/22      5/25    5/29    5/31    6/5     6/7     6/12
Visit #                            2        3         4       5       6       7       8       9
Time in                            1030     1000      1545    1015    1400    1400    0915    1400
Pain (0-10)                        7        6         5       6       4       5       5       4
Cx flexion (deg)                   30       33        35      37      39      42      44      45
97110 THERAPEUTIC EXERCI           2        2         2       2       2       2       2       2
97140 MANUAL THERAPY 1/>           1        1         1       1       1       1       1       1
Initials                           AC       NP        AC      NP      AC      NP      AC      NP
`
	for _, tail := range []struct{ cols, want string }{
		{"Date                               6/14      6/19\nVisit #                            10        11\nTime in                            1515      1415\nPain (0-10)                        4         3\nCx flexion (deg)                   46        50\n97110 THERAPEUTIC EXERCI           2         2\n97140 MANUAL THERAPY 1/>           1         1\nInitials                           AC        NP\n",
			"2023-06-14 2023-06-19"},
		{"Date                               6/14\nVisit #                            10\nTime in                            1515\nPain (0-10)                        4\nCx flexion (deg)                   46\n97110 THERAPEUTIC EXERCI           2\n97140 MANUAL THERAPY 1/>           1\nInitials                           AC\n",
			"2023-06-14"},
	} {
		second := "DAILY TREATMENT FLOW SHEET (cont.)      ROE, JANE   Acct 26902255\n\nYear: 2023\n" + tail.cols +
			"\n\nUnits are 15-minute units unless noted. Blank = not performed. AC = Anika Costa,\nDPT; NP = Nadia Petrov, PTA\n"
		for _, scan := range []bool{false, true} {
			res := extractText(t, first, second)
			if scan {
				res = extractOCR(t, first, second)
			}
			want := "2023-05-17 2023-05-22 2023-05-25 2023-05-29 2023-05-31 2023-06-05 2023-06-07 2023-06-12 " + tail.want
			if got := encounterDates(res); got != want {
				t.Errorf("scan %v: encounters\n%s, want\n%s", scan, got, want)
			}
		}
	}
}
