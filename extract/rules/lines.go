package rules

import (
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/textutil"
)

// line is one line of a page, with its place in the page text so that a
// quote cut from it stays a verbatim substring of the page.
type line struct {
	page  int    // 1-based page number
	start int    // byte offset of the line in the page text
	text  string // the raw line, without its newline
	trim  string // text without surrounding spaces
	top   int    // index among the page's non-empty lines, from 0
	noise bool   // boilerplate: fax banner, print stamp, running header or footer, Bates stamp
	ptext string // the whole page text
	idx   int    // index of the line in the layout's Doc.Lines
	// lo is the layout's line, with what its classifiers found; for a line
	// joined with the next (a date split in two) it is the first line's.
	lo *layout.Line
	// listItem: the line is an item of a diagnosis list whose item above
	// or below opens with its code, one a line (see opensWithCode).
	listItem bool
}

// linesOf returns the document's lines as the layout cut them.
func linesOf(d *layout.Doc) []line {
	out := make([]line, len(d.Lines))
	for pi := range d.Pages {
		p := &d.Pages[pi]
		for i := p.First; i < p.End; i++ {
			l := &d.Lines[i]
			out[i] = line{page: l.Page, start: l.Start, text: l.Text, trim: l.Trim, top: l.Top, noise: l.Noise(), ptext: p.Text, idx: i, lo: l}
		}
	}
	return out
}

var reSplitDate = lazyre.New(`(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*$|\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*$`)
var reYearStart = lazyre.New(`^\s*\d{2,4}\b`)

// joinSplitDate returns the line extended by the next line when a date is
// split across the two ("March 14,\n2024"), as a verbatim slice of the page.
func joinSplitDate(l line, next *line) (line, bool) {
	if c := l.text[len(l.text)-1]; c != ',' && c != '/' && c != '-' && !isDigitByte(c) && c != ' ' {
		return l, false
	}
	if next == nil || next.page != l.page || !reSplitDate.MatchString(l.text) || !reYearStart.MatchString(next.text) {
		return l, false
	}
	end := next.start + len(next.text)
	if end > len(l.ptext) || l.start > end {
		return l, false
	}
	j := l
	j.text = l.ptext[l.start:end]
	return j, true
}

// quote returns a verbatim, trimmed piece of the line around the byte range
// [a, b) of the line text: the column holding it, shortened to at most about
// 160 bytes around the range.
func (l line) quote(a, b int) string {
	s := l.text
	qa, qb := 0, len(s)
	cs := layout.Cells(s)
	for i, c := range cs {
		if a >= c.Start && a < c.End {
			qa, qb = c.Start, max(c.End, min(b, len(s)))
			// A label in the column just before ("DOS:   03/14/2024")
			// belongs with the value.
			if i > 0 && a == c.Start && s[cs[i-1].End-1] == ':' && cs[i-1].End-cs[i-1].Start < 40 {
				qa = cs[i-1].Start
			}
			break
		}
	}
	if qb-qa > 160 {
		lo, hi := max(qa, a-80), min(qb, b+80)
		for lo > qa && s[lo-1] != ' ' {
			lo--
		}
		for hi < qb && s[hi] != ' ' {
			hi++
		}
		qa, qb = lo, hi
	}
	return strings.TrimSpace(s[qa:qb])
}

// quoteAll returns the whole trimmed line, shortened when very long.
func (l line) quoteAll() string {
	if len(l.trim) <= 200 {
		return l.trim
	}
	i := strings.Index(l.text, l.trim)
	return l.quote(i, i+1)
}

// cite makes a citation for a quote on the line's page.
func (l line) cite(doc string, q string) extract.Citation {
	return extract.Citation{DocumentID: doc, Page: l.page, Quote: q}
}

// clip folds s and cuts it to at most n bytes at a word boundary.
func clip(s string, n int) string {
	s = textutil.FoldSpace(s)
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}
