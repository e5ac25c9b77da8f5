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

// TestCompactDateColumnScanned: OCR sets a scanned header row's heads two
// spaces apart and specks between them; the column still heads its dates.
func TestCompactDateColumnScanned(t *testing.T) {
	text := "Visit#  Date        .   Day   VAS    Codes posted          Prov     Copay      Next appt\n" +
		"11      02122025     . Wed   4 °     98941 97014 97012      CB       20.00      02172025\n" +
		"12      02172025      ‘Mon   2      -98941 97014 97012      KO       25.00    \"02192025\n"
	d := Analyze([]extract.Page{{Number: 1, Text: text, Source: extract.SourceOCR}})
	for i, want := range map[int]string{1: "2025-02-12", 2: "2025-02-17"} {
		if l := d.Lines[i]; len(l.Dates) != 1 || l.Dates[0].Date.String() != want {
			t.Errorf("line %d %q: dates %v, want %s", i, l.Text, l.Dates, want)
		}
	}
}
