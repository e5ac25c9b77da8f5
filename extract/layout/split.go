package layout

import (
	"strings"

	"github.com/medchron/medchron/extract"
)

// splitPages cuts every page into its non-empty lines, in document order,
// and records where each page's lines are.
func splitPages(pages []extract.Page) ([]Page, []Line) {
	out := make([]Page, len(pages))
	n := 0
	for _, p := range pages {
		n += strings.Count(p.Text, "\n") + 1
	}
	ls := make([]Line, 0, n)
	for i, p := range pages {
		out[i] = Page{Number: p.Number, Text: p.Text, Source: p.Source, Confidence: p.Confidence, First: len(ls), Section: -1}
		if p.Source == extract.SourceOCR {
			out[i].Words = p.Words
		}
		text := p.Text
		top := 0
		for off := 0; off <= len(text); {
			end := strings.IndexByte(text[off:], '\n')
			if end < 0 {
				end = len(text)
			} else {
				end += off
			}
			raw := strings.TrimRight(text[off:end], "\r\f")
			if t := strings.TrimSpace(raw); t != "" {
				ls = append(ls, Line{Page: p.Number, Start: off, Text: raw, Trim: t, Top: top})
				top++
			}
			off = end + 1
		}
		out[i].End = len(ls)
		for j := out[i].First; j < out[i].End; j++ {
			ls[j].Bottom = out[i].End - 1 - j
		}
	}
	return out, ls
}

// Cell is a column of a layout line: text separated from its neighbours by
// three or more spaces or a tab. Start and End are byte offsets in the line.
type Cell struct{ Start, End int }

// Cells splits a line into its columns.
func Cells(s string) []Cell { return cellsApart(s, 3) }

// cellsApart splits a line into the runs of text separated by gap or more
// spaces, or a tab.
func cellsApart(s string, gap int) []Cell {
	var out []Cell
	i := 0
	for i < len(s) {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			break
		}
		j := i
		for j < len(s) {
			if s[j] == '\t' || s[j] == ' ' && j+gap-1 < len(s) && strings.TrimLeft(s[j:j+gap], " ") == "" {
				break
			}
			j++
		}
		e := j
		for e > i && s[e-1] == ' ' {
			e--
		}
		out = append(out, Cell{i, e})
		i = j
	}
	return out
}

// FirstCell returns the text of the first column of a line.
func FirstCell(s string) string {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	j := i
	for j < len(s) && s[j] != '\t' && !(s[j] == ' ' && j+2 < len(s) && s[j+1] == ' ' && s[j+2] == ' ') {
		j++
	}
	for j > i && s[j-1] == ' ' {
		j--
	}
	return s[i:j]
}

// ContainsAny reports whether s, ignoring ASCII case, holds one of the
// words (given in lower case).
func ContainsAny(s string, words []string) bool {
	for _, w := range words {
		if indexFold(s, w) >= 0 {
			return true
		}
	}
	return false
}

// indexFold is strings.Index ignoring ASCII case, for a lower-case word,
// without allocating.
func indexFold(s, w string) int {
	if len(w) == 0 {
		return 0
	}
	first := w[0]
	upper := first
	if first >= 'a' && first <= 'z' {
		upper = first - 'a' + 'A'
	}
	for i := 0; i+len(w) <= len(s); i++ {
		if c := s[i]; c != first && c != upper {
			continue
		}
		j := 1
		for ; j < len(w); j++ {
			c := s[i+j]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != w[j] {
				break
			}
		}
		if j == len(w) {
			return i
		}
	}
	return -1
}

func isDigitByte(c byte) bool  { return c >= '0' && c <= '9' }
func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// HasLetters reports whether s holds an ASCII letter.
func HasLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if isLetterByte(s[i]) {
			return true
		}
	}
	return false
}

// hasDigitRun reports whether s holds n digits in a row.
func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if isDigitByte(s[i]) {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
