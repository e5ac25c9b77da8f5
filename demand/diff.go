package demand

import "strings"

// DiffOp is the kind of a diff line.
type DiffOp byte

// Diff operations.
const (
	DiffSame   DiffOp = ' '
	DiffAdd    DiffOp = '+'
	DiffRemove DiffOp = '-'
)

// DiffLine is one line of a line diff.
type DiffLine struct {
	Op   DiffOp
	Text string
}

// Diff returns the line diff turning a into b: a longest common
// subsequence of lines, removals before additions at each change.
func Diff(a, b string) []DiffLine { return diffSeq(splitLines(a), splitLines(b)) }

// maxWordDiff bounds the words of either side DiffWords compares (its
// table is quadratic); longer texts come back as one removal and one
// addition.
const maxWordDiff = 4000

// DiffWords returns the word diff turning line a into line b: each piece
// is a word with the spaces after it, so that joining the pieces of one
// side gives that side back.
func DiffWords(a, b string) []DiffLine {
	x, y := splitWords(a), splitWords(b)
	if len(x) > maxWordDiff || len(y) > maxWordDiff {
		return []DiffLine{{DiffRemove, a}, {DiffAdd, b}}
	}
	return diffSeq(x, y)
}

// splitWords splits s into words, each with the spaces that follow it
// (leading spaces are a piece of their own).
func splitWords(s string) []string {
	var out []string
	start := 0
	inSpace := false
	for i, r := range s {
		space := r == ' ' || r == '\t'
		if !space && inSpace && i > start {
			out = append(out, s[start:i])
			start = i
		}
		inSpace = space
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// diffSeq is the longest-common-subsequence diff of two sequences.
func diffSeq(x, y []string) []DiffLine {
	// Trim the common head and tail so that the quadratic table covers
	// only the changed middle.
	head := 0
	for head < len(x) && head < len(y) && x[head] == y[head] {
		head++
	}
	tail := 0
	for tail < len(x)-head && tail < len(y)-head && x[len(x)-1-tail] == y[len(y)-1-tail] {
		tail++
	}
	mx, my := x[head:len(x)-tail], y[head:len(y)-tail]
	var out []DiffLine
	for _, l := range x[:head] {
		out = append(out, DiffLine{DiffSame, l})
	}
	lcs := make([][]int, len(mx)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(my)+1)
	}
	for i := len(mx) - 1; i >= 0; i-- {
		for j := len(my) - 1; j >= 0; j-- {
			if mx[i] == my[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(mx) || j < len(my) {
		switch {
		case i < len(mx) && j < len(my) && mx[i] == my[j]:
			out = append(out, DiffLine{DiffSame, mx[i]})
			i, j = i+1, j+1
		case j == len(my) || i < len(mx) && lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, DiffLine{DiffRemove, mx[i]})
			i++
		default:
			out = append(out, DiffLine{DiffAdd, my[j]})
			j++
		}
	}
	for _, l := range x[len(x)-tail:] {
		out = append(out, DiffLine{DiffSame, l})
	}
	return out
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}
