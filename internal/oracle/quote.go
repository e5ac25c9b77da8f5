package oracle

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/medchron/medchron/extract/dates"
)

// lines returns the page's non-empty lines, trimmed: each a verbatim
// substring of the page text.
func lines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func firstLine(text string) string {
	if ls := lines(text); len(ls) > 0 {
		return ls[0]
	}
	return ""
}

func containsFold(s, sub string) bool {
	return sub != "" && strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// squash lowers s and drops everything but letters and digits, so that
// "S13.4XXA" is found in an OCR'd "S13. 4XXA" and spacing never matters.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lineWith returns the first line holding every part (case-insensitive),
// else the first whose squashed form holds every squashed part; "" when
// none does.
func lineWith(text string, parts ...string) string {
	if ls := linesWith(text, parts...); len(ls) > 0 {
		return ls[0]
	}
	return ""
}

// linesWith returns the lines where every part starts a word
// (case-insensitive: "TOTAL 21.50", not "SUBTOTAL 121.50"), else those
// holding every part, else those whose squashed form holds every squashed
// part, in page order.
func linesWith(text string, parts ...string) []string {
	squashed := func(l, p string) bool { return p != "" && strings.Contains(squash(l), squash(p)) }
	ls := lines(text)
	for _, has := range []func(string, string) bool{startsWordFold, containsFold, squashed} {
		var out []string
		for _, l := range ls {
			if all(l, parts, has) {
				out = append(out, l)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// startsWordFold reports whether sub stands in s (case-insensitive) where
// no letter or digit precedes it.
func startsWordFold(s, sub string) bool {
	s, sub = strings.ToLower(s), strings.ToLower(sub)
	for i := 0; sub != "" && i <= len(s)-len(sub); i++ {
		if strings.HasPrefix(s[i:], sub) {
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); i == 0 || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

func all(l string, parts []string, has func(string, string) bool) bool {
	for _, p := range parts {
		if !has(l, p) {
			return false
		}
	}
	return len(parts) > 0
}

// moneyForms are the ways an amount is printed: 1,250.00 and 1250.00.
func moneyForms(v float64) []string {
	plain := strconv.FormatFloat(v, 'f', 2, 64)
	intPart, frac := plain[:len(plain)-3], plain[len(plain)-3:]
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	comma := b.String() + frac
	plain = intPart + frac
	if neg {
		comma, plain = "-"+comma, "-"+plain
	}
	if comma == plain {
		return []string{plain}
	}
	return []string{comma, plain}
}

// lineWithMoney returns a line holding amount v in a printed form and
// every part: the first the page prints more often than used counts it
// quoted already (receipts copied to one page print the same line for
// each fact), else the first.
func lineWithMoney(text string, used map[string]int, v float64, parts ...string) string {
	for _, m := range moneyForms(v) {
		ls := linesWith(text, append([]string{m}, parts...)...)
		seen := map[string]int{}
		for _, l := range ls {
			if seen[l]++; seen[l] > used[l] {
				return l
			}
		}
		if len(ls) > 0 {
			return ls[0]
		}
	}
	return ""
}

// lineWithDate returns the first line printing date d in any format.
func lineWithDate(text string, d dates.Date) string {
	for _, l := range lines(text) {
		for _, m := range dates.FindAll(l) {
			if m.Date == d {
				return l
			}
		}
	}
	return ""
}

// lineWithMostWords returns the line sharing the most words of four
// letters or more with what, "" when none shares one.
func lineWithMostWords(text, what string) string {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(what)) {
		if w = strings.Trim(w, ".,;:()"); len(w) >= 4 {
			words = append(words, w)
		}
	}
	best, bestN := "", 0
	for _, l := range lines(text) {
		n := 0
		for _, w := range words {
			if containsFold(l, w) {
				n++
			}
		}
		if n > bestN {
			best, bestN = l, n
		}
	}
	return best
}
