package pdf

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// ErrTooLarge reports a page or image too large to render or OCR.
var ErrTooLarge = errors.New("page is too large to render")

// Limits on what is rendered or OCR'd. A Letter page at 300 DPI is 8.4
// million pixels; MaxPixels allows a Tabloid page at 600 DPI.
const (
	// MaxPixels caps the pixels of a page image, rendered or stored.
	MaxPixels = 80_000_000
	// MaxPageInches caps a page's longer side.
	MaxPageInches = 200
	// MaxSidePixels is the longest side of an image Tesseract reads; a
	// page whose side would pass it is drawn at a lower resolution.
	MaxSidePixels = 32767
)

// FitDPI is the resolution at which a page of w × h points is drawn for
// OCR: dpi, or less when a side would pass MaxSidePixels at dpi (a page
// 200 in long is drawn at 163 dpi).
func FitDPI(w, h float64, dpi int) int {
	if side := max(w, h) / 72 * float64(dpi); side > MaxSidePixels {
		return max(1, int(math.Floor(MaxSidePixels*72/max(w, h))))
	}
	return dpi
}

// CheckPageSize refuses a page of w × h points that would render at dpi to
// more than MaxPixels pixels, or whose longer side passes MaxPageInches.
// The message says why in words (it names no file: callers add that).
func CheckPageSize(w, h float64, dpi int) error {
	if !(w > 0 && h > 0) || math.IsInf(w, 0) || math.IsInf(h, 0) {
		return fmt.Errorf("page size %.0f x %.0f pt is not valid", w, h)
	}
	if max(w, h) > MaxPageInches*72 {
		return fmt.Errorf("page is %.0f x %.0f in, larger than %d in", w/72, h/72, MaxPageInches)
	}
	px := (w / 72 * float64(dpi)) * (h / 72 * float64(dpi))
	if px > MaxPixels {
		return fmt.Errorf("page is %.0f x %.0f in: %.0f million pixels at %d dpi, more than %d million", w/72, h/72, px/1e6, dpi, MaxPixels/1_000_000)
	}
	return nil
}

// pageSize is a page's media box size in points, as displayed.
func pageSize(pctx *model.Context, page int) (w, h float64, rotate int, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	_, _, inh, err := pctx.PageDict(page, false)
	if err != nil || inh == nil || inh.MediaBox == nil {
		return 0, 0, 0, false
	}
	w, h, rotate = inh.MediaBox.Width(), inh.MediaBox.Height(), normRotate(inh.Rotate)
	if rotate%180 != 0 {
		w, h = h, w
	}
	return w, h, rotate, true
}

// popplerPageSize asks pdfinfo for a page's size, for files pdfcpu cannot
// read.
func popplerPageSize(ctx context.Context, path string, page int) (float64, float64, error) {
	bin, err := tool("pdfinfo")
	if err != nil {
		return 0, 0, err
	}
	ctx, cancel := withDefaultTimeout(ctx)
	defer cancel()
	n := strconv.Itoa(page)
	out, err := runCapped(ctx, 64<<10, bin, "-f", n, "-l", n, path)
	if err != nil {
		return 0, 0, err
	}
	for _, line := range strings.Split(string(out), "\n") {
		if !strings.HasPrefix(line, "Page") || !strings.Contains(line, "size:") {
			continue
		}
		_, rest, _ := strings.Cut(line, "size:")
		var w, h float64
		if _, err := fmt.Sscanf(strings.TrimSpace(rest), "%g x %g", &w, &h); err == nil {
			if strings.Contains(line, "rot:") {
				if r := strings.TrimSpace(line[strings.Index(line, "rot:")+4:]); r == "90" || r == "270" {
					w, h = h, w
				}
			}
			return w, h, nil
		}
	}
	return 0, 0, errors.New("pdfinfo gave no page size")
}
