package pdf

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"math"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/testutil"
)

func needPdftoppm(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
}

func smallBundlePath(t *testing.T, name string) string {
	return filepath.Join(testutil.RepoRoot(t), "testdata", "bundles", "small", name)
}

// rotated returns data with page 1 turned by 90 degrees (/Rotate).
func rotated(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := api.Rotate(bytes.NewReader(data), &b, 90, []string{"1"}, Config()); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRenderPage(t *testing.T) {
	needPdftoppm(t)
	born := readFile(t, smallBundlePath(t, "born-digital.pdf"))
	scanned := readFile(t, smallBundlePath(t, "scanned.pdf"))
	tests := []struct {
		name          string
		data          []byte
		page, dpi     int
		width, height float64 // points, as displayed
	}{
		{"text page", born, 1, 100, 612, 792},
		{"text page, last", born, 16, 150, 612, 792},
		{"scanned page", scanned, 3, 72, 612, 792},
		{"rotated page", rotated(t, born), 1, 100, 792, 612},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := RenderPage(context.Background(), tt.data, tt.page, tt.dpi)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("not a PNG: %v", err)
			}
			b := img.Bounds()
			wantW, wantH := tt.width*float64(tt.dpi)/72, tt.height*float64(tt.dpi)/72
			if math.Abs(float64(b.Dx())-wantW) > 2 || math.Abs(float64(b.Dy())-wantH) > 2 {
				t.Errorf("%dx%d px, want about %.0fx%.0f", b.Dx(), b.Dy(), wantW, wantH)
			}
		})
	}
}

// TestRenderPageWordBoxes checks the documented mapping: a word box of
// TextLayer, in points from the top-left, scaled by dpi/72, falls on the
// word's ink in the rendered image.
func TestRenderPageWordBoxes(t *testing.T) {
	needPdftoppm(t)
	path := smallBundlePath(t, "born-digital.pdf")
	pages, err := TextLayer(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	const dpi = 96
	for _, pn := range []int{1, 7} {
		data, err := RenderPage(context.Background(), readFile(t, path), pn, dpi)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		page := img.Bounds()
		all := ink(img, page)
		var checked int
		var right, unscaled float64
		for _, w := range pages[pn-1].Words {
			if len([]rune(w.Text)) < 6 {
				continue
			}
			r := pixels(w.Box, dpi)
			if !r.In(page) {
				t.Errorf("page %d word %q at %v px lies outside the %v image", pn, w.Text, r, page)
			}
			got := ink(img, r)
			// Each box holds more ink than the page on average. How much
			// more depends on the fonts installed (small header words in
			// a fallback font measure 1.1-2x), so the per-word bar is the
			// page average and the strong check is on the mean below.
			if got <= all {
				t.Errorf("page %d word %q at %v px: ink %.3f, page average %.3f", pn, w.Text, r, got, all)
			}
			right += got
			unscaled += ink(img, pixels(w.Box, 72)) // points taken as pixels: wrong
			checked++
		}
		// Boxes mapped with dpi/72 hold far more ink than the same boxes
		// mapped without it.
		t.Logf("page %d: %d words, mean ink %.3f mapped, %.3f unscaled, page %.3f", pn, checked, right/float64(checked), unscaled/float64(checked), all)
		if mean := right / float64(checked); mean < 2.5*all {
			t.Errorf("page %d: mean ink %.3f in word boxes, page average %.3f", pn, mean, all)
		}
		if right < 1.8*unscaled {
			t.Errorf("page %d: mean ink %.3f in mapped word boxes, %.3f in unscaled ones", pn, right/float64(checked), unscaled/float64(checked))
		}
		if checked < 10 {
			t.Errorf("page %d: only %d words checked", pn, checked)
		}
	}
}

// pixels maps a box in points to the pixel rectangle at dpi.
func pixels(b extract.Box, dpi int) image.Rectangle {
	s := float64(dpi) / 72
	return image.Rect(int(math.Floor(b.X0*s)), int(math.Floor(b.Y0*s)), int(math.Ceil(b.X1*s)), int(math.Ceil(b.Y1*s)))
}

// ink is the share of dark pixels in r.
func ink(img image.Image, r image.Rectangle) float64 {
	r = r.Intersect(img.Bounds())
	if r.Empty() {
		return 0
	}
	dark := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if (cr+cg+cb)/3 < 0x8000 {
				dark++
			}
		}
	}
	return float64(dark) / float64(r.Dx()*r.Dy())
}

func TestRenderPageErrors(t *testing.T) {
	needPdftoppm(t)
	born := readFile(t, smallBundlePath(t, "born-digital.pdf"))
	bad := filepath.Join(testutil.RepoRoot(t), "testdata", "bad")
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name     string
		ctx      context.Context
		data     []byte
		page     int
		dpi      int
		is       error
		contains string
	}{
		{"page 0", nil, born, 0, 72, ErrNoPage, "page 0"},
		{"page past the end", nil, born, 17, 72, ErrNoPage, "page 17: the file has 16 pages"},
		{"resolution", nil, born, 1, 2000, nil, "page 1: resolution 2000 dpi"},
		{"empty", nil, nil, 1, 72, ErrEmpty, ""},
		{"text file", nil, readFile(t, filepath.Join(bad, "notes.txt")), 1, 72, ErrNotPDF, "is text"},
		{"truncated", nil, readFile(t, filepath.Join(bad, "truncated.pdf")), 1, 72, ErrCorrupt, "page 1"},
		{"encrypted", nil, readFile(t, filepath.Join(bad, "encrypted.pdf")), 1, 72, ErrEncrypted, "page 1"},
		{"cancelled", cancelled, born, 2, 72, context.Canceled, "page 2: pdftoppm did not finish"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			data, err := RenderPage(ctx, tt.data, tt.page, tt.dpi)
			if err == nil {
				t.Fatalf("no error, %d bytes", len(data))
			}
			if tt.is != nil && !errors.Is(err, tt.is) || !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("error %q, want %v containing %q", err, tt.is, tt.contains)
			}
		})
	}
}
