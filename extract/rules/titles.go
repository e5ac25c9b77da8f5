package rules

import (
	"strings"

	"github.com/medchron/medchron/internal/textutil"
)

// sameTitle reports whether a note's title b may be the title a of the
// record before it, read again (OCR reads a repeated title differently
// from page to page): either is missing; or, word for word, each word is
// at most a letter or two (a quarter of it) from the other's; or, when OCR
// split or joined words, their letter pairs mostly agree. "PROGRESS NOTE" after "OPERATIVE REPORT" opens a record of its
// own, however undated.
func sameTitle(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	if wa, wb := strings.Fields(a), strings.Fields(b); len(wa) == len(wb) {
		// Word for word: OCR misreads a letter or two of a word
		// ("OPERATlVE"), never most of it ("NARRATIVE").
		for i := range wa {
			x, y := []rune(strings.ToLower(wa[i])), []rune(strings.ToLower(wb[i]))
			if textutil.EditDistance(x, y) > max(1, max(len(x), len(y))/4) {
				return false
			}
		}
		return true
	}
	pa, pb := letterPairs(a), letterPairs(b)
	if len(pa) == 0 || len(pb) == 0 {
		return true
	}
	common := 0
	for p, n := range pa {
		common += min(n, pb[p])
	}
	total := 0
	for _, n := range pa {
		total += n
	}
	for _, n := range pb {
		total += n
	}
	return 2*common*2 >= total // Dice coefficient ≥ 0.5
}

// letterPairs counts the adjacent letter pairs of s, case folded.
func letterPairs(s string) map[string]int {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	t := b.String()
	out := map[string]int{}
	for i := 0; i+2 <= len(t); i++ {
		out[t[i:i+2]]++
	}
	return out
}
