package chronology

import (
	"unicode"
	"unicode/utf8"

	"github.com/medchron/medchron/extract"
)

// position is where a citation stands in its document: its page and the
// byte offset of its quote there, -1 when the quote is not found.
type position struct{ page, off int }

// after reports whether p stands below q: on a later page, or further down
// the same page when both quotes were found on it.
func (p position) after(q position) bool {
	if p.page != q.page {
		return p.page > q.page
	}
	return p.off >= 0 && q.off >= 0 && p.off > q.off
}

// positions finds where each citation stands, in order: the n-th of the
// citations quoting one text on a page stands at the n-th place the page
// prints it (receipts copied to one page each print "TOTAL 21.50"), or at
// the first when the page prints it fewer times. A place starts a word:
// "TOTAL" inside "SUBTOTAL" is none.
func (px *pageIndex) positions(cs []extract.Citation) []position {
	type key struct {
		ref   pageRef
		quote string
	}
	from := map[key]int{}
	out := make([]position, len(cs))
	for i, c := range cs {
		out[i] = position{page: c.Page, off: -1}
		ref := pageRef{c.DocumentID, c.Page}
		info := px.byRef[ref]
		if info == nil || info.page == nil {
			continue
		}
		k := key{ref, c.Quote}
		s, e := findWord(info, c.Quote, from[k])
		if s < 0 && from[k] > 0 {
			s, e = findWord(info, c.Quote, 0)
		}
		if s >= 0 {
			out[i].off, from[k] = s, e
		}
	}
	return out
}

// findWord returns the span of the first place at or after byte from where
// page prints quote (extract.FindQuote, tolerant on OCR pages) starting a
// word; -1 when there is none.
func findWord(info *pageInfo, quote string, from int) (int, int) {
	p := info.page
	tolerant := p.Source == extract.SourceOCR
	for from < len(p.Text) {
		var s, e int
		var ok bool
		if from == 0 {
			s, e, ok = info.find(quote)
		} else {
			s, e, ok = extract.FindQuote(quote, p.Text[from:], tolerant)
		}
		if !ok {
			return -1, -1
		}
		s, e = s+from, e+from
		if r, _ := utf8.DecodeLastRuneInString(p.Text[:s]); s == 0 || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return s, e
		}
		_, size := utf8.DecodeRuneInString(p.Text[s:])
		from = s + size
	}
	return -1, -1
}

// find is extract.FindQuote(quote, page text, tolerant on OCR pages) through
// the page's Grounder, whose text Build normalised once for grounding: a
// bill of 500 lines searches its pages 500 times, not normalises them.
func (info *pageInfo) find(quote string) (int, int, bool) {
	if info.grounder == nil {
		info.grounder = extract.NewGrounder(*info.page)
	}
	if m := info.grounder.Matcher(); m != nil {
		return m.Find(quote)
	}
	return extract.FindQuote(quote, info.page.Text, info.page.Source == extract.SourceOCR)
}
