package rules

import (
	"regexp"
	"strings"

	"github.com/medchron/medchron/extract"
)

// line is one line of a page, with its place in the page text so that a
// quote cut from it stays a verbatim substring of the page.
type line struct {
	page  int    // 1-based page number
	start int    // byte offset of the line in the page text
	text  string // the raw line, without its newline
	trim  string // text without surrounding spaces
	top   int    // index among the page's non-empty lines, from 0
	noise bool   // fax banner, print stamp or page footer
	ptext string // the whole page text
	c     *info  // classification, once classify has run
}

// splitPages cuts every page into lines, in document order.
func splitPages(pages []extract.Page) []line {
	var out []line
	for _, p := range pages {
		text := p.Text
		top := 0
		for off := 0; off <= len(text); {
			end := strings.IndexByte(text[off:], '\n')
			if end < 0 {
				end = len(text)
			} else {
				end += off
			}
			raw := strings.TrimRight(text[off:end], "\r\f")
			if t := strings.TrimSpace(raw); t != "" {
				l := line{page: p.Number, start: off, text: raw, trim: t, top: top, ptext: text}
				l.noise = isNoise(t)
				out = append(out, l)
				top++
			}
			off = end + 1
		}
	}
	return out
}

var (
	reFaxLine = regexp.MustCompile(`(?i)(\bfax\b.*\b(from|to|page|received|sent)\b|\b(received|sent|printed|print date|printed on|run date|faxed)\b[^a-z]{0,4}[:]?.{0,40}\d{1,2}:\d{2}|^\s*page\s+\d+\s+(of|/)\s+\d+\s*$|\bpage\s+\d+\s+of\s+\d+\b.{0,30}$|^\s*(from|to)\s*:.*\b(fax|\(\d{3}\))|\bp\.\s*\d+/\d+\s*$|^\s*printed\b|^\s*confidential\b)`)
)

var reSplitDate = regexp.MustCompile(`(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*$|\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*$`)
var reYearStart = regexp.MustCompile(`^\s*\d{2,4}\b`)

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

// isNoise reports whether a line is a fax banner, print stamp or page footer,
// whose dates are never the date of service.
func isNoise(t string) bool {
	low := strings.ToLower(t)
	if !strings.ContainsAny(t, "0123456789") {
		return strings.HasPrefix(low, "printed") || strings.HasPrefix(low, "confidential")
	}
	for _, k := range noiseHints {
		if strings.Contains(low, k) {
			return reFaxLine.MatchString(t)
		}
	}
	return false
}

// noiseHints are words one of which every fax banner or footer holds.
var noiseHints = []string{"fax", "page", "received", "sent", "print", "run date", "p.", "from", "to:", "confidential"}

// cell is a column of a layout line: text separated from its neighbours by
// three or more spaces or a tab.
type cell struct{ start, end int } // offsets in the line text

// cells splits a line into its columns.
func cells(s string) []cell {
	var out []cell
	i := 0
	for i < len(s) {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			break
		}
		j := i
		for j < len(s) {
			if s[j] == '\t' || s[j] == ' ' && j+2 < len(s) && s[j+1] == ' ' && s[j+2] == ' ' {
				break
			}
			j++
		}
		e := j
		for e > i && s[e-1] == ' ' {
			e--
		}
		out = append(out, cell{i, e})
		i = j
	}
	return out
}

// quote returns a verbatim, trimmed piece of the line around the byte range
// [a, b) of the line text: the column holding it, shortened to at most about
// 160 bytes around the range.
func (l line) quote(a, b int) string {
	s := l.text
	qa, qb := 0, len(s)
	cs := cells(s)
	for i, c := range cs {
		if a >= c.start && a < c.end {
			qa, qb = c.start, max(c.end, min(b, len(s)))
			// A label in the column just before ("DOS:   03/14/2024")
			// belongs with the value.
			if i > 0 && a == c.start && s[cs[i-1].end-1] == ':' && cs[i-1].end-cs[i-1].start < 40 {
				qa = cs[i-1].start
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

// fold collapses runs of white space to one space and trims the result.
func fold(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// clip folds s and cuts it to at most n bytes at a word boundary.
func clip(s string, n int) string {
	s = fold(s)
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}
