package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/medchron/medchron/internal/lazyre"
)

// MinQuoteChars is the fewest non-space characters a quote must have to be
// grounded: shorter quotes ("pain", "5") prove nothing about a page.
const MinQuoteChars = 4

// OCRTolerance is the largest edit distance, as a fraction of the quote's
// normalised length, that FindQuote accepts in tolerant mode. A 100-character
// quote may differ from the page in at most 8 characters.
const OCRTolerance = 0.08

// Grounded reports whether quote stands on page. Both sides are normalised
// (typographic quotes, dashes and ligatures folded, case ignored, whitespace
// runs folded, words hyphenated across a line end joined). Text-layer pages
// need an exact match after normalisation; OCR pages are matched tolerantly
// (see FindQuote). Quotes with fewer than MinQuoteChars non-space characters,
// and pages without text, are never grounded.
func Grounded(quote string, page Page) bool {
	return NewGrounder(page).Grounded(quote)
}

// FindQuote locates quote in text and returns the byte span [start, end) of
// the matching text, for highlighting. Matching is on normalised text (see
// Grounded). When tolerant is false the normalised quote must occur exactly.
// When tolerant is true, as for OCR text, the common OCR confusions are
// folded first (0/O/o/@, 1/l/I/|/!, 5/S, 8/B, rn/m), spaces are ignored
// except between digits, and an approximate match is accepted whose edit
// distance is at most OCRTolerance times the quote's length; negation words
// of the quote ("no", "not", "denies", "without" …) may not be edited. In
// every mode
// the digits of the quote must match exactly (after confusion folding): a
// digit or a separator inside a number may not be edited, no character may be
// inserted inside a number, and a number may not continue past either end of
// the match, so "$1,000,000" is not found in "$1,000.00"; a tolerant match
// must moreover show the same numbers as the quote (see numbers).
func FindQuote(quote, text string, tolerant bool) (start, end int, ok bool) {
	return NewMatcher(text, tolerant).Find(quote)
}

// Matcher finds quotes in one text as FindQuote does, normalising the text
// once for any number of quotes: grounding every citation of a matter costs
// one normalisation per page, not one per citation. A Matcher is not safe
// for concurrent use.
type Matcher struct {
	text     string
	tolerant bool
	plain    *normText // normalize(text, false), built on first use
	ocr      *normText // normalize(text, true), built on first tolerant search
}

// NewMatcher returns a Matcher over text; tolerant is FindQuote's.
func NewMatcher(text string, tolerant bool) *Matcher {
	return &Matcher{text: text, tolerant: tolerant}
}

// Prepare normalises the text for exact search now rather than on the
// first Find, which then only searches.
func (m *Matcher) Prepare() {
	if m.plain == nil {
		m.plain = normalize(m.text, false)
	}
}

// Find locates quote in the Matcher's text (see FindQuote).
func (m *Matcher) Find(quote string) (start, end int, ok bool) {
	q := normalize(quote, false)
	if q.nonSpace() < MinQuoteChars {
		return 0, 0, false
	}
	if m.plain == nil {
		m.plain = normalize(m.text, false)
	}
	if s, e, ok := m.plain.exact(q); ok {
		return m.plain.span(s, e)
	}
	if !m.tolerant {
		return 0, 0, false
	}
	q = normalize(quote, true)
	q.markNegations(quote)
	if m.ocr == nil {
		m.ocr = normalize(m.text, true)
	}
	t, text := m.ocr, m.text
	if len(q.r) == 0 {
		return 0, 0, false
	}
	want := numbers(quote)
	sameNumbers := func(s, e int) (int, int, bool) {
		bs, be, _ := t.span(s, e)
		return bs, be, numbers(text[bs:be]) == want && wordsPresent(quote, text[bs:be])
	}
	if s, e, ok := t.exact(q); ok {
		if bs, be, ok := sameNumbers(s, e); ok {
			return bs, be, true
		}
	}
	k := int(OCRTolerance * float64(len(q.r)))
	if k == 0 {
		return 0, 0, false
	}
	if s, e, ok := t.approx(q, k); ok {
		return sameNumbers(s, e)
	}
	return 0, 0, false
}

