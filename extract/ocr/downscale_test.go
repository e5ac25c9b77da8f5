//go:build cgo

package ocr

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"image"
	_ "image/png"
	"math"
	"os"
	"os/exec"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/tiff"
)

// pbmOf thresholds a grey PNG page into a one-bit PBM (P4), as a fax or
// copier stores its pages.
func pbmOf(tb testing.TB, pngData []byte) []byte {
	tb.Helper()
	img, _, err := image.Decode(bytes.NewReader(pngData))
	if err != nil {
		tb.Fatal(err)
	}
	g := img.(*image.Gray)
	w, h := g.Rect.Dx(), g.Rect.Dy()
	var b bytes.Buffer
	fmt.Fprintf(&b, "P4\n%d %d\n", w, h)
	row := make([]byte, (w+7)/8)
	for y := range h {
		clear(row)
		for x := range w {
			if g.GrayAt(x, y).Y < 128 {
				row[x/8] |= 0x80 >> (x % 8)
			}
		}
		b.Write(row)
	}
	return b.Bytes()
}

func TestBilevelReadAsGrey(t *testing.T) {
	page, _ := testPage(t, 300, noteLines)
	bilevel := pbmOf(t, page)
	grey, factor, free, ok := bilevelToGrey(bilevel, 300)
	if !ok {
		t.Fatal("a one-bit 300 DPI page was not scaled to grey")
	}
	defer free()
	if math.Abs(factor-2.0/3) > 1e-9 {
		t.Errorf("factor %v, want 2/3 (300 -> %d DPI)", factor, greyDPI)
	}
	img, format, err := image.Decode(bytes.NewReader(grey))
	if err != nil {
		t.Fatalf("scaled page does not decode: %v", err)
	}
	g, isGrey := img.(*image.Gray)
	// A TIFF, not a PGM: Leptonica reads and writes a PGM a byte at a
	// time (~80 ms of a page's CPU).
	if format != "tiff" || !isGrey {
		t.Fatalf("scaled page is %s %T, want an eight-bit grey TIFF", format, img)
	}
	if w, h := g.Rect.Dx(), g.Rect.Dy(); w != 1700 || h != 2200 {
		t.Errorf("scaled page %dx%d pixels, want 1700x2200 (Letter at 200 DPI)", w, h)
	}
	// Area averaging leaves the ink's edges grey, neither black nor white.
	shades := 0
	for _, v := range g.Pix {
		if v > 0 && v < 255 {
			shades++
		}
	}
	if shades < 1000 {
		t.Errorf("%d grey pixels: the page was not averaged", shades)
	}

	for _, c := range []struct {
		name string
		img  []byte
		dpi  int
	}{
		{"one-bit at 200 DPI", bilevel, 200},
		{"grey at 300 DPI", page, 300},
		{"not an image", []byte("P4\n10"), 300},
	} {
		if _, _, _, ok := bilevelToGrey(c.img, c.dpi); ok {
			t.Errorf("%s: scaled, want it read as it is", c.name)
		}
	}
}

// TestRecognizeBilevelBoxes OCRs a one-bit 300 DPI page, which is read at
// 200 DPI in grey: the words and their boxes must come back in the page's
// own coordinates.
func TestRecognizeBilevelBoxes(t *testing.T) {
	requireTesseract(t)
	page, drawn := testPage(t, 300, noteLines)
	pool, err := NewPool(1, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	got, err := pool.Recognize(context.Background(), pbmOf(t, page), 300, "d", 1)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(got.Width-612) > 1 || math.Abs(got.Height-792) > 1 {
		t.Errorf("page size %vx%v points, want 612x792", got.Width, got.Height)
	}
	for _, want := range []string{"EMERGENCY", "neck pain", "cervical strain"} {
		if !strings.Contains(got.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, got.Text)
		}
	}
	for _, target := range []string{"EMERGENCY", "collision.", "therapy."} {
		var want drawnWord
		for _, d := range drawn {
			if d.text == target {
				want = d
			}
		}
		w := find(got.Words, target)
		if w == nil {
			t.Errorf("word %q not recognised", target)
			continue
		}
		const tol = 4.0
		if math.Abs(w.Box.X0-want.box.X0) > tol || math.Abs(w.Box.X1-want.box.X1) > tol ||
			math.Abs(w.Box.Y1-want.box.Y1) > tol || w.Box.Y0 < want.box.Y0-tol || w.Box.Y0 > want.box.Y1 {
			t.Errorf("word %q box %+v, drawn at %+v", target, w.Box, want.box)
		}
	}
}

// residentMB is the test process's resident memory.
func residentMB(tb testing.TB) float64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		tb.Skip("no /proc:", err)
	}
	f := strings.Fields(string(b))
	n, _ := strconv.Atoi(f[1])
	return float64(n*os.Getpagesize()) / (1 << 20)
}

