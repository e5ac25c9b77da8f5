//go:build cgo

package ocr

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/otiai10/gosseract/v2"
)

// initMu serialises client start-up: gosseract's Init swaps the process's
// file descriptor 2 and concurrent swaps can leave it on /dev/null.
var initMu sync.Mutex

// tesseract is an engine backed by one gosseract client.
type tesseract struct {
	c *gosseract.Client
}

// blankPNG is a small white image used to start a client.
var blankPNG = func() []byte {
	img := image.NewGray(image.Rect(0, 0, 32, 32))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	return buf.Bytes()
}()

func newTesseract(opts Options) (engine, error) {
	initMu.Lock()
	defer initMu.Unlock()
	c := gosseract.NewClient()
	if opts.TessdataPrefix != "" {
		if err := c.SetTessdataPrefix(opts.TessdataPrefix); err != nil {
			c.Close()
			return nil, err
		}
	}
	if err := c.SetLanguage(strings.Split(opts.Language, "+")...); err != nil {
		c.Close()
		return nil, err
	}
	_ = c.SetVariable("debug_file", os.DevNull) // Tesseract's warnings, not ours to print
	// Tesseract 5 re-reads every doubtful line as inverted (white on black)
	// text; records are dark on light, and skipping that saves ~10 %.
	_ = c.SetVariable("tessedit_do_invert", "0")
	_ = c.SetVariable("tessedit_pageseg_mode", strconv.Itoa(opts.PSM))
	_ = c.SetPageSegMode(gosseract.PageSegMode(opts.PSM))
	// gosseract initialises lazily, on the first OCR: do it now, here,
	// under initMu, on a blank image.
	if err := c.SetImageFromBytes(blankPNG); err != nil {
		c.Close()
		return nil, err
	}
	if _, err := c.Text(); err != nil {
		c.Close()
		return nil, fmt.Errorf("tesseract (language %q): %w", opts.Language, err)
	}
	_ = c.SetPageSegMode(gosseract.PageSegMode(opts.PSM))
	return &tesseract{c: c}, nil
}

func (t *tesseract) recognize(img []byte, dpi int) ([]rawWord, error) {
	// Word boxes come back in the pixels of img: a page read smaller has
	// its boxes scaled back by 1/factor.
	factor := 1.0
	// A one-bit page finer than 250 DPI is read smaller in grey, a PNM
	// as a TIFF of its pixels; either is in C memory, freed once read.
	grey, f, free, inC := bilevelToGrey(img, dpi)
	if inC {
		img, factor = grey, f
		dpi = int(math.Round(float64(dpi) * f))
	} else if tiff, freeTIFF, isPNM := pnmToTIFF(img); isPNM {
		img, free, inC = tiff, freeTIFF, true
	}
	_ = t.c.SetVariable("user_defined_dpi", strconv.Itoa(dpi))
	err := t.c.SetImageFromBytes(img) // Leptonica reads img into a Pix of its own
	if inC {
		free()
	}
	if err != nil {
		return nil, err
	}
	// One call: every GetBoundingBoxes*, Text or HOCRText re-runs OCR.
	boxes, err := t.c.GetBoundingBoxesVerbose()
	// The page's image goes now rather than with the next page's, and the
	// C heap's free memory back to the system with it.
	_ = t.c.SetImageFromBytes(blankPNG)
	releaseFreed()
	if err != nil {
		return nil, err
	}
	raw := make([]rawWord, 0, len(boxes))
	for _, b := range boxes {
		raw = append(raw, rawWord{
			text: b.Word,
			x0:   unscale(b.Box.Min.X, factor), y0: unscale(b.Box.Min.Y, factor),
			x1: unscale(b.Box.Max.X, factor), y1: unscale(b.Box.Max.Y, factor),
			conf:  b.Confidence,
			block: b.BlockNum, par: b.ParNum, line: b.LineNum,
		})
	}
	return raw, nil
}

// unscale maps a pixel coordinate of an image scaled by factor back to the
// image it was scaled from.
func unscale(v int, factor float64) int {
	if factor == 1 {
		return v
	}
	return int(math.Round(float64(v) / factor))
}

func (t *tesseract) close() { _ = t.c.Close() }
