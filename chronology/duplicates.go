package chronology

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/par"
	"github.com/medchron/medchron/internal/rxfilter"
)

// minShingles is the fewest word 3-shingles a page needs to be compared for
// near duplicates: on shorter pages a few shared words say nothing.
const minShingles = 8

// pageWords returns the lower-case words (letters and digits) of text.
func pageWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// contentWords drops from words those of one or two letters: OCR strews
// such bits over a scanned page ("oe", "_" read as "i") and not the same
// ones over each copy, where they break every shingle they fall in.
// Numbers stay.
func contentWords(words []string) []string {
	out := words[:0:0]
	for _, w := range words {
		if len(w) > 2 || strings.ContainsAny(w, "0123456789") {
			out = append(out, w)
		}
	}
	return out
}

// shingles returns the sorted, distinct hashes of the word 3-shingles.
func shingles(words []string) []uint64 {
	var out []uint64
	for i := 0; i+3 <= len(words); i++ {
		out = append(out, shingleHash(words[i], words[i+1], words[i+2]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// shingleHash is the 64-bit FNV-1a hash (hash/fnv's New64a) of the words
// a, b and c joined by spaces, computed without building the string.
func shingleHash(a, b, c string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, s := range [...]string{a, " ", b, " ", c} {
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= prime
		}
	}
	return h
}

// stampLine matches a line of a transmission or print stamp: a clock time,
// a phone number, "Page 2 of 7", "Pg 2/7", "P.002/011", "From:",
// "Received", "Fax", "Printed", a job number (also glued to other words,
// as two stamps printed over each other are read).
var stampLine = rxfilter.MustCompile(`(?i)\d{1,2}:\d{2}\b|\d{3}-\d{4}|\bpa?ge?\s*\d+\s*(of|/)\s*\d+|\bp\.?\s*\d{1,3}\s*/\s*\d{1,3}\b|\b(from|to)\s*:|\breceived\b|\bfax\b|\bprinted\b|#\d{3,}`)

// isStamp reports whether a line is a stamp line (see stampLine). Long
// lines are text, and a line with none of a stamp's marks is not one: the
// regular expression runs on the few others.
func isStamp(line string) bool {
	if len(line) > 240 {
		return false
	}
	l := strings.ToLower(line)
	keyword := strings.Contains(l, "received") || strings.Contains(l, "fax") || strings.Contains(l, "printed")
	if !strings.ContainsAny(line, ":-/#") && !keyword {
		return false
	}
	// Every other mark of a stamp holds a digit or names "from"/"to".
	if !keyword && !strings.ContainsAny(line, "0123456789") && !strings.Contains(l, "from") && !strings.Contains(l, "to") {
		return false
	}
	return stampMatch(line, keyword)
}

// The parts of stampLine that stampMatch runs as regular expressions.
var (
	stampPage   = lazyre.New(`(?i)\bpa?ge?\s*\d+\s*(of|/)\s*\d+`)
	stampPSlash = lazyre.New(`(?i)\bp\.?\s*\d{1,3}\s*/\s*\d{1,3}\b`)
	stampFromTo = lazyre.New(`(?i)\b(from|to)\s*:`)
	stampWords  = lazyre.New(`(?i)\breceived\b|\bfax\b|\bprinted\b`)
)

// stampMatch is stampLine.MatchString(line), one part of the expression
// at a time, each tried only on a line holding the characters its matches
// need (a part that matches makes the whole match): the clock time, the
// phone number and the job number are read by hand around their ':', '-'
// and '#'. keyword says whether the lower-cased line holds "received",
// "fax" or "printed". The whole expression backtracked from every byte of
// every line of every page, most of them dated lines with a ':' or '/'.
func stampMatch(line string, keyword bool) bool {
	if strings.IndexByte(line, ':') >= 0 && (clockIn(line) || stampFromTo.MatchString(line)) {
		return true
	}
	if strings.IndexByte(line, '-') >= 0 && phoneIn(line) || strings.IndexByte(line, '#') >= 0 && jobIn(line) {
		return true
	}
	if strings.ContainsAny(line, "pP") {
		if strings.ContainsAny(line, "gG") && stampPage.MatchString(line) ||
			strings.IndexByte(line, '/') >= 0 && stampPSlash.MatchString(line) {
			return true
		}
	}
	return keyword && stampWords.MatchString(line)
}

// clockIn reports whether s holds `\d{1,2}:\d{2}\b`.
func clockIn(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		if s[i] == ':' && isDigit(s[i-1]) && isDigit(s[i+1]) && isDigit(s[i+2]) && (i+3 == len(s) || !isWordByte(s[i+3])) {
			return true
		}
	}
	return false
}

// phoneIn reports whether s holds `\d{3}-\d{4}`.
func phoneIn(s string) bool {
	for i := 3; i+4 < len(s); i++ {
		if s[i] == '-' && allDigits(s[i-3:i]) && allDigits(s[i+1:i+5]) {
			return true
		}
	}
	return false
}

// jobIn reports whether s holds `#\d{3,}`.
func jobIn(s string) bool {
	for i := 0; i+3 < len(s); i++ {
		if s[i] == '#' && allDigits(s[i+1:i+4]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isWordByte reports whether c is an ASCII word character (\w, what \b
// tells from the others).
func isWordByte(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// withoutStamps is a page's text without its stamp lines (see isStamp)
// and without a staircase of banner fragments at its top (see
// bannerStaircase): a copy re-sent through another fax carries another
// banner, which is no part of the page.
func withoutStamps(text string) string {
	var b strings.Builder
	skip := bannerStaircase(text)
	for line := range strings.SplitSeq(text, "\n") {
		if skip > 0 && strings.TrimSpace(line) != "" {
			skip--
			continue
		}
		if !isStamp(line) {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// bannerStaircase returns how many non-empty lines at the top of a page's
// text are the fragments of fax banners printed over each other: where a
// copy faxed on carries its new banner over the old one, a text layer sets
// their words as a staircase, a word or two a line, each line starting
// right of the one above ("HARBORVIEW" / "ST LUKE'S" / "ORTHOPAEDIC" /
// "REG HOSP" ... "Pg 3/20Pg 9/17"). Four such lines at least; a page whose
// first lines are no such staircase gives 0.
func bannerStaircase(text string) int {
	const minSteps, maxWords = 4, 3
	n, indent := 0, -1
	for line := range strings.SplitSeq(text, "\n") {
		t := strings.TrimSpace(line)
		if t == "" {
			if n == 0 {
				continue
			}
			break
		}
		in := len(line) - len(strings.TrimLeft(line, " \t"))
		if in <= indent || len(strings.Fields(t)) > maxWords {
			break
		}
		n, indent = n+1, in
	}
	if n < minSteps {
		return 0
	}
	return n
}

// lineShingles returns the sorted, distinct hashes of the word 3-shingles
// within each line of text, a page's text without its stamp lines (see
// withoutStamps): shingles that never cross a line, and none from a stamp
// line. A copy re-sent through a fax that laid its own stamp over the old
// one (their words mixed over short lines) keeps these.
func lineShingles(text string) []uint64 {
	var out []uint64
	for line := range strings.SplitSeq(text, "\n") {
		w := pageWords(line)
		for i := 0; i+3 <= len(w); i++ {
			out = append(out, shingleHash(w[i], w[i+1], w[i+2]))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// minBag is the fewest content words a page needs to be compared as a bag
// of words: short pages of one template share most of theirs.
const minBag = 40

// wordBag is a page as bagSimilarity reads it: its content words (see
// contentWords) line by line, and counted.
type wordBag struct {
	lines  [][]string
	counts map[string]int
	nums   map[string]int // the counted words that hold a digit
	total  int
}

// newWordBag reads the content words of text, a page without its stamps.
func newWordBag(text string) *wordBag {
	b := &wordBag{counts: map[string]int{}, nums: map[string]int{}}
	for line := range strings.SplitSeq(text, "\n") {
		if w := contentWords(pageWords(line)); len(w) > 0 {
			b.lines = append(b.lines, w)
			for _, x := range w {
				b.counts[x]++
				if strings.ContainsAny(x, "0123456789") {
					b.nums[x]++
				}
			}
			b.total += len(w)
		}
	}
	return b
}

// foreignTop returns the words of b's first two lines where most of a
// line's words are not in other: a fax prints its banner on top, and a
// line added at the bottom is the page's own (an addendum).
func (b *wordBag) foreignTop(other *wordBag) map[string]int {
	var out map[string]int
	for k := 0; k < 2 && k < len(b.lines); k++ {
		in := 0
		for _, w := range b.lines[k] {
			if other.counts[w] > 0 {
				in++
			}
		}
		if 3*in >= len(b.lines[k]) {
			break
		}
		if out == nil {
			out = map[string]int{}
		}
		for _, w := range b.lines[k] {
			out[w]++
		}
	}
	return out
}

// bagSimilarity compares two pages as bags of content words (counted with
// their repeats), without the lines at their top whose words the other
// page mostly lacks (see foreignTop): a copy faxed once more gains a
// banner OCR garbles past recognising as a stamp, and OCR reads its lines
// in another order, which breaks shingles but not words. Numbers are held
// to their own bar, since two pages of one template differ in little but
// their dates, codes and amounts: the result is 0 when the pages' numbers
// agree less than four fifths, either page has fewer than minBag content
// words, or one has too few of the other's to reach threshold.
func bagSimilarity(a, b *wordBag, threshold float64) float64 {
	ta, tb := a.foreignTop(b), b.foreignTop(a)
	na, nb := a.total, b.total
	for _, n := range ta {
		na -= n
	}
	for _, n := range tb {
		nb -= n
	}
	if na < minBag || nb < minBag || float64(min(na, nb)) < threshold*float64(max(na, nb)) {
		return 0 // too short, or too unequal to reach threshold
	}
	if bagJaccard(a, b, ta, tb, true) < 0.8 {
		return 0
	}
	return bagJaccard(a, b, ta, tb, false)
}

// bagJaccard is the Jaccard similarity of two bags of words without the
// words ta and tb set aside (only the words holding a digit when numbers
// is set); 1 when both are empty.
func bagJaccard(a, b *wordBag, ta, tb map[string]int, numbers bool) float64 {
	ac, bc := a.counts, b.counts
	if numbers {
		ac, bc = a.nums, b.nums
	}
	inter, union := 0, 0
	for w, n := range ac {
		n -= ta[w]
		m := bc[w] - tb[w]
		inter += min(n, m)
		union += max(n, m)
	}
	for w, m := range bc {
		if _, ok := ac[w]; ok {
			continue
		}
		union += m - tb[w]
	}
	if union == 0 {
		return 1
	}
	return float64(inter) / float64(union)
}

// maxCompared is how many earlier pages a page is compared with at most.
// They come in the order of the shingles they share with it, rarest first:
// a copy shares the words no other page has and comes among the first,
// while the notes a practice prints from one template every visit (a
// thousand daily notes that differ in a date and a score) share only
// common shingles and would each be compared with all the others before.
const maxCompared = 100

// prefixThreshold is the similarity the candidate search is built for: it
// finds every pair whose page-wide shingles are this similar, so that
// pairs found similar only line by line are among the candidates.
const prefixThreshold = 0.7

// jaccard is |a∩b| / |a∪b| of two sorted sets.
func jaccard(a, b []uint64) float64 {
	i, j, inter := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// prepareWindow is how many pages findDuplicates prepares at once.
const prepareWindow = 256

// preparedPage is what findDuplicates compares of a page: its text without
// stamp lines, its words, those words joined by spaces and the sorted,
// distinct hashes of their 3-shingles. A page skipped, or without words,
// has no words.
type preparedPage struct {
	text, norm string
	words      []string
	sets       []uint64
}

// preparePage prepares the page ref (see preparedPage); it reads only that
// page, so pages are prepared side by side.
func preparePage(px *pageIndex, ref pageRef, skip func(pageRef) bool) preparedPage {
	info := px.byRef[ref]
	if info.page == nil || skip != nil && skip(ref) {
		return preparedPage{}
	}
	text := withoutStamps(info.page.Text)
	words := pageWords(text)
	if len(words) == 0 {
		return preparedPage{}
	}
	return preparedPage{text: text, norm: strings.Join(words, " "), words: words, sets: shingles(words)}
}

// findDuplicates finds pages that repeat an earlier page of the matter:
// exactly (the same words in the same order, non-empty) or nearly (Jaccard
// similarity of their word 3-shingles at or above threshold, both pages with
// at least minShingles shingles; the shingles of the whole page, or those
// within its lines without stamps, see lineShingles, held to the stricter
// (1+threshold)/2, or those of its contentWords). A duplicate always points at the earliest
// page of its group, never at another duplicate. Candidate pairs are found
// with a prefix filter over shingles ordered by rarity, so the search stays
// near linear on large matters while finding every pair above threshold.
// Pages skip reports (separator and blank pages) are neither duplicates
// nor originals; a pair apart reports (see otherDays), exact or near, is
// no pair.
func findDuplicates(px *pageIndex, threshold float64, skip func(pageRef) bool, apart func(a, b pageRef) bool) (map[pageRef]pageRef, []Duplicate) {
	dupOf := map[pageRef]pageRef{}
	dups := []Duplicate{}
	type cand struct {
		ref     pageRef
		text    string // without stamp lines
		words   []string
		sets    []uint64
		lines   []uint64 // lineShingles of text, computed when first needed
		content []uint64 // shingles of the contentWords, computed when first needed
		done    bool
		bag     *wordBag // computed when first needed
	}
	bagOf := func(c *cand) *wordBag {
		if c.bag == nil {
			c.bag = newWordBag(c.text)
		}
		return c.bag
	}
	linesOf := func(c *cand) []uint64 {
		if !c.done {
			c.lines, c.content, c.done = lineShingles(c.text), shingles(contentWords(c.words)), true
		}
		return c.lines
	}
	contentOf := func(c *cand) []uint64 {
		linesOf(c)
		return c.content
	}
	var pages []cand
	exact := map[string]pageRef{}
	df := map[uint64]int{}
	for lo := 0; lo < len(px.order); lo += prepareWindow {
		window := px.order[lo:min(lo+prepareWindow, len(px.order))]
		for i, pp := range par.Map(len(window), func(i int) preparedPage { return preparePage(px, window[i], skip) }) {
			ref := window[i]
			if len(pp.words) == 0 {
				continue
			}
			// The same words without stamps are a copy unless the pages
			// are records of other days (apart): a visit card whose every
			// row prints a clock time reads, without its stamp-like lines,
			// as the card of another year.
			if first, ok := exact[pp.norm]; ok && (apart == nil || !apart(first, ref)) {
				dupOf[ref] = first
				dups = append(dups, Duplicate{DocumentID: ref.doc, Page: ref.page, DuplicateOf: PageRef{first.doc, first.page}, Similarity: 1})
				continue
			}
			if _, ok := exact[pp.norm]; !ok {
				exact[pp.norm] = ref
			}
			if len(pp.sets) < minShingles {
				continue
			}
			for _, h := range pp.sets {
				df[h]++
			}
			pages = append(pages, cand{ref: ref, text: pp.text, words: pp.words, sets: pp.sets})
		}
	}
	index := map[uint64][]int{} // shingle → originals with it in their prefix
	for i, p := range pages {
		ordered := slices.Clone(p.sets)
		slices.SortFunc(ordered, func(a, b uint64) int { return cmp.Or(cmp.Compare(df[a], df[b]), cmp.Compare(a, b)) })
		pt := min(threshold, prefixThreshold)
		prefix := len(ordered) - int(math.Ceil(pt*float64(len(ordered))-1e-9)) + 1
		prefix = min(max(prefix, 1), len(ordered))
		best, bestSim := -1, 0.0
		seen := map[int]bool{}
	search:
		for _, h := range ordered[:prefix] {
			for _, o := range index[h] {
				if seen[o] {
					continue
				}
				if len(seen) == maxCompared {
					break search
				}
				seen[o] = true
				a, b := len(pages[o].sets), len(p.sets)
				if float64(min(a, b)) < pt*float64(max(a, b)) {
					continue
				}
				s := jaccard(pages[o].sets, p.sets)
				if s < threshold {
					// Line by line, without stamps, a copy is held to a
					// stricter bar: a note printed from the same template
					// on another day differs only in a few lines.
					lo, lp := linesOf(&pages[o]), linesOf(&pages[i])
					if l := jaccard(lo, lp); min(len(lo), len(lp)) >= minShingles && l >= (1+threshold)/2 {
						s = max(s, l)
					}
				}
				if s < threshold {
					// Without OCR's short bits, a scanned copy is held to
					// the same bar as its page-wide shingles.
					co, cp := contentOf(&pages[o]), contentOf(&pages[i])
					if c := jaccard(co, cp); min(len(co), len(cp)) >= minShingles {
						s = max(s, c)
					}
				}
				if s < threshold {
					// A copy faxed once more gains a banner OCR garbles
					// (no stamp any more) and keeps every word of the page.
					if c := bagSimilarity(bagOf(&pages[o]), bagOf(&pages[i]), threshold); c >= threshold {
						s = max(s, c)
					}
				}
				if s >= threshold && apart != nil && apart(pages[o].ref, p.ref) {
					continue
				}
				if s >= threshold && (s > bestSim || s == bestSim && o < best) {
					best, bestSim = o, s
				}
			}
		}
		if best >= 0 {
			first := pages[best].ref
			dupOf[p.ref] = first
			dups = append(dups, Duplicate{DocumentID: p.ref.doc, Page: p.ref.page, DuplicateOf: PageRef{first.doc, first.page}, Similarity: math.Round(bestSim*1000) / 1000})
			continue
		}
		for _, h := range ordered[:prefix] {
			index[h] = append(index[h], i)
		}
	}
	// An exact copy of a page that turned out to be a near duplicate points
	// at that page's original.
	for i, d := range dups {
		target := pageRef{d.DuplicateOf.DocumentID, d.DuplicateOf.Page}
		if orig, ok := dupOf[target]; ok {
			for _, e := range dups {
				if e.DocumentID == target.doc && e.Page == target.page {
					dups[i].Similarity = e.Similarity
				}
			}
			dups[i].DuplicateOf = PageRef{orig.doc, orig.page}
			dupOf[pageRef{d.DocumentID, d.Page}] = orig
		}
	}
	slices.SortFunc(dups, func(a, b Duplicate) int {
		return px.less(pageRef{a.DocumentID, a.Page}, pageRef{b.DocumentID, b.Page})
	})
	return dupOf, dups
}
