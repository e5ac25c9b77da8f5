package ui

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// wordsPage lays out lines of words 10 points apart, each word 6 points
// per letter plus a space.
func wordsPage(src extract.PageSource, lines ...string) extract.Page {
	p := extract.Page{Source: src, Text: strings.Join(lines, "\n"), Width: 612, Height: 792}
	for li, l := range lines {
		x := 50.0
		for _, w := range strings.Fields(l) {
			y := 100 + float64(li)*10
			p.Words = append(p.Words, extract.Word{Text: w, Line: li, Box: extract.Box{X0: x, Y0: y, X1: x + 6*float64(len(w)), Y1: y + 8}})
			x += 6*float64(len(w)) + 6
		}
	}
	return p
}

func TestHighlightQuote(t *testing.T) {
	page := wordsPage(extract.SourceText,
		"Date of Service: 03/10/2023",
		"Chief complaint: neck pain after motor-",
		"vehicle collision. Pain 8/10.")
	cases := []struct {
		name, quote string
		src         extract.PageSource
		lines       int // highlight rects; 0 means not located
	}{
		{"one line", "Date of Service: 03/10/2023", extract.SourceText, 1},
		{"case and spacing", "CHIEF COMPLAINT:   neck pain", extract.SourceText, 1},
		{"across lines, hyphen rejoined", "neck pain after motor-vehicle collision", extract.SourceText, 2},
		{"wrong number", "Pain 9/10", extract.SourceText, 0},
		{"absent", "lumbar fracture", extract.SourceText, 0},
		{"OCR confusion", "Date of Servlce: O3/10/2023", extract.SourceOCR, 1},
	}
	for _, c := range cases {
		p := page
		p.Source = c.src
		rects, located := highlightQuote(p, c.quote)
		if len(rects) != c.lines || located != (c.lines > 0) {
			t.Errorf("%s: %d rects (located %v), want %d", c.name, len(rects), located, c.lines)
		}
	}
	// The rect covers exactly the matched words, padded.
	rects, _ := highlightQuote(page, "complaint: neck")
	w0, w1 := page.Words[5], page.Words[6] // "complaint:" "neck"
	want := hlRect{X: w0.Box.X0 - hlPad, Y: w0.Box.Y0 - hlPad, W: w1.Box.X1 - w0.Box.X0 + 2*hlPad, H: 8 + 2*hlPad}
	if len(rects) != 1 || rects[0] != want {
		t.Errorf("rects %+v, want %+v", rects, want)
	}
}

// TestHighlightAlignsToText: when the words joined do not match (the
// word boxes split a word the text layer has whole), the words are
// aligned to the page text instead.
func TestHighlightAlignsToText(t *testing.T) {
	p := wordsPage(extract.SourceText, "Assessment: lum bar strain")
	p.Text = "Assessment: lumbar strain"
	rects, located := highlightQuote(p, "lumbar strain")
	if !located || len(rects) != 1 {
		t.Fatalf("%d rects, located %v", len(rects), located)
	}
	if want := p.Words[1].Box.X0 - hlPad; rects[0].X != want {
		t.Errorf("the highlight starts at %.1f, want %.1f", rects[0].X, want)
	}
	// No word positions: located, nothing to draw.
	p.Words = nil
	if rects, located := highlightQuote(p, "lumbar strain"); !located || len(rects) != 0 {
		t.Errorf("no words: %d rects, located %v", len(rects), located)
	}
}

func TestPNGCacheBounds(t *testing.T) {
	c := newPNGCache(3, 10)
	k := func(n int) pngKey { return pngKey{doc: "d", page: n, dpi: 110} }
	c.put(k(1), []byte("aaa"))
	c.put(k(2), []byte("bbb"))
	c.put(k(3), []byte("ccc"))
	if _, ok := c.get(k(1)); !ok { // 1 becomes the most recent
		t.Fatal("page 1 missing")
	}
	c.put(k(4), []byte("ddd")) // over 3 entries: 2 goes
	if _, ok := c.get(k(2)); ok {
		t.Error("the least recently used page stayed")
	}
	c.put(k(5), []byte("eeeeeee")) // over 10 bytes: 3, then 1 go
	if _, ok := c.get(k(3)); ok {
		t.Error("the byte bound was not kept")
	}
	if c.bytes > 10 || c.ll.Len() != len(c.byKey) {
		t.Errorf("%d bytes, %d items, %d keys", c.bytes, c.ll.Len(), len(c.byKey))
	}
	c.put(k(6), make([]byte, 11)) // larger than the cache: not kept
	if _, ok := c.get(k(6)); ok {
		t.Error("an image larger than the cache was kept")
	}
}
