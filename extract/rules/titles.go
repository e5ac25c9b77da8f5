package rules

import "strings"

// sameTitle reports whether a note's title b may be the title a of the
// record before it, read again (OCR reads a repeated title differently
// from page to page): either is missing, or their letter pairs mostly
// agree. "PROGRESS NOTE" after "OPERATIVE REPORT" opens a record of its
// own, however undated.
func sameTitle(a, b string) bool {
	if a == "" || b == "" {
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
