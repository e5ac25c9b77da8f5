package extract

import (
	"strings"
	"unicode"
)

// LowOCRConfidence is the Tesseract word confidence (0–100) under which a
// word is read too doubtfully for a quote on it to count as found without
// a person's look.
const LowOCRConfidence = 60

// Grounding is what the grounding check found for one quote on one page.
// Found is Grounded's answer; LowConfidence says a person should look
// before the quote is shown as found.
type Grounding struct {
	// Found reports whether the quote stands on the page (see Grounded).
	Found bool
	// Start and End are the byte span of the matched text in page.Text,
	// when Found.
	Start, End int
	// Exact reports whether the quote matched without any OCR edit (after
	// normalisation); a text-layer page only ever matches exactly.
	Exact bool
	// MinConfidence is the lowest OCR confidence (0–100) of the words the
	// match covers; 0 on text-layer pages and OCR pages stored without
	// word boxes.
	MinConfidence float64
	// LowConfidence marks a quote found on an OCR page on words the engine
	// read doubtfully: a word holding a digit (a date, an amount, a code)
	// read below LowOCRConfidence, or words whose mean confidence is below
	// it. The quote is on the page as read, but the reading may be wrong:
	// it is flagged for a human look rather than shown as found.
	LowConfidence bool
}

// Ground checks quote against page as Grounded does and reports where it
// stands and how confidently OCR read it. A quote that is not on its page
// is never Found, whatever the confidence.
func Ground(quote string, page Page) Grounding {
	var g Grounding
	if page.Source == SourceError || page.Source == SourceEmpty || page.Text == "" {
		return g
	}
	ocr := page.Source == SourceOCR
	s, e, ok := FindQuote(quote, page.Text, ocr)
	if !ok {
		return g
	}
	g.Found, g.Start, g.End = true, s, e
	qs, qe, exact := FindQuote(quote, page.Text, false)
	g.Exact = exact && qs == s && qe == e
	if !ocr || len(page.Words) == 0 {
		return g
	}
	g.MinConfidence, g.LowConfidence = spanConfidence(page, s, e)
	return g
}

// spanConfidence returns the lowest confidence of the OCR words covering
// page.Text[s:e] and whether their reading is doubtful (see Grounding).
// Words are found in the page text in order: each word's text is where
// the OCR layout wrote it.
func spanConfidence(page Page, s, e int) (float64, bool) {
	minConf, sum, n := 101.0, 0.0, 0
	digitLow := false
	at := 0
	for _, w := range page.Words {
		if w.Text == "" {
			continue
		}
		i := strings.Index(page.Text[at:], w.Text)
		if i < 0 {
			continue // not where the layout wrote it: leave it out
		}
		a := at + i
		b := a + len(w.Text)
		at = b
		if b <= s {
			continue
		}
		if a >= e {
			break
		}
		minConf = min(minConf, w.Confidence)
		sum += w.Confidence
		n++
		if w.Confidence < LowOCRConfidence && strings.IndexFunc(w.Text, unicode.IsDigit) >= 0 {
			digitLow = true
		}
	}
	if n == 0 {
		return 0, false
	}
	return minConf, digitLow || sum/float64(n) < LowOCRConfidence
}
