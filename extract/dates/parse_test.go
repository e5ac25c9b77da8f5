package dates

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	pivotNow := func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
	old := now
	now = pivotNow
	defer func() { now = old }()

	tests := []struct {
		in   string
		want string // "" means not a date
	}{
		{"03/14/2024", "2024-03-14"},
		{"3/14/24", "2024-03-14"},
		{"§/2/24", "2024-05-02"}, // OCR's section sign for a 5
		{"$/6/23", "2023-05-06"}, // and its dollar sign
		{"3/4/99", "1999-03-04"},
		{"1/2/27", "2027-01-02"}, // pivot: (2026+1)%100 = 27 → 20xx
		{"1/2/28", "1928-01-02"},
		{"03-14-2024", "2024-03-14"},
		{"03.14.2024", "2024-03-14"},
		{"2024-03-14", "2024-03-14"},
		{"2024/3/4", "2024-03-04"},
		{"14-Mar-2024", "2024-03-14"},
		{"14-MAR-24", "2024-03-14"},
		{"Mar 14 2024", "2024-03-14"},
		{"March 14, 2024", "2024-03-14"},
		{"MARCH 14, 2024", "2024-03-14"},
		{"14 March 2024", "2024-03-14"},
		{"14th of March, 2024", "2024-03-14"},
		{"Mar. 14, 2024", "2024-03-14"},
		{"Sept 10, 2012", "2012-09-10"},
		{"September 5th, 2003", "2003-09-05"},
		{"20240314", "2024-03-14"},
		{"31/12/2023", "2023-12-31"}, // day first when unambiguous
		// OCR confusions.
		{"@3/2/2023", "2023-03-02"},
		{"O3/14/2O24", "2024-03-14"},
		{"03/l4/2024", "2024-03-14"},
		{"03/14/2O2I", "2021-03-14"},
		{"0S/1B/2024", "2024-05-18"},
		{"03/14/|999", "1999-03-14"},
		{"03/1Z/2024", "2024-03-12"},
		{"03 /14/ 2024", "2024-03-14"},
		{"03 / 14 / 2024", "2024-03-14"},
		{"0ct 3, 2022", "2022-10-03"},
		{"Mar l4, 2024", "2024-03-14"},
		{"QS-17-2023", "2023-05-17"},   // a fax's zero read as a Q
		{"Jut 19, 2023", "2023-07-19"}, // OCR reads Jul's l as a t
		{"19-Jut-2023", "2023-07-19"},
		// OCR's punctuation in a month-first date: a colon for the space
		// after the month, a semicolon for the comma before the year.
		{"July:14, 2023", "2023-07-14"},
		{"July 28; 2023", "2023-07-28"},
		{"Jan: 5; 2024", "2024-01-05"},
		// Rejections.
		{"02/30/2024", ""},
		{"13/13/2024", ""},
		{"10:14", ""},
		{"7/10", ""},
		{"SOB", ""},
		{"03/14-2024", ""},
		{"03/14/202", ""},
		{"July 28; 23", ""}, // misread punctuation only with a four-digit year
		{"June: 5 12", ""},
		{"2024", ""},
		{"March 2024", ""},
		{"00/00/0000", ""},
		{"IO/lO/IOlO", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in)
		if tt.want == "" {
			if ok {
				t.Errorf("Parse(%q) = %v, want no date", tt.in, got)
			}
			continue
		}
		if !ok || got.String() != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %s", tt.in, got, ok, tt.want)
		}
	}
}

