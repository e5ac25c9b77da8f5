package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestYearlessColumnsLostSlash: a cell of a scanned grid's row of months
// and days that lost its slash is dated only by the one reading between
// the columns beside it; with none, its column stays undated and the
// others are still dated.
func TestYearlessColumnsLostSlash(t *testing.T) {
	for _, tt := range []struct{ row, want string }{
		{"Date        5/22      525°     (5/29      6/1", "2023-05-22 2023-05-25 2023-05-29 2023-06-01"},
		{"Date        5/22      125°      5/29      6/1", "2023-05-22 2023-05-29 2023-06-01"},
		{"Date        5/22      5/25      6/1.", "2023-05-22 2023-05-25 2023-06-01"},
	} {
		ps := pagesOf("Visit Grid\nYear: 2023\n" + tt.row + "\nPain     6     5     5     4\n")
		ps[0].Source = extract.SourceOCR
		d := Analyze(ps)
		got := ""
		for _, m := range d.Lines[2].Dates {
			got += " " + m.Date.String()
		}
		if got != " "+tt.want {
			t.Errorf("%q: dates%s, want %s", tt.row, got, tt.want)
		}
	}
}
