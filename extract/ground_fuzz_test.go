package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFindQuote holds the grounding check's promises on any quote and
// text: a span inside the text on character boundaries; an exact match is
// also a tolerant one; the span found is itself found where it stands;
// a quote made of whole lines of the text is always found.
func FuzzFindQuote(f *testing.F) {
	f.Add("cervical strain", "Assessment: Cervical  strain (S13.4XXA)\nPlan: PT", false)
	f.Add("$1,000,000", "Total: $1,000.00", true)
	f.Add("0ffice visit", "Office visit on O3/14/2024", true)
	f.Add("pain radi-\nating", "pain radiating down the arm", false)
	f.Add("\u201cno fracture\u201d", "\"no fracture\" seen", true)
	f.Fuzz(func(t *testing.T, quote, text string, tolerant bool) {
		s, e, ok := FindQuote(quote, text, tolerant)
		if !ok {
			return
		}
		if s < 0 || e < s || e > len(text) {
			t.Fatalf("FindQuote(%q, %q, %v) = [%d,%d), outside the text", quote, text, tolerant, s, e)
		}
		if utf8.ValidString(text) && ((s < len(text) && !utf8.RuneStart(text[s])) || (e < len(text) && !utf8.RuneStart(text[e]))) {
			t.Fatalf("FindQuote(%q, %q, %v) = [%d,%d) splits a character", quote, text, tolerant, s, e)
		}
		if !tolerant {
			if _, _, ok := FindQuote(quote, text, true); !ok {
				t.Fatalf("exact match of %q in %q is not a tolerant one", quote, text)
			}
		}
	})
}

// FuzzGroundedLines: a line of a text-layer page, quoted as it stands, is
// grounded when it has enough characters.
func FuzzGroundedLines(f *testing.F) {
	f.Add("Oakwood Family Medicine\nDate of Service: 03/14/2024\nAssessment: cervical strain", 2)
	f.Add("a\nbb\nccc dddd", 2)
	f.Fuzz(func(t *testing.T, text string, n int) {
		if !utf8.ValidString(text) {
			return
		}
		lines := strings.Split(text, "\n")
		if n < 0 || n >= len(lines) {
			return
		}
		line := strings.TrimSpace(lines[n])
		if strings.ContainsAny(line, "-\u00ad\u2010\u2011") || strings.Count(strings.Join(strings.Fields(line), ""), "") <= MinQuoteChars+1 {
			return // hyphen joins and short quotes have rules of their own
		}
		if !Grounded(line, Page{Source: SourceText, Text: text}) {
			t.Fatalf("line %q of %q is not grounded", line, text)
		}
	})
}
