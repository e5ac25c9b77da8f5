package ocr

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/medchron/medchron/extract"
)

// rawWord is one word as Tesseract reports it, in pixels.
type rawWord struct {
	text                  string
	x0, y0, x1, y1        int
	conf                  float64
	block, par, line, seq int
}

// row is a line of the page text under construction.
type row struct {
	words  []rawWord
	blocks map[int]bool
	y0, y1 int
}

func (r *row) mid() float64 { return float64(r.y0+r.y1) / 2 }

// layout builds the page text, its words in points and their mean
// confidence from Tesseract's words in reading order.
func layout(raw []rawWord, dpi int) (text string, words []extract.Word, conf float64) {
	raw = slices.DeleteFunc(slices.Clone(raw), func(w rawWord) bool {
		w.text = strings.TrimSpace(w.text)
		return w.text == "" || w.x1 <= w.x0 || w.y1 <= w.y0
	})
	if len(raw) == 0 {
		return "", nil, 0
	}
	for i := range raw {
		raw[i].text = strings.TrimSpace(raw[i].text)
		raw[i].seq = i
	}
	rows := mergeRows(tessLines(raw))
	charW := medianCharWidth(raw)
	scale := 72 / float64(dpi)

	var b strings.Builder
	line := 0
	for ri, r := range rows {
		if ri > 0 {
			b.WriteByte('\n')
			line++
			if disjoint(rows[ri-1].blocks, r.blocks) {
				b.WriteByte('\n')
				line++
			}
		}
		for wi, w := range r.words {
			if wi > 0 {
				b.WriteString(strings.Repeat(" ", gapSpaces(w.x0-r.words[wi-1].x1, charW)))
			}
			b.WriteString(w.text)
			words = append(words, extract.Word{
				Text: w.text,
				Box: extract.Box{
					X0: float64(w.x0) * scale, Y0: float64(w.y0) * scale,
					X1: float64(w.x1) * scale, Y1: float64(w.y1) * scale,
				},
				Confidence: w.conf,
				Line:       line,
			})
			conf += w.conf
		}
	}
	return b.String(), words, conf / float64(len(words))
}

// tessLines groups words by Tesseract's block, paragraph and line numbers,
// keeping reading order.
func tessLines(raw []rawWord) []*row {
	var lines []*row
	index := map[[3]int]*row{}
	for _, w := range raw {
		key := [3]int{w.block, w.par, w.line}
		r := index[key]
		if r == nil {
			r = &row{blocks: map[int]bool{w.block: true}, y0: w.y0, y1: w.y1}
			index[key] = r
			lines = append(lines, r)
		}
		r.words = append(r.words, w)
		r.y0, r.y1 = min(r.y0, w.y0), max(r.y1, w.y1)
	}
	return lines
}

// mergeRows joins Tesseract lines that sit at the same height, as table
// columns do when Tesseract takes each column for a block, into rows from
// top to bottom with words from left to right.
func mergeRows(lines []*row) []*row {
	slices.SortStableFunc(lines, func(a, b *row) int { return cmp.Compare(a.mid(), b.mid()) })
	var rows []*row
	for _, l := range lines {
		if n := len(rows); n > 0 && sameRow(rows[n-1], l) {
			r := rows[n-1]
			r.words = append(r.words, l.words...)
			r.y0, r.y1 = min(r.y0, l.y0), max(r.y1, l.y1)
			for b := range l.blocks {
				r.blocks[b] = true
			}
			continue
		}
		rows = append(rows, l)
	}
	for _, r := range rows {
		slices.SortStableFunc(r.words, func(a, b rawWord) int { return cmp.Compare(a.x0, b.x0) })
	}
	return rows
}

// sameRow reports whether line l belongs on row r: their middles are within
// half the smaller height, or the words facing each other across the gap
// between them are (facingWords), and no words overlap across.
func sameRow(r, l *row) bool {
	h := float64(min(r.y1-r.y0, l.y1-l.y0))
	if math.Abs(r.mid()-l.mid()) > h/2 && !facingWords(r, l) {
		return false
	}
	for _, a := range r.words {
		for _, b := range l.words {
			if a.x0 < b.x1 && b.x0 < a.x1 {
				return false
			}
		}
	}
	return true
}

// facingWords reports whether one line stands wholly left of the other and
// the two words facing each other across the gap between them sit at one
// height: their middles within half the smaller word's height. On a
// tilted scan a long line's box grows as tall as its slope, so the
// middles of two cells of one table row (a date Tesseract took for a
// block of its own, and the rest of the row) lie apart by more than half
// a line, while the words next to each other still line up.
func facingWords(r, l *row) bool {
	left, right := r, l
	if minX0(l.words) < minX0(r.words) {
		left, right = l, r
	}
	a, b := lastWord(left.words), firstWord(right.words)
	if a.x1 > b.x0 {
		return false
	}
	h := float64(min(a.y1-a.y0, b.y1-b.y0))
	return math.Abs(float64(a.y0+a.y1)/2-float64(b.y0+b.y1)/2) <= h/2
}

func minX0(ws []rawWord) int { return firstWord(ws).x0 }

// firstWord and lastWord return the leftmost and the rightmost word.
func firstWord(ws []rawWord) rawWord {
	return slices.MinFunc(ws, func(a, b rawWord) int { return cmp.Compare(a.x0, b.x0) })
}

func lastWord(ws []rawWord) rawWord {
	return slices.MaxFunc(ws, func(a, b rawWord) int { return cmp.Compare(a.x1, b.x1) })
}

// medianCharWidth estimates the width of one character in pixels.
func medianCharWidth(raw []rawWord) float64 {
	ws := make([]float64, 0, len(raw))
	for _, w := range raw {
		if n := utf8.RuneCountInString(w.text); n > 0 {
			ws = append(ws, float64(w.x1-w.x0)/float64(n))
		}
	}
	slices.Sort(ws)
	return max(ws[len(ws)/2], 1)
}

// gapSpaces turns a gap in pixels into spaces: one for an ordinary word
// gap, and about one per character width for a wide one, up to 40.
func gapSpaces(gap int, charW float64) int {
	if float64(gap) < 2*charW {
		return 1
	}
	return min(max(int(math.Round(float64(gap)/charW)), 2), 40)
}

func disjoint(a, b map[int]bool) bool {
	for k := range a {
		if b[k] {
			return false
		}
	}
	return true
}