// Grounder grounds quotes on one page as Grounded does, normalising the
// page text once (see Matcher).
type Grounder struct {
	m    *Matcher // nil when the page has no text to ground on
	page Page
}

// NewGrounder returns a Grounder for page.
func NewGrounder(page Page) *Grounder {
	if page.Source == SourceError || page.Source == SourceEmpty || page.Text == "" {
		return &Grounder{}
	}
	return &Grounder{m: NewMatcher(page.Text, page.Source == SourceOCR), page: page}
}

// Prepare normalises the page text now (see Matcher.Prepare): Grounders
// of many pages can be prepared side by side, each on one goroutine.
func (g *Grounder) Prepare() {
	if g.m != nil {
		g.m.Prepare()
	}
}

// Ground is Ground(quote, page) on the Grounder's page: where the quote
// stands and, on an OCR page with word boxes, how confidently its words
// were read. Exact is not computed (false).
func (g *Grounder) Ground(quote string) Grounding {
	var r Grounding
	if g.m == nil {
		return r
	}
	s, e, ok := g.m.Find(quote)
	if !ok {
		return r
	}
	r.Found, r.Start, r.End = true, s, e
	if g.page.Source == SourceOCR && len(g.page.Words) > 0 {
		r.MinConfidence, r.LowConfidence = spanConfidence(g.page, s, e)
	}
	return r
}

// Matcher returns the Grounder's Matcher over the page text, its
// normalisation shared with Ground (nil when the Grounder has none: the
// page is an error or empty page, or has no text).
func (g *Grounder) Matcher() *Matcher { return g.m }

// Grounded reports whether quote stands on the Grounder's page.
func (g *Grounder) Grounded(quote string) bool {
	if g.m == nil {
		return false
	}
	_, _, ok := g.m.Find(quote)
	return ok
}

// normText is normalised text with, per rune, the byte span of the original
// text it came from and whether it was a real digit there. Offsets are
// 32-bit: a page's text is kilobytes, and a matter's Grounders keep one
// normText per cited page while its chronology is built.
type normText struct {
	r     []rune
	from  []int32 // original byte offset where the rune's source starts
	to    []int32 // original byte offset where it ends
	digit []bool  // the source was a real digit
	alpha []bool  // the source was a letter
	neg   []bool  // part of a negation word (quotes only, see markNegations)

	hay    string  // string(r), built by exact on first use
	runeAt []int32 // byte offset in hay → rune index
}

// negationWords may not be edited away by a tolerant match: "no acute
// fracture" must not be grounded by "acute fracture".
var negationWords = lazyre.New(`(?i)\b(no|not|non|nor|none|never|neg|negative|denies|denied|deny|without|absent|free of|unremarkable|normal)\b`)

// markNegations marks the runes of n that come from a negation word of src.
func (n *normText) markNegations(src string) {
	n.neg = make([]bool, len(n.r))
	for _, m := range negationWords.FindAllStringIndex(src, -1) {
		for i := range n.r {
			if f := int(n.from[i]); f >= m[0] && f < m[1] {
				n.neg[i] = true
			}
		}
	}
}

func (n *normText) add(r rune, from, to int, src rune) {
	n.r = append(n.r, r)
	n.from = append(n.from, int32(from))
	n.to = append(n.to, int32(to))
	n.digit = append(n.digit, unicode.IsDigit(src))
	n.alpha = append(n.alpha, unicode.IsLetter(src))
}

func (n *normText) nonSpace() int {
	c := 0
	for _, r := range n.r {
		if r != ' ' {
			c++
		}
	}
	return c
}

// span converts a rune range of n to the original byte range.
func (n *normText) span(s, e int) (int, int, bool) {
	return int(n.from[s]), int(n.to[e-1]), true
}

// protected reports whether the quote's rune i is part of a number: a real
// digit, or a separator between two real digits.
func (n *normText) protected(i int) bool {
	if n.digit[i] {
		return true
	}
	if i == 0 || i == len(n.r)-1 {
		return false
	}
	switch n.r[i] {
	case ',', '.', '/', '-', ':', ' ':
		return n.digit[i-1] && n.digit[i+1]
	}
	return false
}

