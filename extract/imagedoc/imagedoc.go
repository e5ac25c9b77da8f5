// Package imagedoc reads scanned records that arrive as image files rather
// than PDFs: multi-page TIFF (fax servers: CCITT Group 3/4, LZW, JPEG,
// Deflate), JPEG and PNG. Each TIFF frame, or the one image of a JPEG or
// PNG, is a page. Inspect checks a file and describes its pages; PageImage
// gives a page's image as stored (a TIFF frame is copied into a TIFF of its
// own, nothing is decompressed) for OCR at its own resolution; RenderPage
// draws a page as a PNG for people to look at; WritePDF turns the file into
// a PDF of the same pages, for exhibits.
//
// Errors are *pdf.FileError values naming the file and the page (frame)
// and wrapping ErrCorrupt, pdf.ErrEmpty or pdf.ErrTooLarge.
package imagedoc

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig
	_ "image/png"  // DecodeConfig
	"math"
	"os"
	"path/filepath"

	"github.com/medchron/medchron/extract/pdf"
)

// ErrCorrupt reports an image file that is damaged, truncated or not an
// image this package reads.
var ErrCorrupt = errors.New("image file is damaged or not readable")

// Formats.
const (
	TIFF = "tiff"
	JPEG = "jpeg"
	PNG  = "png"
)

// Sniff returns the format of a file from its first bytes, or "" when it
// is not an image this package reads.
func Sniff(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return TIFF
	case bytes.HasPrefix(head, []byte("\xff\xd8\xff")):
		return JPEG
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return PNG
	}
	return ""
}

// SniffFile is Sniff on the first bytes of the file at path.
func SniffFile(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 8)
	n, _ := f.Read(head)
	return Sniff(head[:n])
}

// Page describes one page of an image document.
type Page struct {
	Number int
	// Width and Height are in pixels; DPI is the resolution pages are
	// measured at (points = pixels × 72 / DPI).
	Width, Height, DPI int
	// DPIGuessed is true when the file gave no usable resolution and DPI
	// was chosen so that the longer side is 11 inches.
	DPIGuessed bool
	// Compression is the TIFF compression code (0 for JPEG and PNG files).
	Compression int
}

// Info describes an image document.
type Info struct {
	Format string
	Pages  []Page
}

// Inspect checks the image file in data, named name in errors, and
// describes its pages.
func Inspect(name string, data []byte) (Info, error) {
	if len(data) == 0 {
		return Info{}, &pdf.FileError{File: name, Err: pdf.ErrEmpty}
	}
	format := Sniff(data)
	switch format {
	case TIFF:
		frames, err := parseTIFF(data)
		if err != nil {
			var fe *frameErr
			page := 0
			if errors.As(err, &fe) {
				page = fe.n
			}
			return Info{}, &pdf.FileError{File: name, Page: page, Detail: err.Error(), Err: ErrCorrupt}
		}
		info := Info{Format: TIFF}
		for i, f := range frames {
			p, err := tiffPage(data, f, len(info.Pages)+1)
			if err != nil {
				return Info{}, &pdf.FileError{File: name, Page: i + 1, Detail: err.Error(), Err: errKind(err)}
			}
			info.Pages = append(info.Pages, p)
		}
		if len(info.Pages) == 0 {
			return Info{}, &pdf.FileError{File: name, Detail: "has no pages", Err: ErrCorrupt}
		}
		return info, nil
	case JPEG, PNG:
		p, err := singlePage(data)
		if err != nil {
			return Info{}, &pdf.FileError{File: name, Page: 1, Detail: err.Error(), Err: errKind(err)}
		}
		return Info{Format: format, Pages: []Page{p}}, nil
	}
	return Info{}, &pdf.FileError{File: name, Detail: "is not a TIFF, JPEG or PNG image", Err: ErrCorrupt}
}

func errKind(err error) error {
	if errors.Is(err, pdf.ErrTooLarge) {
		return pdf.ErrTooLarge
	}
	return ErrCorrupt
}

// tiffPage checks one frame.
func tiffPage(data []byte, f tiffFrame, n int) (Page, error) {
	w, h := int(f.int(tWidth, 0)), int(f.int(tHeight, 0))
	if w <= 0 || h <= 0 {
		return Page{}, errors.New("has no width or height")
	}
	if w*h > pdf.MaxPixels || w > 1<<16 || h > 1<<16 {
		return Page{}, fmt.Errorf("%dx%d pixels, more than %d million: %w", w, h, pdf.MaxPixels/1_000_000, pdf.ErrTooLarge)
	}
	if _, _, _, err := f.blocks(len(data)); err != nil {
		return Page{}, err
	}
	switch c := f.int(tCompression, 1); c {
	case 1, 2, 3, 4, 5, 7, 8, 32773, 32946:
	default:
		return Page{}, fmt.Errorf("compression %d is not supported", c)
	}
	unit := f.int(tResUnit, 2)
	xr, yr := f.rational(tXResolution), f.rational(tYResolution)
	if unit == 3 {
		xr, yr = xr*2.54, yr*2.54
	}
	p := Page{Number: n, Width: w, Height: h, Compression: int(f.int(tCompression, 1))}
	p.DPI, p.DPIGuessed = resolution(w, h, xr, yr, unit != 1)
	return p, nil
}

