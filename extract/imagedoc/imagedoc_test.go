package imagedoc

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/tiff"

	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/internal/fixture"
)

// faxTIFF writes the small bundle as a multi-page G4 TIFF and returns its
// path (generated once per test binary).
var faxPath string

func fax(t *testing.T) string {
	t.Helper()
	if faxPath == "" {
		dir, err := os.MkdirTemp("", "imagedoc-test-")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fixture.WriteTIFF(context.Background(), dir, fixture.Small(), fixture.TIFFG4); err != nil {
			t.Fatal(err)
		}
		faxPath = filepath.Join(dir, fixture.TIFFName(fixture.TIFFG4))
	}
	return faxPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if faxPath != "" {
		os.RemoveAll(filepath.Dir(faxPath))
	}
	os.Exit(code)
}

// TestTIFFFrames: every frame of a multi-page fax is a page; each page
// image is a TIFF of that frame alone, as stored, whose pixels are the
// frame's.
func TestTIFFFrames(t *testing.T) {
	path := fax(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := Inspect("fax.tif", data)
	if err != nil {
		t.Fatal(err)
	}
	if info.Format != TIFF || len(info.Pages) != 16 {
		t.Fatalf("format %s, %d pages; want tiff, 16", info.Format, len(info.Pages))
	}
	for _, p := range info.Pages {
		if p.Width != 2550 || p.Height != 3300 || p.DPI != 300 || p.DPIGuessed || p.Compression != 4 {
			t.Fatalf("page %+v, want 2550x3300 G4 at 300 dpi", p)
		}
	}
	frames, err := parseTIFF(data)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, n := range []int{1, 2, 16} {
		img, err := PageImage(path, n)
		if err != nil {
			t.Fatal(err)
		}
		one, err := parseTIFF(img.Data)
		if err != nil || len(one) != 1 {
			t.Fatalf("page %d: %d frames, %v", n, len(one), err)
		}
		// The strip is the frame's, byte for byte: nothing re-encoded.
		o, c, _, _ := frames[n-1].blocks(len(data))
		o1, c1, _, _ := one[0].blocks(len(img.Data))
		if !bytes.Equal(data[o[0]:o[0]+c[0]], img.Data[o1[0]:o1[0]+c1[0]]) {
			t.Errorf("page %d: strip differs from the frame's", n)
		}
		m, err := tiff.Decode(bytes.NewReader(img.Data))
		if err != nil {
			t.Fatalf("page %d does not decode: %v", n, err)
		}
		if b := m.Bounds(); b.Dx() != 2550 || b.Dy() != 3300 {
			t.Errorf("page %d: %v", n, b)
		}
		key := string(img.Data[o1[0] : o1[0]+min(c1[0], 4096)])
		if seen[key] {
			t.Errorf("page %d has another page's image", n)
		}
		seen[key] = true
	}
	if _, err := PageImage(path, 17); !errors.Is(err, pdf.ErrNoPage) {
		t.Errorf("page 17 of 16: err = %v, want ErrNoPage", err)
	}
}

// TestInspectErrors: damaged and hostile image files get an error naming
// the file and, where there is one, the page.
func TestInspectErrors(t *testing.T) {
	data, err := os.ReadFile(fax(t))
	if err != nil {
		t.Fatal(err)
	}
	huge := append([]byte{}, data[:8]...)
	// One directory claiming a 60000 x 60000 page.
	huge = append(huge, 3, 0,
		0, 1, 4, 0, 1, 0, 0, 0, 0x60, 0xea, 0, 0,
		1, 1, 4, 0, 1, 0, 0, 0, 0x60, 0xea, 0, 0,
		0x11, 1, 4, 0, 1, 0, 0, 0, 8, 0, 0, 0,
		0, 0, 0, 0)
	huge[4], huge[5], huge[6], huge[7] = 8, 0, 0, 0
	tests := []struct {
		name string
		data []byte
		page int
		want error
	}{
		{"cut off", data[:len(data)/2], 9, ErrCorrupt},
		{"empty", nil, 0, pdf.ErrEmpty},
		{"too many pixels", huge, 1, pdf.ErrTooLarge},
		{"not an image", []byte("II*\x00garbage"), 0, ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Inspect("fax.tif", tt.data)
			var fe *pdf.FileError
			if !errors.Is(err, tt.want) || !errors.As(err, &fe) || fe.File != "fax.tif" {
				t.Fatalf("err = %v, want %v naming fax.tif", err, tt.want)
			}
			if tt.page > 0 && (fe.Page == 0 || !strings.Contains(err.Error(), "page")) {
				t.Errorf("err = %v, want it to name a page", err)
			}
		})
	}
}

// TestSinglePageImages: JPEG and PNG files are one page; their recorded
// resolution is used, and a missing one makes the page 11 inches tall.
func TestSinglePageImages(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 1275, 1650))
	var pngBuf, jpgBuf bytes.Buffer
	png.Encode(&pngBuf, g)
	jpeg.Encode(&jpgBuf, g, nil)
	// A JFIF header at 150 dpi.
	jfif := append([]byte{0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 1, 0, 150, 0, 150, 0, 0}, jpgBuf.Bytes()[2:]...)
	tests := []struct {
		name    string
		data    []byte
		dpi     int
		guessed bool
	}{
		{"png without pHYs", pngBuf.Bytes(), 150, true},
		{"jpeg at 150 dpi", jfif, 150, false},
	}
	for _, tt := range tests {
		info, err := Inspect("scan", tt.data)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(info.Pages) != 1 || info.Pages[0].DPI != tt.dpi || info.Pages[0].DPIGuessed != tt.guessed {
			t.Errorf("%s: %+v, want one page at %d dpi (guessed %v)", tt.name, info.Pages, tt.dpi, tt.guessed)
		}
	}
}

// TestRenderAndPDF: a page drawn for the page view is measured like the
// OCR'd page, and the PDF of a fax keeps its pages, sizes and G4 data.
func TestRenderAndPDF(t *testing.T) {
	data, err := os.ReadFile(fax(t))
	if err != nil {
		t.Fatal(err)
	}
	out, err := RenderPage(data, 2, 72)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(out))
	if err != nil || cfg.Width != 612 || cfg.Height != 792 {
		t.Fatalf("rendered %dx%d (%v), want 612x792 at 72 dpi", cfg.Width, cfg.Height, err)
	}
	var buf bytes.Buffer
	if err := WritePDF(&buf, "fax.tif", data); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > len(data)+len(data)/10 {
		t.Errorf("PDF is %d bytes for a %d-byte TIFF: the G4 data was not kept", buf.Len(), len(data))
	}
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	p := filepath.Join(t.TempDir(), "fax.pdf")
	os.WriteFile(p, buf.Bytes(), 0o600)
	info, err := exec.Command("pdfinfo", p).Output()
	if err != nil || !strings.Contains(string(info), "Pages:           16") || !strings.Contains(string(info), "612 x 792") {
		t.Errorf("pdfinfo: %v\n%s", err, info)
	}
}
