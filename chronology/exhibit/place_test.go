package exhibit

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/hostile"
)

// TestPlaceStamps: the usual corners when they are free; lower in the
// margin, then the top, when something is printed there; the page shrunk
// when no place is free; the Bates number and the footer never overlap.
func TestPlaceStamps(t *testing.T) {
	const w, h = 612.0, 792.0
	bates := stampText{text: "MC000123", size: batesSize, right: true}
	footer := stampText{text: "CONFIDENTIAL", size: footerSize}
	// A box from the top left, as extract.Page.Words hold them.
	box := func(x0, yTop, x1, yBottom float64) extract.Box {
		return extract.Box{X0: x0, Y0: yTop, X1: x1, Y1: yBottom}
	}
	senderBates := box(520, h-26, 594, h-16) // a sender's stamp at the bottom right, 16–26 pt from the edge
	above := box(500, h-32, 600, h-22)       // a line just above the usual place
	rightColumn := box(440, 0, w, h)         // the whole right side printed
	for _, tt := range []struct {
		name   string
		words  []extract.Box
		wantY  float64 // the Bates number's baseline, from the bottom
		centre bool    // the Bates number in the middle of the edge
		shrink bool
	}{
		{"nothing printed", nil, stampInset, false, false},
		{"text far from the margin", []extract.Box{box(72, 72, 540, 700)}, stampInset, false, false},
		{"a line just above the usual place", []extract.Box{above}, stampLow, false, false},
		{"a sender's stamp in the corner", []extract.Box{senderBates}, h - stampInset - batesSize, false, false},
		{"the right side printed", []extract.Box{rightColumn}, stampInset, true, false},
		{"nothing free", []extract.Box{box(0, 0, w, h)}, stampLow, false, true},
	} {
		lay := placeStamps(w, h, []stampText{bates, footer}, tt.words)
		if got := lay.shrink < 1; got != tt.shrink {
			t.Errorf("%s: shrunk %v (scale %v), want %v", tt.name, got, lay.shrink, tt.shrink)
			continue
		}
		if len(lay.stamps) != 2 {
			t.Fatalf("%s: %d stamps", tt.name, len(lay.stamps))
		}
		b, f := lay.stamps[0], lay.stamps[1]
		if b.y != tt.wantY {
			t.Errorf("%s: Bates number at y %v, want %v", tt.name, b.y, tt.wantY)
		}
		if centre := b.x < w/2 && b.x+textWidth(b.text, b.size) > w/2; centre != tt.centre {
			t.Errorf("%s: Bates number at x %v, in the middle %v, want %v", tt.name, b.x, centre, tt.centre)
		}
		if !tt.shrink {
			r := rectBL{b.x, b.y, b.x + textWidth(b.text, b.size), b.y + b.size}
			for _, wd := range tt.words {
				if r.overlaps(rectBL{wd.X0, h - wd.Y1, wd.X1, h - wd.Y0}) {
					t.Errorf("%s: the Bates number at (%v, %v) covers printed words %+v", tt.name, b.x, b.y, wd)
				}
			}
		}
		rb := rectBL{b.x, b.y, b.x + textWidth(b.text, b.size), b.y + b.size}
		rf := rectBL{f.x, f.y, f.x + textWidth(f.text, f.size), f.y + f.size}
		if rb.overlaps(rf) {
			t.Errorf("%s: the stamps overlap: %+v %+v", tt.name, b, f)
		}
	}
	if s := placeStamps(w, h, []stampText{bates}, []extract.Box{box(0, 0, w, h)}).shrink; s < minShrink || s >= 1 {
		t.Errorf("shrink scale %v, want in [%v, 1)", s, minShrink)
	}
}

