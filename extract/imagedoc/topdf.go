package imagedoc

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/color"
	"io"
	"math/bits"

	"github.com/medchron/medchron/extract/pdf"
)

// WritePDF writes the image file in data, named name in errors, as a PDF
// with one page per image page, each page the size Inspect measures and
// showing the image over the whole page: CCITT Group 4 frames and JPEG
// images are embedded as stored, others re-compressed losslessly.
func WritePDF(w io.Writer, name string, data []byte) error {
	info, err := Inspect(name, data)
	if err != nil {
		return err
	}
	pw := &pdfWriter{w: bufio.NewWriter(w)}
	pw.printf("%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n")
	pw.offsets = make([]int64, 2)
	var kids []int
	for i, p := range info.Pages {
		img, err := pageImage(name, data, i+1)
		if err != nil {
			return err
		}
		dict, stream, err := pdfImage(img, p)
		if err != nil {
			return &pdf.FileError{File: name, Page: i + 1, Detail: err.Error(), Err: ErrCorrupt}
		}
		wpt, hpt := float64(p.Width)*72/float64(p.DPI), float64(p.Height)*72/float64(p.DPI)
		pageObj := len(pw.offsets) + 1
		kids = append(kids, pageObj)
		pw.begin()
		pw.printf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.3f %.3f] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>\nendobj\n", wpt, hpt, pageObj+1, pageObj+2)
		pw.begin()
		pw.printf("<< /Type /XObject /Subtype /Image /Width %d /Height %d %s /Length %d >>\nstream\n", p.Width, p.Height, dict, len(stream))
		pw.write(stream)
		pw.printf("\nendstream\nendobj\n")
		content := fmt.Sprintf("q %.3f 0 0 %.3f 0 0 cm /Im0 Do Q", wpt, hpt)
		pw.begin()
		pw.printf("<< /Length %d >>\nstream\n%s\nendstream\nendobj\n", len(content), content)
	}
	pw.beginAt(2)
	pw.printf("<< /Type /Pages /Count %d /Kids [", len(kids))
	for _, k := range kids {
		pw.printf(" %d 0 R", k)
	}
	pw.printf(" ] >>\nendobj\n")
	pw.beginAt(1)
	pw.printf("<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	xref := pw.n
	pw.printf("xref\n0 %d\n0000000000 65535 f \n", len(pw.offsets)+1)
	for _, o := range pw.offsets {
		pw.printf("%010d 00000 n \n", o)
	}
	pw.printf("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(pw.offsets)+1, xref)
	if pw.err != nil {
		return pw.err
	}
	return pw.w.Flush()
}

// pdfImage returns an image XObject's colour and filter entries and its
// stream for a page image.
func pdfImage(img Image, p Page) (string, []byte, error) {
	jpegData := img.Data
	if img.Format == TIFF && p.Compression == 7 {
		jpegData = nil
		if frames, err := parseTIFF(img.Data); err == nil && len(frames) == 1 {
			_, hasTables := frames[0].entries[tJPEGTables]
			offs, counts, tiled, err := frames[0].blocks(len(img.Data))
			if err == nil && !tiled && !hasTables && len(offs) == 1 {
				jpegData = img.Data[offs[0] : offs[0]+counts[0]]
			}
		}
	}
	if img.Format == JPEG || jpegData != nil && img.Format == TIFF {
		cfg, _, err := image.DecodeConfig(bytes.NewReader(jpegData))
		if err == nil && cfg.ColorModel != color.CMYKModel {
			cs := "/DeviceRGB"
			if cfg.ColorModel == color.GrayModel {
				cs = "/DeviceGray"
			}
			return "/ColorSpace " + cs + " /BitsPerComponent 8 /Filter /DCTDecode", jpegData, nil
		}
	}
	if img.Format == TIFF && p.Compression == 4 {
		frames, err := parseTIFF(img.Data)
		if err == nil && len(frames) == 1 {
			f := frames[0]
			offs, counts, tiled, err := f.blocks(len(img.Data))
			if err == nil && !tiled && len(offs) == 1 && f.int(tSamples, 1) == 1 {
				g4 := img.Data[offs[0] : offs[0]+counts[0]]
				if f.int(266, 1) == 2 { // FillOrder: least significant bit first
					rev := make([]byte, len(g4))
					for i, b := range g4 {
						rev[i] = bits.Reverse8(b)
					}
					g4 = rev
				}
				return fmt.Sprintf("/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns %d /Rows %d >>", p.Width, p.Height), g4, nil
			}
		}
	}
	src, err := decodePage(img)
	if err != nil {
		return "", nil, err
	}
	b := src.Bounds()
	grey := isGrey(src)
	comps, cs := 3, "/DeviceRGB"
	if grey {
		comps, cs = 1, "/DeviceGray"
	}
	raw := make([]byte, 0, b.Dx()*b.Dy()*comps)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if grey {
				raw = append(raw, color.GrayModel.Convert(src.At(x, y)).(color.Gray).Y)
				continue
			}
			r, g, bl, _ := src.At(x, y).RGBA()
			raw = append(raw, uint8(r>>8), uint8(g>>8), uint8(bl>>8))
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw)
	zw.Close()
	return "/ColorSpace " + cs + " /BitsPerComponent 8 /Filter /FlateDecode", z.Bytes(), nil
}

// pdfWriter writes numbered objects and remembers their offsets.
type pdfWriter struct {
	w       *bufio.Writer
	n       int64
	offsets []int64
	err     error
}

func (p *pdfWriter) write(b []byte) {
	if p.err == nil {
		var k int
		k, p.err = p.w.Write(b)
		p.n += int64(k)
	}
}

func (p *pdfWriter) printf(format string, a ...any) { p.write([]byte(fmt.Sprintf(format, a...))) }

func (p *pdfWriter) begin() {
	p.offsets = append(p.offsets, p.n)
	p.printf("%d 0 obj\n", len(p.offsets))
}

func (p *pdfWriter) beginAt(n int) {
	p.offsets[n-1] = p.n
	p.printf("%d 0 obj\n", n)
}