// boundaryOK reports whether a match of q at text runes [s, e) does not cut
// a number: a quote that starts (ends) with a digit may not be preceded
// (followed) by a digit in the text.
func (n *normText) boundaryOK(q *normText, s, e int) bool {
	if q.digit[0] && s > 0 && n.digit[s-1] {
		return false
	}
	if q.digit[len(q.r)-1] && e < len(n.r) && n.digit[e] {
		return false
	}
	return true
}

// exact finds the first occurrence of q in n that does not cut a number.
func (n *normText) exact(q *normText) (int, int, bool) {
	if n.runeAt == nil {
		n.hay = string(n.r)
		n.runeAt = make([]int32, len(n.hay)+1)
		var ri int32
		for bi := range n.hay {
			n.runeAt[bi] = ri
			ri++
		}
		n.runeAt[len(n.hay)] = ri
	}
	hay, runeAt, needle := n.hay, n.runeAt, string(q.r)
	for off := 0; off <= len(hay); {
		i := strings.Index(hay[off:], needle)
		if i < 0 {
			return 0, 0, false
		}
		s := int(runeAt[off+i])
		e := s + len(q.r)
		if n.boundaryOK(q, s, e) {
			return s, e, true
		}
		_, size := utf8.DecodeRuneInString(hay[off+i:])
		off += i + size
	}
	return 0, 0, false
}

// normalize folds s for matching. With ocr set it also folds OCR confusions
// and drops spaces except between two digits.
func normalize(s string, ocr bool) *normText {
	// A rune folds to no more runes than it has bytes ("ﬃ", three bytes,
	// to "ffi") but for "½": the length of s holds the result.
	c := len(s) + 1
	n := &normText{r: make([]rune, 0, c), from: make([]int32, 0, c), to: make([]int32, 0, c),
		digit: make([]bool, 0, c), alpha: make([]bool, 0, c)}
	pendingSpace := false // a whitespace run was seen and not yet emitted
	spaceFrom, spaceHasNL := 0, false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		from, to := i, i+size
		i = to
		if isSpace(r) {
			if !pendingSpace {
				pendingSpace, spaceFrom, spaceHasNL = true, from, false
			}
			if r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' {
				spaceHasNL = true
			}
			continue
		}
		first, folded := foldRune(r)
		if first < 0 {
			continue
		}
		if pendingSpace {
			pendingSpace = false
			last := len(n.r) - 1
			switch {
			case last > 0 && n.r[last] == '-' && spaceHasNL && unicode.IsLetter(first) && n.alpha[last-1]:
				// "radi-\nculopathy": drop the hyphen and the line break.
				n.pop()
			case last >= 0 && n.r[last] == '-' && spaceHasNL:
				// "03-\n14": keep the hyphen, drop the line break.
			case last < 0:
				// leading space: drop
			case ocr && !(n.digit[last] && unicode.IsDigit(r)):
				// OCR: spaces are unreliable, keep them only between digits
			default:
				n.add(' ', spaceFrom, from, ' ')
			}
		}
		// letter-hyphen-letter ("non-specific", "X-ray") joins the words so
		// that a hyphen lost or added at a line break still matches.
		if unicode.IsLetter(first) && len(n.r) >= 2 && n.r[len(n.r)-1] == '-' && n.alpha[len(n.r)-2] {
			n.pop()
		}
		n.put(first, from, to, r, ocr)
		for _, fr := range folded {
			n.put(fr, from, to, r, ocr)
		}
	}
	return n
}

// put appends fr, a rune folded from the source rune src at bytes [from,
// to), lower-cased and, with ocr set, with OCR confusions folded.
func (n *normText) put(fr rune, from, to int, src rune, ocr bool) {
	fr = unicode.ToLower(fr)
	if ocr {
		fr = ocrFold(fr)
		if fr == 'n' && len(n.r) > 0 && n.r[len(n.r)-1] == 'r' {
			// rn → m: widen the previous rune to cover both.
			n.r[len(n.r)-1] = 'm'
			n.to[len(n.to)-1] = int32(to)
			return
		}
	}
	n.add(fr, from, to, src)
}

