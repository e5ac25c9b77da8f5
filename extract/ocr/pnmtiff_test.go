//go:build cgo

package ocr

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"testing"

	_ "golang.org/x/image/tiff"
)

// TestPNMToTIFF: a PBM, PGM or PPM page image (extract/pdf's decoded
// images, pdftoppm's drawings) goes to Tesseract as a TIFF of the same
// pixels.
func TestPNMToTIFF(t *testing.T) {
	const w, h = 13, 5 // a row of the PBM ends in padding bits
	ink := func(x, y int) bool { return (x*7+y*3)%5 == 0 }
	grey := func(x, y int) uint8 { return uint8(x*19 + y*41) }
	var pbm, pgm, ppm bytes.Buffer
	fmt.Fprintf(&pbm, "P4\n# a comment\n%d %d\n", w, h)
	fmt.Fprintf(&pgm, "P5 %d %d 255\n", w, h)
	fmt.Fprintf(&ppm, "P6\n%d\n%d\n255\n", w, h)
	for y := range h {
		row := make([]byte, (w+7)/8)
		for x := range w {
			if ink(x, y) {
				row[x/8] |= 0x80 >> (x % 8)
			}
			pgm.WriteByte(grey(x, y))
			ppm.Write([]byte{grey(x, y), 255 - grey(x, y), uint8(x)})
		}
		pbm.Write(row)
	}
	for _, c := range []struct {
		name string
		pnm  []byte
		want func(x, y int) color.Color
	}{
		{"PBM", pbm.Bytes(), func(x, y int) color.Color {
			if ink(x, y) {
				return color.Gray{0}
			}
			return color.Gray{255}
		}},
		{"PGM", pgm.Bytes(), func(x, y int) color.Color { return color.Gray{grey(x, y)} }},
		{"PPM", ppm.Bytes(), func(x, y int) color.Color {
			return color.RGBA{grey(x, y), 255 - grey(x, y), uint8(x), 255}
		}},
	} {
		tiff, free, ok := pnmToTIFF(c.pnm)
		if !ok {
			t.Errorf("%s: not converted", c.name)
			continue
		}
		img, format, err := image.Decode(bytes.NewReader(tiff))
		free()
		if err != nil || format != "tiff" {
			t.Errorf("%s: %s does not decode as a TIFF: %v", c.name, format, err)
			continue
		}
		if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
			t.Errorf("%s: %dx%d, want %dx%d", c.name, b.Dx(), b.Dy(), w, h)
			continue
		}
		for y := range h {
			for x := range w {
				r1, g1, b1, _ := img.At(x, y).RGBA()
				r2, g2, b2, _ := c.want(x, y).RGBA()
				if r1>>8 != r2>>8 || g1>>8 != g2>>8 || b1>>8 != b2>>8 {
					t.Fatalf("%s: pixel (%d,%d) is %v, want %v", c.name, x, y, img.At(x, y), c.want(x, y))
				}
			}
		}
	}
	for _, bad := range [][]byte{
		[]byte("P5\n13 5\n65535\n"),    // 16 bits a sample
		[]byte("P5\n13 5\n255\nshort"), // pixels missing
		[]byte("P2\n1 1\n255\n7\n"),    // plain (text) PGM
		[]byte("\x89PNG\r\n\x1a\n"),
		[]byte("P4\n13"),
	} {
		if _, _, ok := pnmToTIFF(bad); ok {
			t.Errorf("%q converted, want it passed on as it is", bad)
		}
	}
}
