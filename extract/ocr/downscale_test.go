//go:build cgo

package ocr

import (
	"bytes"
	"context"
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
