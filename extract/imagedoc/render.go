package imagedoc

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/draw"
	"golang.org/x/image/tiff"

	"github.com/medchron/medchron/extract/pdf"
)

// RenderPage draws page n (1-based) of the image file in data at dpi dots
// per inch as a PNG: the page measured as Inspect measures it, so that word
// boxes in points map to pixels as x·dpi/72, as for pdf.RenderPage.
func RenderPage(data []byte, n, dpi int) ([]byte, error) {
	const name = "image"
	if dpi < 36 || dpi > 1200 {
		return nil, &pdf.FileError{File: name, Page: n, Detail: fmt.Sprintf("resolution %d dpi is outside 36..1200", dpi), Err: errors.New("bad resolution")}
	}
	img, err := pageImage(name, data, n)
	if err != nil {
		return nil, err
	}
	w := int(float64(img.Width)*float64(dpi)/float64(img.DPI) + 0.5)
	h := int(float64(img.Height)*float64(dpi)/float64(img.DPI) + 0.5)
	if err := pdf.CheckPageSize(float64(img.Width)*72/float64(img.DPI), float64(img.Height)*72/float64(img.DPI), dpi); err != nil {
		return nil, &pdf.FileError{File: name, Page: n, Detail: err.Error(), Err: pdf.ErrTooLarge}
	}
	src, err := decodePage(img)
	if err != nil {
		return nil, &pdf.FileError{File: name, Page: n, Detail: err.Error(), Err: ErrCorrupt}
	}
	var dst draw.Image
	if isGrey(src) {
		dst = image.NewGray(image.Rect(0, 0, max(w, 1), max(h, 1)))
	} else {
		dst = image.NewRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	}
	draw.ApproxBiLinear.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, dst); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func isGrey(img image.Image) bool {
	switch img.(type) {
	case *image.Gray, *image.Gray16, *image.Paletted:
		return true
	}
	return false
}

// decodePage decodes a page image to pixels.
func decodePage(img Image) (image.Image, error) {
	switch img.Format {
	case TIFF:
		frames, err := parseTIFF(img.Data)
		if err != nil || len(frames) == 0 {
			return nil, errors.New("TIFF cannot be read")
		}
		if frames[0].int(tCompression, 1) == 7 {
			return tiffJPEG(img.Data, frames[0])
		}
		return tiff.Decode(bytes.NewReader(img.Data))
	case JPEG:
		return jpeg.Decode(bytes.NewReader(img.Data))
	}
	return png.Decode(bytes.NewReader(img.Data))
}

// tiffJPEG decodes a one-strip JPEG-compressed TIFF frame: the strip is a
// JPEG stream, completed by the frame's JPEGTables when it has them.
func tiffJPEG(data []byte, f tiffFrame) (image.Image, error) {
	offs, counts, _, err := f.blocks(len(data))
	if err != nil {
		return nil, err
	}
	if len(offs) != 1 {
		return nil, errors.New("JPEG TIFF frames of several strips are not drawn")
	}
	strip := data[offs[0] : offs[0]+counts[0]]
	if t, ok := f.entries[tJPEGTables]; ok && len(t.raw) > 4 && len(strip) > 2 {
		// Tables: SOI … EOI; strip: SOI …: splice the tables in.
		joined := append(append([]byte{}, t.raw[:len(t.raw)-2]...), strip[2:]...)
		return jpeg.Decode(bytes.NewReader(joined))
	}
	return jpeg.Decode(bytes.NewReader(strip))
}
