package textutil

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FoldSpace collapses every run of white space in s to one space and trims
// both ends: "a \n\t b " → "a b".
func FoldSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// Grouped formats a non-negative amount of cents as dollars with thousands
// separators and no sign or symbol: 123456 → "1,234.56". A negative amount
// is formatted as its absolute value; callers choose how to show the sign.
func Grouped(cents int64) string {
	if cents < 0 {
		cents = -cents
	}
	whole := strconv.FormatInt(cents/100, 10)
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	frac := strconv.FormatInt(cents%100, 10)
	if len(frac) < 2 {
		frac = "0" + frac
	}
	return whole + "." + frac
}

// Money formats cents as US dollars: "$1,234.56", "-$5.00" when negative.
func Money(cents int64) string {
	if cents < 0 {
		return "-$" + Grouped(cents)
	}
	return "$" + Grouped(cents)
}

// Dollars formats a dollar amount, rounded to the cent, as Money does: an
// amount that rounds to zero cents is "$0.00", never "-$0.00".
func Dollars(v float64) string {
	cents := int64(math.Round(math.Abs(v) * 100))
	if v < 0 {
		cents = -cents
	}
	return Money(cents)
}

// EditDistance is the Levenshtein distance between a and b: the fewest
// insertions, deletions and substitutions of one element that turn a into
// b. Pass []rune to count characters, []byte to count bytes.
func EditDistance[T comparable](a, b []T) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Fold lower-cases s and removes accents ("Résumé" → "resume"), keeping
// letters, digits and everything else as is.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
