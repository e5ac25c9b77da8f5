package layout

import (
	"strings"
	"testing"
)

// TestYearlessRows: the rows of a card that prints its year once are dated
// in that year, into the next one after December, and on a following page
// without a year of its own; a date cell OCR damaged is read back when one
// reading alone fits between its neighbours ("15" after 2/10 fits none); a
// page without a year label, or with one such row only, gets no dates.
func TestYearlessRows(t *testing.T) {
	card := func(year string, rows ...string) string {
		return "Alder Chiropractic                                   VISIT CARD\n" +
			"Patient: Jane Doe          Acct #4411          " + year + "\n" +
			"Date        Time in      Adj      Pain      Staff\n" + strings.Join(rows, "\n") + "\n"
	}
	tests := []struct {
		name  string
		pages []string
		want  []string
	}{
		{"year label", []string{card("Yr 2023", "11/28       9:10 AM      X        6         AB", "12/04       4:40 PM      X        5         AB")},
			[]string{"2023-11-28", "2023-12-04"}},
		{"into the next year", []string{card("Year: 2023", "12/18       9:10 AM      X        6         AB", "1/3         4:40 PM      X        5         CD")},
			[]string{"2023-12-18", "2024-01-03"}},
		{"next page goes on", []string{card("Year 2024", "3/4         9:10 AM      X        6         AB", "3/6         4:40 PM      X        5         CD"),
			"3/11        9:10 AM      X        4         AB\n3/13        9:30 AM      X        4         AB\n"},
			[]string{"2024-03-04", "2024-03-06", "2024-03-11", "2024-03-13"}},
		{"as OCR reads it", []string{"Alder Chiropractic                                   VISIT CARD\n" +
			"Patient: Jane Doe   Acct #4411 = Year: 2024\n" +
			"Date     Time in      Adj      Pain      Staff\n" +
			"12      7:53 AM      X        6         AB\n" +
			"1/8,    4:40 PM      X        5         AB\n" +
			"2i7     9:10 AM      X        4         CD\n" +
			"2/10    9:30 AM      X        4         CD\n" +
			"15      9:30 AM      X        3         CD\n"},
			[]string{"2024-01-02", "2024-01-08", "2024-02-07", "2024-02-10"}},
		{"a day whose month OCR lost", []string{"Alder Chiropractic                                   VISIT CARD\n" +
			"Patient: Jane Doe   Acct #4411 = Year: 2024\n" +
			"Date     Time in      Adj      Pain      Staff\n" +
			"1/8     4:40 PM      X        5         AB\n" +
			"10      9:10 AM      X        4         CD\n" +
			"1/12    9:30 AM      X        4         CD\n" +
			"1/29    9:30 AM      X        4         CD\n" +
			"30      9:30 AM      X        3         CD\n" +
			"2/14    9:30 AM      X        3         CD\n" +
			"18      9:30 AM      X        3         CD\n"},
			// 30 is 1/30 (2/30 is no day); 18 after the last clean row may
			// be 2/18 or a month later: no date.
			[]string{"2024-01-08", "2024-01-10", "2024-01-12", "2024-01-29", "2024-01-30", "2024-02-14"}},
		{"a slash read as a 7", []string{"Alder Chiropractic                                   VISIT CARD\n" +
			"Patient: Jane Doe   Acct #4411 = Yr 2023\n" +
			"Date     Time in      Adj      Pain      Staff\n" +
			"12/18    5:06PM       X        6         AB\n" +
			"12/20    3:27PM       X        7         AB\n" +
			"12726    5:34PM       X        5         CD\n" +
			"12/28    10:18AM      X        6         AB\n"},
			[]string{"2023-12-18", "2023-12-20", "2023-12-26", "2023-12-28"}},
		{"a slash read as a slash and a 7", []string{"Alder Chiropractic                                   VISIT CARD\n" +
			"Patient: Jane Doe   Acct #4411   Year: 2023\n" +
			"Date     Time in      Adj      Pain      Staff\n" +
			"11/720   3:06PM       X        7         AB\n" +
			"11/22    12:52PM      X        5         AB\n" +
			"11/27    5:43PM       X        5         CD\n"},
			[]string{"2023-11-20", "2023-11-22", "2023-11-27"}},
		{"one clean row among damaged ones", []string{"Alder Chiropractic                                   VISIT CARD\n" +
			"Patient: Jane Doe   Acct #4411   Year: 2024\n" +
			"Date     Time in      Adj      Pain      Staff\n" +
			"12       5:11PM       X        5         AB\n" +
			"1s       11:48AM      X        4         CD\n" +
			"1/8      5:22PM       X        5         AB\n" +
			"fll.     4:10PM       X        4         CD\n"},
			// The clean row is a visit; "12" above it, bounded by the
			// year's start only, may be 1/2 or 1/12 with a digit lost.
			[]string{"2024-01-08"}},
		{"a speck before the date", []string{"Alder Chiropractic                                   VISIT CARD\n" +
			"Patient: Jane Doe   Acct #4411   Card year 2024\n" +
			"Date     Time in      Adj      Pain      Staff\n" +
			"10/14    11:03AM      X        6         AB\n" +
			"“10/16    9:19AM       X        5         CD\n" +
			"'10/21   3:19PM       X        6         AB\n" +
			"- 10/28   3:32PM       X        4         AB\n"},
			[]string{"2024-10-14", "2024-10-16", "2024-10-21", "2024-10-28"}},
		{"a speck before a misread date", []string{"Alder Chiropractic                                   VISIT CARD\n" +
			"Patient: Jane Doe   Acct #4411   Card year 2024\n" +
			"Date     Time in      Adj      Pain      Staff\n" +
			"1/8      1:06 PM      X        4         AB\n" +
			"1/10     5:21 PM      X        5         CD\n" +
			"~ 4/15   7:28 AM      X        4         AB\n" +
			"1/17     5:24 PM      X        3         CD\n"},
			// 4/15 between 1/10 and 1/17 is 1/15 misread: no date.
			[]string{"2024-01-08", "2024-01-10", "2024-01-17"}},
		{"no year label", []string{card("Acct 2", "3/4         9:10 AM      X        6         AB", "3/6         4:40 PM      X        5         CD")}, nil},
		{"one row only", []string{card("Yr 2023", "3/4         9:10 AM      X        6         AB")}, nil},
		{"year in prose", []string{"Alder Chiropractic\nSeen in the year 2023 several times.\n3/4         9:10 AM      X        6         AB\n3/6         4:40 PM      X        5         CD\n"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Analyze(pagesOf(tc.pages...))
			var got []string
			for _, l := range d.Lines {
				for _, m := range l.Dates {
					got = append(got, m.Date.String())
				}
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("dates %v, want %v", got, tc.want)
			}
		})
	}
}

// TestYearOCR: OCR sets a speck after a card's year ("Year: 2023.") and a
// space inside a calendar's ("June 202 3."): still the year.
func TestYearOCR(t *testing.T) {
	card := "Alder Chiropractic                                   VISIT CARD\n" +
		"Patient: Jane Doe   Acct #4411 = Year: 2023.          oO     .\n" +
		"Date     Time in      Adj      Pain      Staff\n" +
		"2/27     5:29 PM      X        6         AB\n" +
		"3/1      9:19 AM      X        5         CD\n"
	d := Analyze(pagesOf(card))
	var got []string
	for _, l := range d.Lines {
		for _, m := range l.Dates {
			got = append(got, m.Date.String())
		}
	}
	if want := "2023-02-27,2023-03-01"; strings.Join(got, ",") != want {
		t.Errorf("card dates %v, want %s", got, want)
	}
	for _, s := range []string{"MONTHLY ATTENDANCE RECORD           June 202 3.", "June 2023"} {
		if m, y, ok := monthOf(s); !ok || m != 6 || y != 2023 {
			t.Errorf("monthOf(%q) = %v %d %v, want June 2023", s, m, y, ok)
		}
	}
}