// TestBuildStampsInFreeMargin builds an exhibit of a page whose sender
// stamped its own number in the bottom right corner and a page printed to
// its edges: the first page's Bates number is stamped where nothing is
// printed, and the second page's content is shrunk so that its Bates
// number covers none of it.
func TestBuildStampsInFreeMargin(t *testing.T) {
	needPoppler(t)
	var lines []string
	for y := 10; y < 790; y += 12 {
		lines = append(lines, fmt.Sprintf("BT /F1 10 Tf 10 %d Td (%s) Tj ET", y, strings.Repeat("Dense line of text ", 5)))
	}
	src := onePagePDFs(t, "BT /F1 12 Tf 72 700 Td (Office visit 03/14/2024) Tj ET BT /F1 10 Tf 520 18 Td (SND000042) Tj ET",
		strings.Join(lines, "\n"))
	srcBoxes := wordBoxes(t, src)
	words := make([][]extract.Box, len(srcBoxes))
	for i, p := range srcBoxes {
		for _, w := range p.words {
			words[i] = append(words[i], extract.Box{X0: w.xMin, Y0: w.yMin, X1: w.xMax, Y1: w.yMax})
		}
	}
	var out bytes.Buffer
	doc := Doc{File: "records.pdf", Bytes: src, BatesFirst: "MC000001", Words: func(first, last int) ([][]extract.Box, error) { return words[first-1 : last], nil }}
	if err := Build(context.Background(), &out, []Doc{doc}, Options{}); err != nil {
		t.Fatal(err)
	}
	got := wordBoxes(t, out.Bytes())
	if len(got) != 2 {
		t.Fatalf("%d pages", len(got))
	}
	find := func(p bboxPage, text string) *word {
		for i := range p.words {
			if p.words[i].text == text {
				return &p.words[i]
			}
		}
		return nil
	}
	b1, sender := find(got[0], "MC000001"), find(got[0], "SND000042")
	if b1 == nil || sender == nil {
		t.Fatalf("page 1: Bates %v, sender's stamp %v", b1, sender)
	}
	if b1.xMin < sender.xMax && sender.xMin < b1.xMax && b1.yMin < sender.yMax && sender.yMin < b1.yMax {
		t.Errorf("page 1: the Bates number %+v covers the sender's stamp %+v", *b1, *sender)
	}
	b2 := find(got[1], "MC000002")
	if b2 == nil {
		t.Fatal("page 2: no Bates number")
	}
	for _, w := range got[1].words {
		if w.text != "MC000002" && w.yMax > b2.yMin && w.yMin < b2.yMax && w.xMax > b2.xMin && w.xMin < b2.xMax {
			t.Errorf("page 2: the Bates number %+v covers %+v", *b2, w)
			break
		}
	}
	// The shrunk page keeps its top line at the top.
	if first := srcBoxes[1].words[0]; first.yMin > 40 {
		top := got[1].words[0]
		for _, w := range got[1].words {
			top = minY(top, w)
		}
		if top.yMin > 20 {
			t.Errorf("page 2: the shrunk content's top line is at %v pt from the top", top.yMin)
		}
	}
}

func minY(a, b word) word {
	if b.yMin < a.yMin {
		return b
	}
	return a
}

// onePagePDFs writes a Letter PDF whose pages draw the given contents in
// Helvetica.
func onePagePDFs(t *testing.T, contents ...string) []byte {
	t.Helper()
	n := len(contents)
	kids := make([]string, n)
	for i := range n {
		kids[i] = fmt.Sprintf("%d 0 R", 4+i)
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> >>", strings.Join(kids, " "), n),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	for i := range n {
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /Contents %d 0 R >>", 4+n+i))
	}
	for _, c := range contents {
		objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(c), c))
	}
	return pdfOf(objs)
}

// TestWordsReadByWindow: a long document's word boxes are asked for
// WordsWindow pages at a time, in order, and each page's stamps avoid its
// own words, not another page's of the window.
func TestWordsReadByWindow(t *testing.T) {
	const n = 2*WordsWindow + 22
	src := hostile.FlatPages(n, func(i int) string { return fmt.Sprintf("Progress note, page %d", i) })
	// Page 100 prints a word where its Bates number would go.
	const busy = 100
	var asked [][2]int
	words := func(first, last int) ([][]extract.Box, error) {
		asked = append(asked, [2]int{first, last})
		out := make([][]extract.Box, last-first+1)
		if busy >= first && busy <= last {
			out[busy-first] = []extract.Box{{X0: 400, Y0: 760, X1: 600, Y1: 792}}
		}
		return out, nil
	}
	var out bytes.Buffer
	doc := Doc{File: "chart.pdf", Bytes: src, BatesFirst: "MC000001", Words: words}
	if err := Build(context.Background(), &out, []Doc{doc}, Options{}); err != nil {
		t.Fatal(err)
	}
	want := [][2]int{{1, WordsWindow}, {WordsWindow + 1, 2 * WordsWindow}, {2*WordsWindow + 1, n}}
	if !slices.Equal(asked, want) {
		t.Errorf("words asked for pages %v, want %v", asked, want)
	}
	boxes := wordBoxes(t, out.Bytes())
	stampOf := func(p int) *word {
		for i, w := range boxes[p-1].words {
			if w.text == Bates("MC", p) {
				return &boxes[p-1].words[i]
			}
		}
		t.Fatalf("page %d: no Bates number", p)
		return nil
	}
	plain, moved := stampOf(busy-1), stampOf(busy)
	if plain.yMin == moved.yMin && plain.xMin == moved.xMin {
		t.Errorf("page %d's Bates number stands where page %d's does (%.0f,%.0f), over its words", busy, busy-1, plain.xMin, plain.yMin)
	}
}