// TestRecognizeGivesMemoryBack: what a page took goes back to the system
// once its words are read. A sandbox reader is replaced when its resident
// memory passes 112 MB, and glibc kept what Tesseract freed, so a reader's
// memory climbed tens of megabytes a page (here 27 -> 82 MB over four
// pages) and readers were replaced every three or four pages.
func TestRecognizeGivesMemoryBack(t *testing.T) {
	requireTesseract(t)
	lines := make([]string, 0, 40)
	for len(lines) < 40 {
		lines = append(lines, noteLines...)
	}
	img, _ := testPage(t, 300, lines)
	pool, err := NewPool(1, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	var first float64
	for i := range 4 {
		if _, err := pool.Recognize(context.Background(), img, 300, "d", 1); err != nil {
			t.Fatal(err)
		}
		debug.FreeOSMemory()
		if i == 0 {
			first = residentMB(t)
		}
	}
	if grew := residentMB(t) - first; grew > 20 {
		t.Errorf("resident memory grew %.1f MB over three more pages of the same kind", grew)
	}
}

// TestLargeBlocksMapped: a page's large C buffers get mappings of their
// own, given back when freed, also after a larger one was freed (glibc
// would otherwise take them from a fragmented heap from then on).
//
// It runs in a process of its own: in one that other tests' pages have
// used, the heap may hold the block whatever the threshold.
func TestLargeBlocksMapped(t *testing.T) {
	if os.Getenv("MEDCHRON_TEST_LARGE_BLOCK") != "" {
		if !largeBlockMapped() {
			fmt.Println("heap")
			os.Exit(1)
		}
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLargeBlocksMapped$", "-test.count=1")
	cmd.Env = append(os.Environ(), "MEDCHRON_TEST_LARGE_BLOCK=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("a 3 MB block after a freed 4 MB one came from the heap (%v)\n%s", err, out)
	}
}

// bilevelTIFF is a one-bit uncompressed TIFF of w x h pixels (black where
// ink says) at dpi (none when 0).
func bilevelTIFF(w, h, dpi int, ink func(x, y int) bool) []byte {
	bpl := (w + 7) / 8
	ntags := 9
	if dpi > 0 {
		ntags = 12
	}
	dirLen := 2 + 12*ntags + 4
	resOff, pixOff := 8+dirLen, 8+dirLen+16
	b := binary.LittleEndian.AppendUint32([]byte("II*\x00"), 8)
	b = binary.LittleEndian.AppendUint16(b, uint16(ntags))
	tag := func(t, typ uint16, v uint32) {
		b = binary.LittleEndian.AppendUint16(b, t)
		b = binary.LittleEndian.AppendUint16(b, typ)
		b = binary.LittleEndian.AppendUint32(b, 1)
		if typ == 3 {
			b = binary.LittleEndian.AppendUint32(b, v&0xffff)
		} else {
			b = binary.LittleEndian.AppendUint32(b, v)
		}
	}
	tag(256, 4, uint32(w))
	tag(257, 4, uint32(h))
	tag(258, 3, 1)
	tag(259, 3, 1)
	tag(262, 3, 0) // white is zero: 1 = black
	tag(273, 4, uint32(pixOff))
	tag(277, 3, 1)
	tag(278, 4, uint32(h))
	tag(279, 4, uint32(bpl*h))
	if dpi > 0 {
		tag(282, 5, uint32(resOff))
		tag(283, 5, uint32(resOff+8))
		tag(296, 3, 2)
	}
	b = binary.LittleEndian.AppendUint32(b, 0)
	for len(b) < pixOff {
		b = append(b, 0)
	}
	for _, v := range []uint32{uint32(dpi), 1, uint32(dpi), 1} {
		b[resOff], b[resOff+1], b[resOff+2], b[resOff+3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
		resOff += 4
	}
	row := make([]byte, bpl)
	for y := range h {
		clear(row)
		for x := range w {
			if ink(x, y) {
				row[x/8] |= 0x80 >> (x % 8)
			}
		}
		b = append(b, row...)
	}
	return b
}

// tiffResolution returns the XResolution and YResolution of a TIFF
// (rationals, rounded), 0 when it has none.
func tiffResolution(tb testing.TB, b []byte) (x, y int) {
	tb.Helper()
	var bo binary.ByteOrder = binary.LittleEndian
	if b[0] == 'M' {
		bo = binary.BigEndian
	}
	dir := int(bo.Uint32(b[4:]))
	n := int(bo.Uint16(b[dir:]))
	for i := range n {
		e := b[dir+2+12*i:]
		t, off := bo.Uint16(e), int(bo.Uint32(e[8:]))
		if t != 282 && t != 283 {
			continue
		}
		if bo.Uint16(e[2:]) != 5 {
			tb.Fatalf("resolution tag %d of type %d, want a rational", t, bo.Uint16(e[2:]))
		}
		v := int(math.Round(float64(bo.Uint32(b[off:])) / float64(bo.Uint32(b[off+4:]))))
		if t == 282 {
			x = v
		} else {
			y = v
		}
	}
	return x, y
}

// TestBilevelGreyAsLeptonica: the program's own area averaging of a
// one-bit page gives Leptonica's pixels (pixConvert1To8, pixScaleAreaMap)
// and resolution, so that Tesseract reads the same image as before,
// whatever the page's size and resolution.
func TestBilevelGreyAsLeptonica(t *testing.T) {
	page, _ := testPage(t, 300, noteLines)
	text := pbmOf(t, page)
	noise := func(seed uint32) func(x, y int) bool {
		return func(x, y int) bool {
			h := uint32(x)*0x9e3779b1 ^ uint32(y)*0x85ebca77 ^ seed
			h ^= h >> 15
			h *= 0x2c1b3c6d
			h ^= h >> 12
			// Blocks of ink and white, and noise between.
			switch {
			case (x/40+y/37)%5 == 0:
				return true
			case (x/53+y/29)%3 == 0:
				return false
			}
			return h%3 == 0
		}
	}
	for _, c := range []struct {
		name string
		img  []byte
		dpi  int
	}{
		{"text page, 300 DPI", text, 300},
		{"noise, 300 DPI, with a resolution", bilevelTIFF(1237, 1601, 300, noise(1)), 300},
		{"noise, 360 DPI", bilevelTIFF(1001, 777, 0, noise(2)), 360},
		{"noise, 600 DPI, with a resolution", bilevelTIFF(2551, 3301, 600, noise(3)), 600},
		{"noise, 420 DPI", bilevelTIFF(50, 3, 0, noise(4)), 420},
		{"all black, 300 DPI", bilevelTIFF(300, 200, 300, func(int, int) bool { return true }), 300},
		{"400 DPI (Leptonica's halving)", bilevelTIFF(800, 600, 400, noise(5)), 400},
		{"260 DPI (Leptonica's linear scaling)", bilevelTIFF(800, 600, 260, noise(6)), 260},
	} {
		got, gf, gfree, ok := scaleBilevel(c.img, c.dpi, false)
		if !ok {
			t.Errorf("%s: not scaled", c.name)
			continue
		}
		want, wf, wfree, ok := scaleBilevel(c.img, c.dpi, true)
		if !ok {
			gfree()
			t.Fatalf("%s: Leptonica did not scale it", c.name)
		}
		if gf != wf {
			t.Errorf("%s: factor %v, Leptonica's %v", c.name, gf, wf)
		}
		gi, gerr := tiff.Decode(bytes.NewReader(got))
		wi, werr := tiff.Decode(bytes.NewReader(want))
		gx, gy := tiffResolution(t, got)
		wx, wy := tiffResolution(t, want)
		gfree()
		wfree()
		if gerr != nil || werr != nil {
			t.Fatalf("%s: decode: %v / %v", c.name, gerr, werr)
		}
		gg, ok1 := gi.(*image.Gray)
		wg, ok2 := wi.(*image.Gray)
		if !ok1 || !ok2 {
			t.Fatalf("%s: %T against Leptonica's %T, want eight-bit grey", c.name, gi, wi)
		}
		if gg.Rect != wg.Rect {
			t.Errorf("%s: %v pixels, Leptonica's %v", c.name, gg.Rect, wg.Rect)
			continue
		}
		if gx != wx || gy != wy {
			t.Errorf("%s: resolution %dx%d, Leptonica's %dx%d", c.name, gx, gy, wx, wy)
		}
		diff, first := 0, image.Point{-1, -1}
		for y := range gg.Rect.Dy() {
			for x := range gg.Rect.Dx() {
				if gg.GrayAt(x, y) != wg.GrayAt(x, y) {
					if diff == 0 {
						first = image.Pt(x, y)
					}
					diff++
				}
			}
		}
		if diff > 0 {
			t.Errorf("%s: %d of %d pixels differ from Leptonica's, the first at %v (%d against %d)", c.name, diff,
				gg.Rect.Dx()*gg.Rect.Dy(), first, gg.GrayAt(first.X, first.Y).Y, wg.GrayAt(first.X, first.Y).Y)
		}
	}
}

// BenchmarkBilevelToGrey scales a one-bit 300 DPI Letter page of text (a
// TIFF, as extract/pdf hands over a fax page) to 200 DPI grey, the
// program's way and Leptonica's.
func BenchmarkBilevelToGrey(b *testing.B) {
	lines := make([]string, 0, 40)
	for len(lines) < 40 {
		lines = append(lines, noteLines...)
	}
	page, _ := testPage(b, 300, lines)
	pi, _, err := image.Decode(bytes.NewReader(page))
	if err != nil {
		b.Fatal(err)
	}
	g := pi.(*image.Gray)
	img := bilevelTIFF(g.Rect.Dx(), g.Rect.Dy(), 300, func(x, y int) bool { return g.GrayAt(x, y).Y < 128 })
	for _, lept := range []bool{false, true} {
		name := "program"
		if lept {
			name = "leptonica"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				_, _, free, ok := scaleBilevel(img, 300, lept)
				if !ok {
					b.Fatal("not scaled")
				}
				free()
			}
		})
	}
}
