package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/medchron/medchron/internal/textutil"
)

// Fold lower-cases s and removes accents (textutil.Fold).
func Fold(s string) string { return textutil.Fold(s) }

// Tokens splits s into folded words: runs of letters and digits. Anything
// else separates words, as in the full-text index ("L4-L5" → "l4", "l5").
func Tokens(s string) []string {
	s = Fold(s)
	return strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) })
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// stopwords are frequent English words that carry no meaning for search;
// the local embedder leaves them out.
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and are as at be been but by for from had has have he her his
		i if in into is it its me my no not of on or our she so than that the their them then there these
		they this to was we were which while who will with you your`) {
		stopwords[w] = true
	}
}

// truncateRunes cuts s to at most n runes (the ellipsis included), at a word boundary when one is
// near, marking the cut with "…".
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	n-- // room for the ellipsis
	cut := 0
	for i := range s {
		if n == 0 {
			cut = i
			break
		}
		n--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut*3/4 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ") + "…"
}

// MaxSnippet is the longest snippet a Hit carries, in runes.
const MaxSnippet = 200

// Snippet makes s fit a Hit: white space collapsed, at most MaxSnippet runes.
func Snippet(s string) string { return truncateRunes(textutil.FoldSpace(s), MaxSnippet) }
