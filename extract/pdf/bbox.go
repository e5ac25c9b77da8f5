package pdf

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"

	"github.com/medchron/medchron/extract"
)

// bboxPage is one page of pdftotext -bbox-layout output.
type bboxPage struct {
	width, height float64
	words         []extract.Word // Line not yet known
}

// errBadOutput is word boxes that pdftotext wrote but that cannot be read:
// the same file gives the same output, so the file is taken as damaged.
var errBadOutput = errors.New("pdftotext's word boxes cannot be read")

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// parseBBox reads the XHTML written by pdftotext -bbox-layout: pages with
// their size, and words with boxes in points from the top-left. It fails
// with errTooBig past limit bytes. Bytes that are not UTF-8 (poppler copies
// a broken metadata string as it is) read as U+FFFD.
func parseBBox(r io.Reader, limit int64) ([]bboxPage, error) {
	cr := &countingReader{r: r}
	dec := xml.NewDecoder(transform.NewReader(cr, runes.ReplaceIllFormed()))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	var pages []bboxPage
	for {
		tok, err := dec.Token()
		if cr.n > limit {
			return nil, errTooBig
		}
		if errors.Is(err, io.EOF) {
			return pages, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errBadOutput, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "page":
			pages = append(pages, bboxPage{width: attrFloat(se, "width"), height: attrFloat(se, "height")})
		case "word":
			var text string
			if err := dec.DecodeElement(&text, &se); err != nil {
				return nil, fmt.Errorf("%w: %v", errBadOutput, err)
			}
			text = strings.TrimSpace(text)
			if text == "" || len(pages) == 0 {
				continue
			}
			p := &pages[len(pages)-1]
			p.words = append(p.words, extract.Word{Text: text, Box: extract.Box{
				X0: attrFloat(se, "xMin"), Y0: attrFloat(se, "yMin"),
				X1: attrFloat(se, "xMax"), Y1: attrFloat(se, "yMax"),
			}})
		}
	}
}

func attrFloat(se xml.StartElement, name string) float64 {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			f, err := strconv.ParseFloat(a.Value, 64)
			if err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
				return f
			}
		}
	}
	return 0
}

// assignLines sets each word's Line to the index of the line of text that
// holds it (text being the page's layout text) and returns the words sorted
// by line, then from left to right. Words are matched to the tokens of each
// line by their text, in order, keeping to one height per line; a word that
// matches no token takes the line nearest to it vertically.
func assignLines(text string, words []extract.Word) []extract.Word {
	if len(words) == 0 {
		return nil
	}
	out := slices.Clone(words)
	for i := range out {
		out[i].Line = -1
	}
	byText := map[string][]int{}
	for i, w := range out {
		byText[w.Text] = append(byText[w.Text], i)
	}
	lines := strings.Split(text, "\n")
	lineY := make([]float64, len(lines))
	known := make([]bool, len(lines))
	prevY := math.Inf(-1)
	for li, line := range lines {
		for _, tok := range strings.Fields(line) {
			if wi, ci := pick(out, byText[tok], lineY[li], known[li], prevY); wi >= 0 {
				out[wi].Line = li
				if !known[li] {
					lineY[li], known[li] = mid(out[wi]), true
				}
				byText[tok] = slices.Delete(byText[tok], ci, ci+1)
			}
		}
		if known[li] {
			prevY = lineY[li]
		}
	}
	for i := range out {
		if out[i].Line < 0 {
			out[i].Line = nearestLine(mid(out[i]), lineY, known)
		}
	}
	slices.SortStableFunc(out, func(a, b extract.Word) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		switch {
		case a.Box.X0 < b.Box.X0:
			return -1
		case a.Box.X0 > b.Box.X0:
			return 1
		}
		return 0
	})
	return out
}

// pick chooses, among candidate words for a token, one at the height of a
// line already placed (y), or for a new line the topmost word not above the
// previous line. It returns the word's index and its place in cands, or -1.
func pick(words []extract.Word, cands []int, y float64, placed bool, prevY float64) (int, int) {
	best, bestAt, bestY := -1, -1, math.Inf(1)
	for ci, wi := range cands {
		w := words[wi]
		yc, tol := mid(w), max((w.Box.Y1-w.Box.Y0)/2, 1)
		if placed {
			if math.Abs(yc-y) <= tol {
				return wi, ci
			}
			continue
		}
		if yc >= prevY-tol && yc < bestY {
			best, bestAt, bestY = wi, ci, yc
		}
	}
	return best, bestAt
}

func mid(w extract.Word) float64 { return (w.Box.Y0 + w.Box.Y1) / 2 }

func nearestLine(y float64, lineY []float64, known []bool) int {
	best, bestD := 0, math.Inf(1)
	for i, ok := range known {
		if d := math.Abs(lineY[i] - y); ok && d < bestD {
			best, bestD = i, d
		}
	}
	return best
}
