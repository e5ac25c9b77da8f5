package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestCompactDateColumns: a run of digits is a date under a "Date" head
// (MMDDYYYY, YYYYMMDD, MMDDYY), and not under another head (an account
// number, the next appointment), nor above the header row.
func TestCompactDateColumns(t *testing.T) {
	text := `Acct 02072025
Visit#    Date           Day     Account        Next appt
11        02072025       Fri     20250301       02102025
12        20250210       Mon     02112025
13        021225         Wed     12345678
14        13072025       Thu     02122025
`
	d := Analyze([]extract.Page{{Number: 1, Text: text}})
	want := map[int]string{2: "2025-02-07", 3: "2025-02-10", 4: "2025-02-12"}
	for i, l := range d.Lines {
		var got []string
		for _, m := range l.Dates {
			got = append(got, m.Date.String())
		}
		if w := want[i]; w == "" && len(got) > 0 || w != "" && (len(got) != 1 || got[0] != w) {
			t.Errorf("line %d %q: dates %v, want %q", i, l.Text, got, w)
		}
	}
}
