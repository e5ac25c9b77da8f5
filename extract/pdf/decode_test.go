package pdf

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/tiff"

	"github.com/medchron/medchron/extract/pnm"
	"github.com/medchron/medchron/internal/fixture"
)

// rawPage is a one-page PDF: an image XObject (dict entries and stream),
// extra objects numbered from 5, the page's /Rotate, the content stream
// and the media box.
type rawPage struct {
	imgDict string
	imgData []byte
	extra   []string // objects 5, 6, …, whole ("<< … >> stream … endstream" or a dict)
	rotate  int
	content string
	w, h    float64
}

// write writes the PDF into a temporary file and returns its path.
func (p rawPage) write(tb testing.TB) string {
	tb.Helper()
	var b bytes.Buffer
	var offs []int
	obj := func(body string, stream []byte) {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s", len(offs), body)
		if stream != nil {
			fmt.Fprintf(&b, "\nstream\n%s\nendstream", stream)
		}
		b.WriteString("\nendobj\n")
	}
	b.WriteString("%PDF-1.5\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>", nil)
	obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Rotate %d /Resources << /XObject << /Im0 4 0 R >> >> /Contents %d 0 R >>",
		p.w, p.h, p.rotate, 5+len(p.extra)), nil)
	obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image %s /Length %d >>", p.imgDict, len(p.imgData)), p.imgData)
	for _, e := range p.extra {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offs), e)
	}
	obj(fmt.Sprintf("<< /Length %d >>", len(p.content)), []byte(p.content))
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	path := filepath.Join(tb.TempDir(), "page.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

// streamObj is an object holding a stream.
func streamObj(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// refBits is a reference bilevel image (1 = black), w × h.
func refBits(w, h int) [][]bool {
	r := rand.New(rand.NewPCG(3, 4))
	px := make([][]bool, h)
	for y := range px {
		px[y] = make([]bool, w)
		for x := range px[y] {
			px[y][x] = (x/5+y/7)%3 == 0 || r.IntN(40) == 0
		}
	}
	return px
}

// packed packs rows MSB first with 1 bits where black == one.
func packed(px [][]bool, one bool) []byte {
	w := len(px[0])
	stride := (w + 7) / 8
	out := make([]byte, stride*len(px))
	for y, row := range px {
		for x, b := range row {
			if b == one {
				out[y*stride+x/8] |= 0x80 >> (x % 8)
			}
		}
	}
	return out
}

func deflated(b []byte) []byte {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(b)
	zw.Close()
	return z.Bytes()
}

// turned returns px turned a quarter counter-clockwise.
func turned(px [][]bool) [][]bool {
	h, w := len(px), len(px[0])
	out := make([][]bool, w)
	for y := range out {
		out[y] = make([]bool, h)
	}
	for y := range h {
		for x := range w {
			out[w-1-x][y] = px[y][x]
		}
	}
	return out
}

// decodeGrey decodes an OCR image (TIFF, JPEG, PNM, PNG) to grey levels.
func decodeGrey(t *testing.T, img Image) (w, h int, at func(x, y int) uint8) {
	t.Helper()
	var m image.Image
	var err error
	switch img.Format {
	case "tiff":
		m, err = tiff.Decode(bytes.NewReader(img.Data))
	case "pnm":
		m, err = pnm.Decode(bytes.NewReader(img.Data))
	default:
		m, _, err = image.Decode(bytes.NewReader(img.Data))
	}
	if err != nil {
		t.Fatalf("%s image does not decode: %v", img.Format, err)
	}
	b := m.Bounds()
	return b.Dx(), b.Dy(), func(x, y int) uint8 {
		r, g, bl, _ := m.At(b.Min.X+x, b.Min.Y+y).RGBA()
		return uint8((r + g + bl) / 3 >> 8)
	}
}

// TestSoleImageDecoders checks each way a scanned page's image is taken:
// the decoded pixels must be the reference's, upright, black where it is
// black; and the page must not be rendered.
func TestSoleImageDecoders(t *testing.T) {
	const w, h, dpi = 96, 64, 150
	pw, ph := float64(w)*72/dpi, float64(h)*72/dpi
	ref := refBits(w, h)
	side := turned(ref) // stored sideways, shown upright by /Rotate 90
	g4 := fixture.EncodeG4(packed(ref, false), w, h)
	g4side := fixture.EncodeG4(packed(side, false), h, w)
	cover := fmt.Sprintf("q %g 0 0 %g 0 0 cm /Im0 Do Q", pw, ph)
	grey8 := make([]byte, w*h) // reference as 8-bit grey
	for y := range h {
		for x := range w {
			if !ref[y][x] {
				grey8[y*w+x] = 255
			}
		}
	}
	var jpg bytes.Buffer
	gimg := &image.Gray{Pix: grey8, Stride: w, Rect: image.Rect(0, 0, w, h)}
	if err := jpeg.Encode(&jpg, gimg, &jpeg.Options{Quality: 100}); err != nil {
		t.Fatal(err)
	}
	// Indexed, 2 bits per sample: index 2 is black, 1 is white; the
	// /Decode [3 0] array reverses the indexes, so samples are 1 (black)
	// and 2 (white).
	idx := make([]byte, (w*2+7)/8*h)
	for y := range h {
		for x := range w {
			s := byte(2)
			if ref[y][x] {
				s = 1
			}
			idx[y*((w*2+7)/8)+x/4] |= s << (6 - 2*(x%4))
		}
	}
	// PNG "Up" predictor rows for Flate with /Predictor 12.
	var up []byte
	for y := range h {
		up = append(up, 2)
		for x := range w {
			prev := byte(0)
			if y > 0 {
				prev = grey8[(y-1)*w+x]
			}
			up = append(up, grey8[y*w+x]-prev)
		}
	}
	// An RGB image whose soft mask hides its left half: shown white there.
	rgb := make([]byte, 3*w*h)
	alpha := make([]byte, w*h)
	for i := range w * h {
		rgb[3*i], rgb[3*i+1], rgb[3*i+2] = grey8[i], grey8[i], grey8[i]
		if i%w >= w/2 {
			alpha[i] = 255
		}
	}
	maskedRef := make([][]bool, h)
	for y := range h {
		maskedRef[y] = make([]bool, w)
		for x := range w {
			maskedRef[y][x] = ref[y][x] && x >= w/2
		}
	}
	ccitt := func(extra string, cols, rows int) string {
		return fmt.Sprintf("/Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns %d /Rows %d %s >>", cols, rows, cols, rows, extra)
	}
	tests := []struct {
		name   string
		page   rawPage
		format string
		want   [][]bool
		// tol is how many grey levels a pixel may be off (JPEG).
		tol int
	}{
		{"fax G4", rawPage{imgDict: ccitt("", w, h), imgData: g4, content: cover, w: pw, h: ph}, "tiff", ref, 0},
		{"copier G4 BlackIs1 with Decode [1 0]", rawPage{imgDict: ccitt("/BlackIs1 true", w, h) + " /Decode [1 0]", imgData: g4, content: cover, w: pw, h: ph}, "tiff", ref, 0},
		{"G4 BlackIs1 alone shows inverted", rawPage{imgDict: ccitt("/BlackIs1 true", w, h), imgData: g4, content: cover, w: pw, h: ph}, "pnm", invert(ref), 0},
		{"G4 sideways, /Rotate 90", rawPage{imgDict: ccitt("", h, w), imgData: g4side, rotate: 90, content: fmt.Sprintf("q %g 0 0 %g 0 0 cm /Im0 Do Q", ph, pw), w: ph, h: pw}, "pnm", ref, 0},
		{"G4 turned by the image matrix", rawPage{imgDict: ccitt("", w, h), imgData: g4, content: fmt.Sprintf("q 0 %g %g 0 %g 0 cm /Im0 Do Q", pw, -ph, ph), w: ph, h: pw}, "pnm", nil, 0},
		{"stencil mask G4", rawPage{imgDict: fmt.Sprintf("/Width %d /Height %d /ImageMask true /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns %d /Rows %d >>", w, h, w, h), imgData: g4, content: "0 g " + cover, w: pw, h: ph}, "tiff", ref, 0},
		{"JPEG grey as stored", rawPage{imgDict: fmt.Sprintf("/Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode", w, h), imgData: jpg.Bytes(), content: cover, w: pw, h: ph}, "jpeg", ref, 60},
		{"JPEG with Decode [1 0]", rawPage{imgDict: fmt.Sprintf("/Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Decode [1 0] /Filter /DCTDecode", w, h), imgData: jpg.Bytes(), content: cover, w: pw, h: ph}, "pnm", invert(ref), 60},
		{"indexed 2-bit with Decode [3 0]", rawPage{imgDict: fmt.Sprintf("/Width %d /Height %d /ColorSpace [/Indexed /DeviceGray 3 <80FF00C0>] /BitsPerComponent 2 /Decode [3 0] /Filter /FlateDecode", w, h), imgData: deflated(idx), content: cover, w: pw, h: ph}, "pnm", ref, 0},
		{"Flate with PNG predictor", rawPage{imgDict: fmt.Sprintf("/Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns %d >>", w, h, w), imgData: deflated(up), content: cover, w: pw, h: ph}, "pnm", ref, 0},
		{"1-bit Flate", rawPage{imgDict: fmt.Sprintf("/Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode", w, h), imgData: deflated(packed(ref, false)), content: cover, w: pw, h: ph}, "pnm", ref, 0},
		{"RGB with soft mask", rawPage{imgDict: fmt.Sprintf("/Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /SMask 5 0 R /Filter /FlateDecode", w, h), imgData: deflated(rgb),
			extra: []string{streamObj(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", w, h), deflated(alpha))}, content: cover, w: pw, h: ph}, "pnm", maskedRef, 0},
		{"grey with stencil /Mask", rawPage{imgDict: fmt.Sprintf("/Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Mask 5 0 R /Filter /FlateDecode", w, h), imgData: deflated(grey8),
			// Mask samples of 1 are not painted: the left half.
			extra: []string{streamObj(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ImageMask true /BitsPerComponent 1 /Filter /FlateDecode", w, h), deflated(leftHalf(w, h)))}, content: cover, w: pw, h: ph}, "pnm", maskedRef, 0},
		{"CMYK Flate", rawPage{imgDict: fmt.Sprintf("/Width %d /Height %d /ColorSpace /DeviceCMYK /BitsPerComponent 8 /Filter /FlateDecode", w, h), imgData: deflated(cmyk(grey8)), content: cover, w: pw, h: ph}, "pnm", ref, 0},
	}
	if _, err := exec.LookPath("pdfimages"); err == nil {
		tests = append(tests, struct {
			name   string
			page   rawPage
			format string
			want   [][]bool
			tol    int
		}{"JBIG2 generic region (MMR)", rawPage{imgDict: fmt.Sprintf("/Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode", w, h), imgData: fixture.JBIG2MMR(packed(ref, false), w, h, dpi), content: cover, w: pw, h: ph}, "pnm", ref, 0})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want == nil { // turned by the matrix [0 pw -ph 0 ph 0]
				want = mapped(ref, [6]float64{0, pw, -ph, 0, ph, 0}, ph, pw, dpi)
			}
			img, err := PageImage(context.Background(), tt.page.write(t), 1, dpi)
			if err != nil {
				t.Fatal(err)
			}
			if img.Rendered || img.Format != tt.format || img.DPI != dpi {
				t.Fatalf("rendered %v, format %s, %d dpi; want as stored, %s, %d dpi", img.Rendered, img.Format, img.DPI, tt.format, dpi)
			}
			gw, gh, at := decodeGrey(t, img)
			if gw != len(want[0]) || gh != len(want) || img.Width != gw || img.Height != gh {
				t.Fatalf("%dx%d pixels (reported %dx%d), want %dx%d", gw, gh, img.Width, img.Height, len(want[0]), len(want))
			}
			bad := 0
			for y := range gh {
				for x := range gw {
					v := int(at(x, y))
					exp := 255
					if want[y][x] {
						exp = 0
					}
					if v-exp > tt.tol || exp-v > tt.tol {
						bad++
					}
				}
			}
			if bad > 0 {
				t.Errorf("%d of %d pixels differ from the reference", bad, gw*gh)
			}
		})
	}
}

func invert(px [][]bool) [][]bool {
	out := make([][]bool, len(px))
	for y, row := range px {
		out[y] = make([]bool, len(row))
		for x, b := range row {
			out[y][x] = !b
		}
	}
	return out
}

// mapped places each pixel of px where the matrix m puts it on a page of
// pw × ph points shown at dpi, as PDF draws an image: pixel (i, j) is at
// (u, v) = ((i+½)/w, 1-(j+½)/h) of the unit square.
func mapped(px [][]bool, m [6]float64, pw, ph float64, dpi int) [][]bool {
	h, w := len(px), len(px[0])
	W, H := int(pw*float64(dpi)/72+0.5), int(ph*float64(dpi)/72+0.5)
	out := make([][]bool, H)
	for y := range out {
		out[y] = make([]bool, W)
	}
	for j := range h {
		for i := range w {
			u, v := (float64(i)+0.5)/float64(w), 1-(float64(j)+0.5)/float64(h)
			x, y := m[0]*u+m[2]*v+m[4], m[1]*u+m[3]*v+m[5]
			X, Y := int(x*float64(dpi)/72), int((ph-y)*float64(dpi)/72)
			out[Y][X] = px[j][i]
		}
	}
	return out
}

// leftHalf is a 1-bit mask with 1 (not painted) on the left half.
func leftHalf(w, h int) []byte {
	px := make([][]bool, h)
	for y := range px {
		px[y] = make([]bool, w)
		for x := range px[y] {
			px[y][x] = x < w/2
		}
	}
	return packed(px, true)
}

// cmyk converts grey levels to CMYK with black in K.
func cmyk(grey []byte) []byte {
	out := make([]byte, 4*len(grey))
	for i, g := range grey {
		out[4*i+3] = 255 - g
	}
	return out
}

// TestPageLimits refuses pages too large to render, before rendering.
func TestPageLimits(t *testing.T) {
	text := "BT /F1 12 Tf 72 72 Td (Hello) Tj ET"
	tests := []struct {
		name string
		w, h float64
		dpi  int
	}{
		{"9000 x 9000 pt at 300 dpi", 9000, 9000, 300},
		{"a 5000 inch page", 5000 * 72, 612, 72},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := rawPage{imgDict: "/Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", imgData: []byte{0}, content: text, w: tt.w, h: tt.h}.write(t)
			_, err := PageImage(context.Background(), path, 1, tt.dpi)
			if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "page 1") {
				t.Fatalf("err = %v, want ErrTooLarge naming page 1", err)
			}
			if _, err := RenderPage(context.Background(), readFile(t, path), 1, 110); !errors.Is(err, ErrTooLarge) {
				t.Fatalf("RenderPage: err = %v, want ErrTooLarge", err)
			}
		})
	}
	if err := CheckPageSize(612, 792, 300); err != nil {
		t.Errorf("Letter at 300 dpi refused: %v", err)
	}
}
