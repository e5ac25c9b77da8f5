package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-pdf/fpdf"
)

// pageSpec describes one page of a test PDF.
type pageSpec struct {
	lines     []string // text lines, 12 pt Helvetica, from (72, 72) down by 14 pt
	image     []byte   // an image drawn over the whole page (or its top half)
	imageType string   // "PNG" or "JPG"
	partial   bool     // image covers only the top half of the page
	redact    bool     // a black box drawn over the image
	row       []string // a bill row below the lines, cells at x = 72, 200, 400 pt
}

// Letter page size in points.
const pageW, pageH = 612.0, 792.0

// buildPDF writes a Letter-size PDF with the given pages into a temporary
// directory and returns its path.
func buildPDF(tb testing.TB, pages ...pageSpec) string {
	tb.Helper()
	doc := fpdf.New("P", "pt", "Letter", "")
	doc.SetFont("Helvetica", "", 12)
	for i, p := range pages {
		doc.AddPage()
		if p.image != nil {
			name := fmt.Sprintf("img%d", i)
			opts := fpdf.ImageOptions{ImageType: p.imageType}
			doc.RegisterImageOptionsReader(name, opts, bytes.NewReader(p.image))
			h := pageH
			if p.partial {
				h = pageH / 2
			}
			doc.ImageOptions(name, 0, 0, pageW, h, false, opts, 0, "")
		}
		if p.redact {
			doc.SetFillColor(0, 0, 0)
			doc.Rect(100, 100, 200, 40, "F")
		}
		for j, line := range p.lines {
			doc.Text(72, 72+14*float64(j), line)
		}
		for j, cell := range p.row {
			doc.Text([]float64{72, 200, 400}[j%3], 72+14*float64(len(p.lines)), cell)
		}
	}
	path := filepath.Join(tb.TempDir(), "doc.pdf")
	if err := doc.OutputFileAndClose(path); err != nil {
		tb.Fatalf("build PDF: %v", err)
	}
	return path
}

// scanImage draws a grey Letter page at dpi with a few dark bars, encoded as
// "PNG" or "JPG".
func scanImage(tb testing.TB, dpi int, format string) []byte {
	tb.Helper()
	w, h := dpi*85/10, dpi*11
	img := image.NewGray(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := uint8(245)
			if (y/(dpi/6))%3 == 0 && x > w/8 && x < w*7/8 {
				c = 30
			}
			img.SetGray(x, y, color.Gray{Y: c})
		}
	}
	var buf bytes.Buffer
	var err error
	if format == "JPG" {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 75})
	} else {
		err = png.Encode(&buf, img)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// clinicLines is a page of ordinary clinic-note text.
var clinicLines = []string{
	"Riverside Orthopedics      Progress Note",
	"Date of service: 03/14/2023",
	"Chief complaint: neck pain after motor vehicle collision.",
	"Assessment: cervical strain S13.4XXA.",
}

// billRow is a row of a bill, drawn as separate cells.
var billRow = []string{"99213", "Office visit", "$150.00"}

func osWriteFile(path string, data []byte) error { return os.WriteFile(path, data, 0o600) }

func readFile(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}
