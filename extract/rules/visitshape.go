package rules

import (
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// shapedRow returns the date of a log's row whose first cell OCR garbled
// into a word ("a" for a 9, a column of row numbers run into one word on
// one row): one word of no colon before its first date, no label of it
// ("DOB"), and after the date as many cells, three or more, as the row
// above on its page prints after its own.
func shapedRow(l line, ds []dates.Match, rows []logRow) (dates.Match, bool) {
	n := len(rows)
	if len(ds) == 0 || n == 0 || rows[n-1].l.page != l.page {
		return dates.Match{}, false
	}
	m := ds[0]
	pre := strings.TrimSpace(l.text[:m.Start])
	if pre == "" || len(pre) > 12 || strings.ContainsAny(pre, " \t:") || labelBefore(l, m, nil) != lblNone {
		return dates.Match{}, false
	}
	above := rows[n-1]
	want := len(layout.Cells(above.l.text[min(above.date.End, len(above.l.text)):]))
	got := len(layout.Cells(l.text[m.End:]))
	return m, want >= 3 && got == want
}

// reLegendWrapped ends a line on an initials' "=", its name wrapped onto
// the next line ("Therapists: CC =" over "Conrad Costa, LMT; ...").
var reLegendWrapped = lazyre.New(`\b[A-Z]{2,3}\s*=\s*$`)

// logLegend reads the legend of a log's initials ("JR = John Roe, DC"),
// also where it wraps after an "=".
func logLegend(ls []line) map[string]string {
	legend := map[string]string{}
	for i, l := range ls {
		text := l.text
		if reLegendWrapped.MatchString(text) && i+1 < len(ls) && ls[i+1].page == l.page {
			text += " " + ls[i+1].trim
		}
		for _, m := range reLegend.FindAllStringSubmatch(text, -1) {
			legend[m[1]] = strings.TrimSpace(m[2])
		}
	}
	return legend
}
