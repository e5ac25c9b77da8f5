package rules

import (
	"fmt"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// A printed summary of a practice's visits states their span in its
// header ("Encounters 8/15/23 to 9/18/23", "Visits from ... through ...",
// "Dates of service: ... - ..."): no visit it lists falls outside. On a
// page read by OCR a visit dated outside the span, whose date is one digit
// from one of the span's ends and from no other, was misread: a fax read
// "9/18/23" as "9/28/23", a 1 as a 2, which no look-alike table holds.

// reSpanLabel ends the text before a span's first date.
var reSpanLabel = lazyre.New(`(?i)\b(?:encounters|visits|dates? of service|service dates)(?:\s+from)?\s*:?\s*$`)

// reSpanJoin stands between a span's dates.
var reSpanJoin = lazyre.New(`(?i)^\s*(?:to|through|thru|-|–)\s*$`)

// pageSpan returns the span of visits a page's header prints, if any, and
// the words that print it ("Encounters 8/15/23 to 9/18/23").
func pageSpan(d *layout.Doc, p *layout.Page) (lo, hi dates.Date, quote string, ok bool) {
	for i := p.First; i < p.End && i < p.First+12; i++ {
		l := &d.Lines[i]
		ds := l.Dates
		for k := 0; k+1 < len(ds); k++ {
			if m := reSpanLabel.FindStringIndex(l.Text[:ds[k].Start]); m != nil && reSpanJoin.MatchString(l.Text[ds[k].End:ds[k+1].Start]) &&
				ds[k].Date.Before(ds[k+1].Date) {
				return ds[k].Date, ds[k+1].Date, l.Text[m[0]:ds[k+1].End], true
			}
		}
	}
	return dates.Date{}, dates.Date{}, "", false
}

// mendSpanDates dates each encounter first cited on an OCR page that
// prints a span of visits (pageSpan), dated outside it, on the one end
// of the span its date is one digit from, and cites the span first.
func mendSpanDates(d *layout.Doc, encs []extract.Encounter) {
	for i := range encs {
		e := &encs[i]
		if len(e.Citations) == 0 || e.Date.IsZero() {
			continue
		}
		pi := d.PageIndex(e.Citations[0].Page)
		if pi < 0 || d.Pages[pi].Source != extract.SourceOCR {
			continue
		}
		lo, hi, quote, ok := pageSpan(d, &d.Pages[pi])
		if !ok || !e.Date.Before(lo) && !e.Date.After(hi) {
			continue
		}
		var pick []dates.Date
		for _, end := range []dates.Date{lo, hi} {
			if oneDigitApart(e.Date, end) {
				pick = append(pick, end)
			}
		}
		if len(pick) == 1 {
			// The span's words print the date: they ground it.
			e.Date = pick[0]
			c := e.Citations[0]
			c.Quote = quote
			e.Citations = append([]extract.Citation{c}, e.Citations...)
		}
	}
}

// oneDigitApart reports whether two dates differ in one digit of their
// month, day or year written out in full (2023-09-28, 2023-09-18).
func oneDigitApart(a, b dates.Date) bool {
	x := fmt.Sprintf("%04d%02d%02d", a.Year, int(a.Month), a.Day)
	y := fmt.Sprintf("%04d%02d%02d", b.Year, int(b.Month), b.Day)
	n := 0
	for k := range x {
		if x[k] != y[k] {
			n++
		}
	}
	return n == 1 && !strings.EqualFold(x, y)
}