func TestFindAll(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // Raw forms, in order
	}{
		{"labelled and DOB", "DOS: 03/14/2024   DOB: 7/19/1980", []string{"03/14/2024", "7/19/1980"}},
		{"time next to date", "Seen 03/14/2024 10:14 AM", []string{"03/14/2024"}},
		{"a table's time cell OCR glued before a day-month date", "02-May-2023 140108-May-2023 1051 09-May-2023 0843", []string{"02-May-2023", "08-May-2023", "09-May-2023"}},
		{"no time glued: a number", "Acct 990108-May-2023", nil},
		{"no time glued: a code before the date", "Ref A140108-May-2023", nil},
		{"no time as date", "Time 10:14, BP 132/88, pain 7/10", nil},
		{"phone is not a date", "Tel (555) 555-1212  Fax 555-555-1213", nil},
		{"ssn is not a date", "SSN 111-00-1234", nil},
		{"split across lines", "seen on March 14,\n2024 for pain", []string{"March 14,\n2024"}},
		{"compact with label", "Visit Date: 20240314 MRN 20240315", []string{"20240314"}},
		{"compact without label", "Account 20240314", nil},
		{"six-digit date with label", "Date of service: 012624   Acct 012624", []string{"012624"}},
		{"eight-digit month-first dates in a form's boxes", "6. ONSET DATE 05062023   7. SOC. DATE 05182023", []string{"05062023", "05182023"}},
		{"eight-digit month-first number without label", "Claim 05182023 Ref 12062023", nil},
		{"six-digit number without label", "Claim 031424 Ref 121212", nil},
		{"six digits after a slash", "DOS: 12/112023", nil},
		{"prose", "He was injured on November 20, 2008, and seen 11/21/08.", []string{"November 20, 2008", "11/21/08"}},
		{"ocr noise", "DOS:O3/l4/2O24 Signed 3/15/2024", []string{"O3/l4/2O24", "3/15/2024"}},
		{"section sign for a five", "§/2/24     5/3/24    97012", []string{"§/2/24", "5/3/24"}},
		{"dollar sign for a five", "$/6/23    A0425-SH   MILEAGE   16   19.00   304.00", []string{"$/6/23"}},
		{"an amount is no date", "Copay $10/visit, $25/month", nil},
		{"day-month", "Exam 14-Mar-2024 and 2 Apr 2024", []string{"14-Mar-2024", "2 Apr 2024"}},
		{"title with timestamp", "Progress Note (March 29, 2005, 5:15:04PM -0500)", []string{"March 29, 2005"}},
		{"version string", "v1.2.2024 build", nil},
		{"word with month inside", "Decembers 12 2020x", nil},
		// A text layer runs the next cell into a date that fills its own.
		{"next cell glued to the year", "Session dates: Oct 2, 2023 and October 9, 2023Clinician: A. Lee", []string{"Oct 2, 2023", "October 9, 2023"}},
		{"letters glued to the year", "Ref Oct 2, 2023ab", nil},
		{"the time glued to the year", "Nov 13, 20242: 00 PM     60     Trigger point", []string{"Nov 13, 2024"}}, // OCR lost the space
		{"a fifth digit after the year", "Ref Nov 13, 20242 units", nil},
		{"row number before month-first", "3      Feb 02, 2023      6/10", []string{"Feb 02, 2023"}},
		// A fax's speck between the comma and the year, read as a stop
		// or a quote: still the date with its whole year, no other.
		{"speck before the year", "February 27, .2025   Oct 2, ’2023", []string{"February 27, .2025", "Oct 2, ’2023"}},
		{"speck before a two-digit year", "Ref May 5, .25 units", nil},
		{"day-first two-digit year", "seen 2 Apr 24, then 5 May 2024", []string{"2 Apr 24", "5 May 2024"}},
		// A from-through pair whose dash glues the two dates ("FROM-THRU"
		// cells of a claim, a statement period).
		{"dash-glued from-through pair", "DOS 12/18/23-12/18/23  99213", []string{"12/18/23", "12/18/23"}},
		{"dash-glued period of four-digit years", "Statement period 01/05/2024-03/10/2024", []string{"01/05/2024", "03/10/2024"}},
		{"dash-glued pair with a number after", "12/18/23-12/18/23-4 units", nil},
		{"date glued to a number by a dash", "Ref 12/18/23-1234", nil},
		{"number glued to a date by a dash", "Acct 4471-12/18/23", nil},
		{"dash dates glued by a dash", "03-14-2024-03-15-2024", nil},
		{"a month's colon and a semicolon OCR misread", "Visit on July:14, 2023 = Dr A; July 28; 2023 - Dr B", []string{"July:14, 2023", "July 28; 2023"}},
		{"a count after a semicolon is no year", "seen in May; 5; 12 visits", nil},
		// A copier's OCR reads the first dot of a dotted date as a comma;
		// with a four-digit year nothing else prints that way.
		{"a comma OCR read for a dotted date's first dot", "Date collected: 10,03.2024 0815", []string{"10,03.2024"}},
		{"comma and dot both at the head of a line", "10,03.2024", []string{"10,03.2024"}},
		{"an amount is no comma date", "Total $1,003.20 and 1,003.2024 units", nil},
		{"a comma date needs a four-digit year", "Ratio 10,03.20 today", nil},
		{"a number list is no comma date", "Values 4,10,03.2024", nil},
		{"a decimal before is no comma date", "Vol 2.10,03.2024", nil},
		{"an amount is no comma date either", "Paid $10,03.2024", nil},
		{"a comma date glued to more digits", "Ref 10,03.20245", nil},
		{"no month or day", "Qty 45,67.2024", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindAll(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("FindAll(%q) = %+v, want %q", tt.in, got, tt.want)
			}
			for i, m := range got {
				if m.Raw != tt.want[i] || tt.in[m.Start:m.End] != m.Raw {
					t.Errorf("match %d = %+v, want raw %q", i, m, tt.want[i])
				}
			}
		})
	}
}

