package ui

import (
	"strings"

	"github.com/medchron/medchron/extract"
)

// hlRect is a highlight over a page, in points from the top-left corner.
type hlRect struct{ X, Y, W, H float64 }

// hlPad widens each highlight a little around the words, in points.
const hlPad = 1.5

// highlightQuote finds quote among the page's words and returns one
// rectangle per line of the matched words. Matching is extract.FindQuote's:
// case, whitespace, typographic quotes, dashes and ligatures folded, and
// OCR-tolerant on OCR pages. It first matches the words joined in reading order (a line break
// between lines, so that hyphenated words rejoin); when that fails it
// matches the page text and aligns the words to it. located reports
// whether the quote was found in the page's text at all, even when the
// page has no word positions to draw.
func highlightQuote(p extract.Page, quote string) (rects []hlRect, located bool) {
	tolerant := p.Source == extract.SourceOCR
	if len(p.Words) > 0 {
		joined, spans := joinWords(p.Words)
		if s, e, ok := extract.FindQuote(quote, joined, tolerant); ok {
			return lineRects(p.Words, spans, s, e), true
		}
	}
	if p.Text == "" {
		return nil, false
	}
	s, e, ok := extract.FindQuote(quote, p.Text, tolerant)
	if !ok {
		return nil, false
	}
	return lineRects(p.Words, alignWords(p.Words, p.Text), s, e), true
}

// wordSpan is a word's byte range in a text; start < 0 when the word was
// not placed.
type wordSpan struct{ start, end int }

// joinWords writes the words in order, a space between words of a line and
// a line break between lines, and returns each word's span.
func joinWords(ws []extract.Word) (string, []wordSpan) {
	var b strings.Builder
	spans := make([]wordSpan, len(ws))
	for i, w := range ws {
		if i > 0 {
			if w.Line != ws[i-1].Line {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		spans[i].start = b.Len()
		b.WriteString(w.Text)
		spans[i].end = b.Len()
	}
	return b.String(), spans
}

// alignWords finds each word in text, in order, from where the previous
// one ended; words not found keep start -1 and do not move the cursor.
func alignWords(ws []extract.Word, text string) []wordSpan {
	spans := make([]wordSpan, len(ws))
	cur := 0
	for i, w := range ws {
		spans[i] = wordSpan{-1, -1}
		if w.Text == "" {
			continue
		}
		j := strings.Index(text[cur:], w.Text)
		if j < 0 {
			continue
		}
		spans[i] = wordSpan{cur + j, cur + j + len(w.Text)}
		cur += j + len(w.Text)
	}
	return spans
}

// lineRects returns the union box, per run of consecutive words on one
// line, of the words overlapping the byte range [s, e).
func lineRects(ws []extract.Word, spans []wordSpan, s, e int) []hlRect {
	var out []hlRect
	var cur *extract.Box
	line := -1
	flush := func() {
		if cur != nil {
			out = append(out, hlRect{X: cur.X0 - hlPad, Y: cur.Y0 - hlPad, W: cur.X1 - cur.X0 + 2*hlPad, H: cur.Y1 - cur.Y0 + 2*hlPad})
			cur = nil
		}
	}
	for i, w := range ws {
		sp := spans[i]
		if sp.start < 0 || sp.end <= s || sp.start >= e {
			flush()
			continue
		}
		if cur != nil && w.Line != line {
			flush()
		}
		if cur == nil {
			b := w.Box
			cur, line = &b, w.Line
			continue
		}
		cur.X0, cur.Y0 = min(cur.X0, w.Box.X0), min(cur.Y0, w.Box.Y0)
		cur.X1, cur.Y1 = max(cur.X1, w.Box.X1), max(cur.Y1, w.Box.Y1)
	}
	flush()
	return out
}
