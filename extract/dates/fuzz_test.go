package dates

import (
	"testing"
	"time"
	"unicode/utf8"
)

// valid reports whether d is a real calendar date in the years records use.
func valid(d Date) bool {
	if d.Year < 1800 || d.Year > 2200 || d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	return d.Time().Day() == d.Day // time.Date normalises 02/30 to 03/02
}

// FuzzDates holds the parser's promises on any text: Parse gives a real
// date or none, and its date round-trips through ParseISO; FindAll's
// matches are real dates, in order, without overlap, inside the text, on
// rune boundaries, and each is the text it spans.
func FuzzDates(f *testing.F) {
	for _, s := range []string{"03/14/2024", "Date of Service: 3/14/24", "March 14th, 2024", "14-Mar-24", "DOS 20240314",
		"02/30/2024", "O3/l4/2O24", "2024-03-14 10:15", "12/31/1999 and 01/01/2000", "Sept 10 2012", "\xff03/14/2024",
		"03 / 14 / 2024", "1/2/3/4/5/6", "99/99/9999", "2024-13-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := Parse(s); ok {
			if !valid(d) {
				t.Fatalf("Parse(%q) = %v, not a real date", s, d)
			}
			if back, err := ParseISO(d.String()); err != nil || back != d {
				t.Fatalf("Parse(%q) = %v does not round-trip: %v %v", s, d, back, err)
			}
		}
		end := 0
		for _, m := range FindAll(s) {
			if m.Start < end || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("FindAll(%q): match [%d,%d) out of order or bounds (previous end %d)", s, m.Start, m.End, end)
			}
			if utf8.ValidString(s) && (!utf8.RuneStart(s[m.Start]) || (m.End < len(s) && !utf8.RuneStart(s[m.End]))) {
				t.Fatalf("FindAll(%q): match [%d,%d) splits a character", s, m.Start, m.End)
			}
			if m.Raw != s[m.Start:m.End] {
				t.Fatalf("FindAll(%q): Raw %q is not the text it spans %q", s, m.Raw, s[m.Start:m.End])
			}
			if !valid(m.Date) {
				t.Fatalf("FindAll(%q): %q read as %v, not a real date", s, m.Raw, m.Date)
			}
			end = m.End
		}
	})
}
