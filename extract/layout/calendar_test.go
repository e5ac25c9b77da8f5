package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestCalendarMarksOCR: OCR text keeps the gaps between a line's words,
// not where the line starts, so a row of marks under the middle of a week
// starts at the margin like the row of days above it. The words' boxes
// tell which day's cell each mark stands in; a letter OCR read twice
// ("Cc") and a speck after a mark ("X.") are still the legend's marks.
func TestCalendarMarksOCR(t *testing.T) {
	// Each line, and the left edge in points of each of its words.
	rows := []struct {
		text string
		xs   []float64
	}{
		{"PATIENT ATTENDANCE   June 2024", []float64{40, 90, 400, 440}},
		{"Sun   Mon   Tue   Wed   Thu   Fri   Sat", []float64{50, 130, 210, 290, 370, 450, 530}},
		{"9   10   11   12   13   14   15", []float64{42, 122, 202, 282, 362, 442, 522}},
		{"X.   Cc   X", []float64{150, 230, 390}},
		{"X = attended   C = cancelled", []float64{40, 50, 60, 140, 150, 160}},
	}
	var text []string
	var words []extract.Word
	for i, r := range rows {
		text = append(text, r.text)
		for k, w := range strings.Fields(r.text) {
			words = append(words, extract.Word{Text: w, Line: i, Box: extract.Box{X0: r.xs[k], X1: r.xs[k] + 10}})
		}
	}
	d := Analyze([]extract.Page{{Number: 1, Source: extract.SourceOCR, Text: strings.Join(text, "\n"), Words: words}})
	var got []string
	for _, m := range CalendarMarks(d, 0) {
		got = append(got, fmt.Sprintf("%s %s %v", m.Date, m.Mark, m.Attended))
	}
	want := "2024-06-10 X true, 2024-06-11 C false, 2024-06-13 X true"
	if strings.Join(got, ", ") != want {
		t.Errorf("marks %v, want %s", got, want)
	}
}

// TestCalendarTallyOCR: OCR text without its words' boxes does not tell
// which cell a mark stands in; the days a tally lists as attended are the
// visits, a list of cancelled days is none, and without a tally nothing
// is dated. OCR may lose a weekday of the head, or add a speck to one.
func TestCalendarTallyOCR(t *testing.T) {
	page := "PATIENT ATTENDANCE   June 2024\nSun.   Mon   Tue   Thu   Fri-   Sat\n" +
		"9   10   11   12   13   14   15\nX.   Cc   X\nX = attended   C = cancelled\n"
	for _, tc := range []struct{ tally, want string }{
		{"Days attended: 6/10, 6/13\nCancelled: 6/11\n", "2024-06-10 2024-06-13"},
		{"", ""},
	} {
		d := Analyze([]extract.Page{{Number: 1, Source: extract.SourceOCR, Text: page + tc.tally}})
		var got []string
		for _, m := range CalendarMarks(d, 0) {
			if m.Attended {
				got = append(got, m.Date.String())
			}
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("tally %q: days %v, want %s", tc.tally, got, tc.want)
		}
	}
}
