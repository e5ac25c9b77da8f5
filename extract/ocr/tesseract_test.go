//go:build cgo

package ocr

import (
	"bytes"
	"context"
	"image"
	"image/draw"
	"image/png"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/otiai10/gosseract/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/medchron/medchron/extract"
)

// requireTesseract skips when Tesseract's English data is missing.
func requireTesseract(tb testing.TB) {
	tb.Helper()
	langs, err := gosseract.GetAvailableLanguages()
	if err != nil || !strings.Contains(strings.Join(langs, " "), "eng") {
		tb.Skipf("Tesseract English data not installed (tesseract-ocr-eng): %v", err)
	}
}

// drawnWord is where a word was drawn, in points from the top-left.
type drawnWord struct {
	text string
	box  extract.Box
}

// testPage renders lines of 12 pt text on a white Letter page at dpi,
// from one inch in and one inch down, and returns the PNG and each word's
// box in points.
func testPage(tb testing.TB, dpi int, lines []string) ([]byte, []drawnWord) {
	tb.Helper()
	f, err := opentype.Parse(goregular.TTF)
	if err != nil {
		tb.Fatal(err)
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 12, DPI: float64(dpi), Hinting: font.HintingFull})
	if err != nil {
		tb.Fatal(err)
	}
	defer face.Close()
	img := image.NewGray(image.Rect(0, 0, dpi*85/10, dpi*11))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	d := &font.Drawer{Dst: img, Src: image.Black, Face: face}
	m := face.Metrics()
	lineH := m.Height.Ceil() * 3 / 2
	px2pt := 72 / float64(dpi)
	var words []drawnWord
	for i, line := range lines {
		baseline := dpi + m.Ascent.Ceil() + i*lineH
		x := fixed.I(dpi)
		for j, word := range strings.Fields(line) {
			if j > 0 {
				x += d.MeasureString(" ")
			}
			_, adv := d.BoundString(word)
			words = append(words, drawnWord{word, extract.Box{
				X0: float64(x.Round()) * px2pt,
				Y0: float64(baseline-m.Ascent.Ceil()) * px2pt,
				X1: float64((x + adv).Round()) * px2pt,
				Y1: float64(baseline) * px2pt,
			}})
			d.Dot = fixed.Point26_6{X: x, Y: fixed.I(baseline)}
			d.DrawString(word)
			x += adv
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes(), words
}

var noteLines = []string{
	"EMERGENCY DEPARTMENT RECORD",
	"Date of service: 03/14/2023",
	"Patient complains of neck pain after a motor vehicle collision.",
	"Assessment: cervical strain. Plan: ibuprofen and physical therapy.",
}

func TestRecognizeRealPage(t *testing.T) {
	requireTesseract(t)
	img, drawn := testPage(t, 300, noteLines)
	pool, err := NewPool(1, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	page, err := pool.Recognize(context.Background(), img, 300, "doc-1", 7)
	if err != nil {
		t.Fatal(err)
	}
	if page.Source != extract.SourceOCR || page.DocumentID != "doc-1" || page.Number != 7 {
		t.Fatalf("page header %+v", page)
	}
	if math.Abs(page.Width-612) > 1 || math.Abs(page.Height-792) > 1 {
		t.Errorf("page size %vx%v points, want 612x792", page.Width, page.Height)
	}
	if page.Confidence < 85 {
		t.Errorf("mean confidence %.1f on clean text, want ≥ 85", page.Confidence)
	}
	for _, want := range []string{"03/14/2023", "neck pain", "cervical strain"} {
		if !strings.Contains(page.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, page.Text)
		}
	}
	// Tesseract may take a line for a block of its own, which adds a blank
	// line; the drawn lines must stay whole and in order.
	var got []string
	for l := range strings.SplitSeq(page.Text, "\n") {
		if l != "" {
			got = append(got, l)
		}
	}
	if len(got) != len(noteLines) || got[1] != noteLines[1] {
		t.Errorf("text lines %q, want %q", got, noteLines)
	}
	lines := strings.Split(page.Text, "\n")
	for _, target := range []string{"03/14/2023", "collision.", "therapy."} {
		var want extract.Box
		for _, d := range drawn {
			if d.text == target {
				want = d.box
			}
		}
		got := find(page.Words, target)
		if got == nil {
			t.Errorf("word %q not recognised", target)
			continue
		}
		// Tesseract boxes the ink; the drawn box spans the advance and the
		// ascent, so allow a few points.
		const tol = 4.0
		if math.Abs(got.Box.X0-want.X0) > tol || math.Abs(got.Box.X1-want.X1) > tol ||
			math.Abs(got.Box.Y1-want.Y1) > tol || got.Box.Y0 < want.Y0-tol || got.Box.Y0 > want.Y1 {
			t.Errorf("word %q box %+v, drawn at %+v", target, got.Box, want)
		}
		if got.Confidence < 60 {
			t.Errorf("word %q confidence %.1f", target, got.Confidence)
		}
		if !strings.Contains(lines[got.Line], target) {
			t.Errorf("word %q says line %d: %q", target, got.Line, lines[got.Line])
		}
	}
}

func find(words []extract.Word, text string) *extract.Word {
	for i := range words {
		if words[i].Text == text {
			return &words[i]
		}
	}
	return nil
}

func TestRecognizeBlankPage(t *testing.T) {
	requireTesseract(t)
	img, _ := testPage(t, 150, nil)
	pool, err := NewPool(1, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	page, err := pool.Recognize(context.Background(), img, 150, "d", 1)
	if err != nil {
		t.Fatal(err)
	}
	if page.Source != extract.SourceEmpty || page.Text != "" || len(page.Words) != 0 {
		t.Errorf("blank page: source %q text %q words %d", page.Source, page.Text, len(page.Words))
	}
}

// TestRecognizeConcurrent OCRs small images from many goroutines on a pool
// of two real clients (worth running once with -race).
func TestRecognizeConcurrent(t *testing.T) {
	requireTesseract(t)
	img, _ := testPage(t, 100, []string{"Office visit 99213"})
	pool, err := NewPool(2, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	var wg sync.WaitGroup
	texts := make([]string, 6)
	errs := make([]error, 6)
	for i := range texts {
		wg.Go(func() {
			page, err := pool.Recognize(context.Background(), img, 100, "d", i+1)
			texts[i], errs[i] = page.Text, err
		})
	}
	wg.Wait()
	for i := range texts {
		if errs[i] != nil || !strings.Contains(texts[i], "99213") {
			t.Errorf("call %d: text %q, err %v", i, texts[i], errs[i])
		}
	}
}

func BenchmarkRecognize300DPI(b *testing.B) {
	requireTesseract(b)
	lines := make([]string, 0, 40)
	for len(lines) < 40 {
		lines = append(lines, noteLines...)
	}
	img, _ := testPage(b, 300, lines)
	for _, size := range []int{1, 2} {
		b.Run(map[int]string{1: "clients=1", 2: "clients=2"}[size], func(b *testing.B) {
			pool, err := NewPool(size, Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer pool.Close()
			b.SetParallelism(1) // GOMAXPROCS goroutines, at most size at work
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if _, err := pool.Recognize(context.Background(), img, 300, "d", 1); err != nil {
						b.Error(err)
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
