package extract

import (
	"strings"
	"unicode"
)

// confusedDigit returns the digit an OCR engine may have read as r (O for
// 0, l for 1 …), or 0 when r is not such a letter.
func confusedDigit(r rune) rune {
	switch r {
	case 'o', 'O', '@':
		return '0'
	case 'l', 'I', '|', '!':
		return '1'
	case 's', 'S':
		return '5'
	case 'b', 'B':
		return '8'
	}
	return 0
}

func isNumSep(r rune) bool { return strings.ContainsRune(",./-:", r) }

// numbers returns the numbers printed in s, in order, as one string: runs
// of digits and separators, where a letter OCR confuses with a digit counts
// as that digit when it touches a digit (directly or across one separator)
// and is not glued to an ordinary letter on its other side ("@3/14/2O23" →
// "03/14/2023", but "to4on" → "4"). A lone 0, 1, 5 or 8 right after a letter
// ("m0tor", "cervica1", but also "T1") may be a misread letter and is left
// out; the edit-distance search still forbids changing it. A digit followed
// by letters ("0mm") is a number. FindQuote requires the
// numbers of a tolerant match to equal the quote's.
func numbers(s string) string {
	rs := []rune(s)
	isDigit := func(i int) bool { return i >= 0 && i < len(rs) && unicode.IsDigit(rs[i]) }
	touchesDigit := func(i, dir int) bool {
		j := i + dir
		if j >= 0 && j < len(rs) && isNumSep(rs[j]) {
			j += dir
		}
		return isDigit(j)
	}
	plainLetter := func(i int) bool {
		return i >= 0 && i < len(rs) && unicode.IsLetter(rs[i]) && confusedDigit(rs[i]) == 0
	}
	val := make([]rune, len(rs)) // digit value, separator, or 0
	for i, r := range rs {
		switch {
		case unicode.IsDigit(r):
			val[i] = r
		case isNumSep(r):
			val[i] = r
		case confusedDigit(r) != 0:
			left, right := touchesDigit(i, -1), touchesDigit(i, +1)
			if left && !plainLetter(i+1) || right && !plainLetter(i-1) {
				val[i] = confusedDigit(r)
			}
		}
	}
	var toks []string
	for i := 0; i < len(rs); {
		if val[i] == 0 {
			i++
			continue
		}
		j := i
		var b strings.Builder
		digits := 0
		for ; j < len(rs) && val[j] != 0; j++ {
			b.WriteRune(val[j])
			if !isNumSep(val[j]) {
				digits++
			}
		}
		tok := strings.Trim(b.String(), ",./-:")
		lone := digits == 1 && j-i == 1 && strings.ContainsRune("0158", val[i]) && i > 0 && unicode.IsLetter(rs[i-1])
		if digits > 0 && !lone {
			toks = append(toks, tok)
		}
		i = j
	}
	return strings.Join(toks, " ")
}

// wordsPresent is the word-level check of a tolerant match: character
// edits spread over a long quote could otherwise swap or add a whole word
// ("no fracture" for "a fracture"). The quote's words are looked for in
// order in the matched window: each word of four or more characters must
// appear after the previous one with at most a quarter of its characters
// edited, and each negation word must appear as a whole word.
func wordsPresent(quote, window string) bool {
	win := normalize(window, true)
	type word struct {
		folded     string
		start, end int // byte span in window
	}
	var words []word
	for start := 0; start < len(window); {
		for start < len(window) && isSpace(rune(window[start])) {
			start++
		}
		end := start
		for end < len(window) && !isSpace(rune(window[end])) {
			end++
		}
		if end > start {
			words = append(words, word{string(normalize(strings.Trim(window[start:end], ".,;:()\"'"), true).r), start, end})
		}
		start = end
	}
	pos := 0 // folded rune index in win where the next word may start
	for _, w := range strings.Fields(quote) {
		w = strings.Trim(w, ".,;:()\"'")
		fw := normalize(w, true)
		if m := negationWords.FindString(w); m != "" && len(m) == len(w) {
			at := len(window)
			if pos < len(win.r) {
				at = int(win.from[pos])
			}
			found := false
			for _, ww := range words {
				if ww.start >= at && ww.folded == string(fw.r) {
					found = true
					pos = runeAtByte(win, ww.end)
					break
				}
			}
			if !found {
				return false
			}
			continue
		}
		if len(fw.r) < 4 {
			continue
		}
		end, ok := containsApprox(win.r[pos:], fw.r, max(1, len(fw.r)/4))
		if !ok {
			return false
		}
		pos += end
	}
	return true
}

// runeAtByte returns the index of the first rune of n that starts at or
// after byte offset b of the original text.
func runeAtByte(n *normText, b int) int {
	for i, f := range n.from {
		if int(f) >= b {
			return i
		}
	}
	return len(n.r)
}

// containsApprox reports whether pat occurs in text with at most k edits,
// and where the earliest such occurrence ends.
func containsApprox(text, pat []rune, k int) (int, bool) {
	prev, cur := make([]int, len(pat)+1), make([]int, len(pat)+1)
	for j := range prev {
		prev[j] = j
	}
	if prev[len(pat)] <= k {
		return 0, true
	}
	for i := 1; i <= len(text); i++ {
		cur[0] = 0
		for j := 1; j <= len(pat); j++ {
			c := prev[j-1]
			if pat[j-1] != text[i-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		if cur[len(pat)] <= k {
			return i, true
		}
		prev, cur = cur, prev
	}
	return 0, false
}