// singlePage checks a JPEG or PNG file.
func singlePage(data []byte) (Page, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Page{}, fmt.Errorf("cannot be read: %v", err)
	}
	if cfg.Width*cfg.Height > pdf.MaxPixels {
		return Page{}, fmt.Errorf("%dx%d pixels, more than %d million: %w", cfg.Width, cfg.Height, pdf.MaxPixels/1_000_000, pdf.ErrTooLarge)
	}
	var xr, yr float64
	if format == JPEG {
		xr, yr = jfifDensity(data)
	} else {
		xr, yr = pngDensity(data)
	}
	p := Page{Number: 1, Width: cfg.Width, Height: cfg.Height}
	p.DPI, p.DPIGuessed = resolution(cfg.Width, cfg.Height, xr, yr, true)
	return p, nil
}

// resolution takes the file's resolution when it is plausible for a
// scanned page (50 to 1200 dpi, across and down within 3%, page sides
// under 60 inches); otherwise it chooses one that makes the longer side 11
// inches, as a Letter page.
func resolution(w, h int, xr, yr float64, known bool) (int, bool) {
	if known && xr >= 50 && xr <= 1200 && math.Abs(xr-yr) <= 0.03*xr &&
		float64(max(w, h))/xr < 60 {
		return int(math.Round(xr)), false
	}
	dpi := int(math.Round(float64(max(w, h)) / 11))
	return min(max(dpi, 50), 1200), true
}

// Image is a page image to OCR.
type Image struct {
	Data []byte
	// Format is "tiff", "jpeg" or "png".
	Format        string
	DPI           int
	Width, Height int
}

// PageImage returns page n (1-based) of the image file at path, as stored.
func PageImage(path string, n int) (Image, error) {
	name := filepath.Base(path)
	data, err := os.ReadFile(path)
	if err != nil {
		return Image{}, &pdf.FileError{File: name, Page: n, Detail: "cannot be opened", Err: err}
	}
	return pageImage(name, data, n)
}

func pageImage(name string, data []byte, n int) (Image, error) {
	info, err := Inspect(name, data)
	if err != nil {
		return Image{}, err
	}
	if n < 1 || n > len(info.Pages) {
		return Image{}, &pdf.FileError{File: name, Page: n, Detail: fmt.Sprintf("the file has %d pages", len(info.Pages)), Err: pdf.ErrNoPage}
	}
	p := info.Pages[n-1]
	img := Image{Format: info.Format, DPI: p.DPI, Width: p.Width, Height: p.Height, Data: data}
	if info.Format != TIFF || len(info.Pages) == 1 {
		return img, nil
	}
	frames, _ := parseTIFF(data)
	if img.Data, err = singleFrame(data, frames[n-1]); err != nil {
		return Image{}, &pdf.FileError{File: name, Page: n, Detail: err.Error(), Err: ErrCorrupt}
	}
	return img, nil
}

// jfifDensity reads a JPEG's JFIF density in dots per inch (0 if none).
func jfifDensity(data []byte) (float64, float64) {
	// SOI, then APP0 "JFIF\0" version(2) units(1) Xdensity(2) Ydensity(2).
	if len(data) < 20 || data[2] != 0xff || data[3] != 0xe0 || string(data[6:11]) != "JFIF\x00" {
		return 0, 0
	}
	units := data[13]
	x, y := float64(int(data[14])<<8|int(data[15])), float64(int(data[16])<<8|int(data[17]))
	switch units {
	case 1:
		return x, y
	case 2:
		return x * 2.54, y * 2.54
	}
	return 0, 0
}

// pngDensity reads a PNG's pHYs chunk in dots per inch (0 if none).
func pngDensity(data []byte) (float64, float64) {
	for i := 8; i+12 <= len(data); {
		n := int(uint32(data[i])<<24 | uint32(data[i+1])<<16 | uint32(data[i+2])<<8 | uint32(data[i+3]))
		typ := string(data[i+4 : i+8])
		if typ == "pHYs" && n == 9 && i+17 <= len(data) {
			c := data[i+8:]
			x := float64(uint32(c[0])<<24 | uint32(c[1])<<16 | uint32(c[2])<<8 | uint32(c[3]))
			y := float64(uint32(c[4])<<24 | uint32(c[5])<<16 | uint32(c[6])<<8 | uint32(c[7]))
			if c[8] == 1 {
				return x * 0.0254, y * 0.0254
			}
			return 0, 0
		}
		if typ == "IDAT" || n < 0 || n > len(data) {
			return 0, 0
		}
		i += 12 + n
	}
	return 0, 0
}