func (n *normText) pop() {
	k := len(n.r) - 1
	n.r, n.from, n.to, n.digit, n.alpha = n.r[:k], n.from[:k], n.to[:k], n.digit[:k], n.alpha[:k]
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2007'
}

// foldRune is the hand-made NFKC-like folding: typographic punctuation to
// ASCII, ligatures expanded, invisible characters dropped. It returns the
// first rune of the folding (-1 when r is dropped) and the rest, for the
// few runes that fold to several ("ﬃ" to "ffi"): no allocation a rune.
func foldRune(r rune) (first rune, rest string) {
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u00b4', '`':
		return '\'', ""
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
		return '"', ""
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe63', '\uff0d':
		return '-', ""
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return -1, ""
	case '\ufb00':
		return 'f', "f"
	case '\ufb01':
		return 'f', "i"
	case '\ufb02':
		return 'f', "l"
	case '\ufb03':
		return 'f', "fi"
	case '\ufb04':
		return 'f', "fl"
	case '\ufb05', '\ufb06':
		return 's', "t"
	case '\u2026':
		return '.', ".."
	case '\u2044', '\u2215':
		return '/', ""
	case '\u00bd':
		return '1', "/2"
	}
	if r >= '\uff01' && r <= '\uff5e' { // fullwidth ASCII
		return r - 0xfee0, ""
	}
	return r, ""
}

// ocrFold maps characters Tesseract confuses to one representative.
func ocrFold(r rune) rune {
	switch r {
	case 'o', '@', '0':
		return '0'
	case 'l', 'i', '|', '!', '1':
		return '1'
	case 's', '5':
		return '5'
	case 'b', '8':
		return '8'
	}
	return r
}

// approx finds the substring of n closest to q (Sellers' algorithm: edit
// distance with a free start and end in the text) and accepts it when the
// distance is at most k. Edits that would change a number are forbidden (see
// FindQuote). It costs O(len(n)·len(q)); it runs only after exact search
// failed, on OCR pages of a few kilobytes.
func (n *normText) approx(q *normText, k int) (int, int, bool) {
	const inf = 1 << 30
	m := len(q.r)
	prot := make([]bool, m)
	for j := range prot {
		prot[j] = q.protected(j) || q.neg != nil && q.neg[j]
	}
	prev, cur := make([]int, m+1), make([]int, m+1)
	prevS, curS := make([]int, m+1), make([]int, m+1)
	for j := 1; j <= m; j++ {
		prev[j] = inf
		if prev[j-1] < inf && !prot[j-1] {
			prev[j] = prev[j-1] + 1
		}
	}
	best, bestS, bestE := inf, 0, 0
	for i := 1; i <= len(n.r); i++ {
		tr, tDigit := n.r[i-1], n.digit[i-1]
		cur[0], curS[0] = 0, i
		if q.digit[0] && tDigit {
			cur[0] = inf
		}
		for j := 1; j <= m; j++ {
			c, s := inf, 0
			if prev[j-1] < inf {
				switch {
				case q.r[j-1] == tr:
					c, s = prev[j-1], prevS[j-1]
				case !prot[j-1] && !tDigit:
					c, s = prev[j-1]+1, prevS[j-1]
				}
			}
			// a quote rune missing from the text
			if cur[j-1] < inf && !prot[j-1] && (cur[j-1]+1 < c || cur[j-1]+1 == c && curS[j-1] > s) {
				c, s = cur[j-1]+1, curS[j-1]
			}
			// an extra text rune
			insideNumber := j < m && prot[j-1] && prot[j]
			touchesNumber := tDigit && (prot[j-1] || j < m && prot[j])
			if prev[j] < inf && !insideNumber && !touchesNumber && (prev[j]+1 < c || prev[j]+1 == c && prevS[j] > s) {
				c, s = prev[j]+1, prevS[j]
			}
			cur[j], curS[j] = c, s
		}
		if cur[m] < best && cur[m] <= k && !(q.digit[m-1] && i < len(n.r) && n.digit[i]) {
			best, bestS, bestE = cur[m], curS[m], i
		}
		prev, cur = cur, prev
		prevS, curS = curS, prevS
	}
	if best > k || bestE <= bestS {
		return 0, 0, false
	}
	return bestS, bestE, true
}