func BenchmarkFindAll(b *testing.B) {
	text := "DATE OF SERVICE: 03/14/2024   Patient: X   DOB: 01/02/1980\n" +
		"HPI: Patient was seen at Mercy on 01/05/2023 after an accident on Jan 3, 2023.\n" +
		"Pain 7/10. BP 132/88. Follow up in 2 weeks. Electronically signed 03/15/2024 10:14.\n"
	for b.Loop() {
		FindAll(text)
	}
}

// TestHoldsCompact: a run of digits prints a date when it is the date in
// MMDDYYYY, YYYYMMDD or MMDDYY, standing alone; a longer run holding those
// digits does not.
func TestHoldsCompact(t *testing.T) {
	d := Date{Year: 2025, Month: 2, Day: 7}
	for s, want := range map[string]bool{
		"11  02072025  Fri": true, "DOS 20250207": true, "020725 Fri": true,
		"1102072025": false, "02072026": false, "02/07/2025": false, "": false,
		"12.02072025": false, "02072025-7": false, "02072025 - 7": true,
	} {
		if got := HoldsCompact(s, d); got != want {
			t.Errorf("HoldsCompact(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestOneDigitReadings: the readings of a date with one digit taken for
// a look-alike include 05/22 for 08/22 and never the date as read.
func TestOneDigitReadings(t *testing.T) {
	rs := OneDigitReadings("08/22/2023")
	var has0522 bool
	for _, r := range rs {
		if r.String() == "2023-08-22" {
			t.Errorf("the date as read among its readings")
		}
		has0522 = has0522 || r.String() == "2023-05-22"
	}
	if !has0522 {
		t.Errorf("readings %v lack 2023-05-22", rs)
	}
	if !Confusable('5', '8') || Confusable('1', '8') {
		t.Error("Confusable: 5 and 8 are, 1 and 8 are not")
	}
}

// TestLostDigitReadings: a date OCR read with a digit of its month or day
// lost ("1/17/23" for 11/17/23) reads, a digit put back, as 10/17, 11/17
// or 12/17; never as the date as read, and no digit goes into the year.
func TestLostDigitReadings(t *testing.T) {
	got := map[string]bool{}
	for _, d := range LostDigitReadings("1/17/23") {
		got[d.String()] = true
	}
	for _, w := range []string{"2023-10-17", "2023-11-17", "2023-12-17"} {
		if !got[w] {
			t.Errorf("readings %v lack %s", got, w)
		}
	}
	if got["2023-01-17"] || len(got) != 3 {
		t.Errorf("readings %v, want 10/17, 11/17 and 12/17 only", got)
	}
	day := map[string]bool{}
	for _, d := range LostDigitReadings("11.7.2023") {
		day[d.String()] = true
	}
	if !day["2023-11-17"] || !day["2023-11-27"] || day["2023-11-07"] {
		t.Errorf("readings of 11.7.2023: %v", day)
	}
	if rs := LostDigitReadings("11/17/2023"); len(rs) != 0 {
		t.Errorf("a date with no field short of digits: readings %v", rs)
	}
}
