package cli

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/draw"
	"golang.org/x/image/tiff"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/imagedoc"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/internal/eval"
	"github.com/medchron/medchron/internal/fixture"
)

// TestProcessImageInputs runs a multi-page G4 TIFF fax, a JPEG and a PNG
// scan through "medchron process" with a damaged TIFF beside them: the
// images are documents whose frames are pages, OCR'd with word boxes in
// points on pages measured from the image's resolution, and cited like PDF
// pages; the damaged file gets one line naming it and its page.
func TestProcessImageInputs(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("OCR run skipped in -short mode")
	}
	tmp := t.TempDir()
	// The fewest pages a bundle may have (ten): every page is OCR'd, and
	// the scanned run OCRs the sixteen of the small bundle already.
	spec := fixture.Small()
	spec.Pages = 10
	truth, err := fixture.WriteTIFF(context.Background(), tmp, spec, fixture.TIFFG4)
	if err != nil {
		t.Fatal(err)
	}
	fax := filepath.Join(tmp, fixture.TIFFName(fixture.TIFFG4))
	data, err := os.ReadFile(fax)
	if err != nil {
		t.Fatal(err)
	}
	// Page 3 of the fax as a PNG and as a JPEG (no resolution recorded:
	// the page is taken as 11 inches tall), at half the fax's size, a
	// 150 dpi scan: what is checked of them (a page each, OCR'd, Letter,
	// with words, boxes on the page) needs no more, and a quarter of the
	// pixels is less to OCR.
	frame, err := imagedoc.PageImage(fax, 3)
	if err != nil {
		t.Fatal(err)
	}
	img, err := tiff.Decode(bytes.NewReader(frame.Data))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	grey := image.NewGray(image.Rect(0, 0, b.Dx()/2, b.Dy()/2))
	draw.BiLinear.Scale(grey, grey.Rect, img, b, draw.Src, nil)
	var pngBuf, jpgBuf bytes.Buffer
	if err := png.Encode(&pngBuf, grey); err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(&jpgBuf, grey, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(tmp, "in")
	os.MkdirAll(in, 0o755)
	files := map[string][]byte{
		"fax.tif":   data,
		"page3.png": pngBuf.Bytes(),
		"page3.jpg": jpgBuf.Bytes(),
		// The directories past the cut are gone (an eighth: a page or two
		// before it, each OCR'd before the damage is met).
		"cut-off.tiff": data[:len(data)/8],
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(in, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(tmp, "out")
	db := filepath.Join(tmp, "m.db")
	code, _, stderr := run(t, "process", "--db", db, "--out", out, "--matter", "faxes", "--incident-date", truth.IncidentDate.String(), in)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (one damaged file)\n%s", code, stderr)
	}
	if line := lineWith(stderr, "cut-off.tiff"); !strings.Contains(line, "page") || !strings.Contains(line, "damaged") {
		t.Errorf("no clear error naming cut-off.tiff and its page in:\n%s", stderr)
	}
	c := readChronology(t, out)
	byFile := map[string]int{}
	for _, d := range c.Documents {
		byFile[d.File] = d.Pages
		for i, s := range d.PageSources {
			if s != extract.SourceOCR {
				t.Errorf("%s page %d: source %s, want ocr", d.File, i+1, s)
			}
		}
	}
	if byFile["fax.tif"] != truth.Pages || byFile["page3.png"] != 1 || byFile["page3.jpg"] != 1 {
		t.Fatalf("documents and pages %v, want fax.tif %d, page3.png 1, page3.jpg 1", byFile, truth.Pages)
	}
	r := eval.Compare(c, truth)
	if f := r.Field("encounters").F1(); f < 0.9 {
		t.Errorf("encounters F1 %.3f from the TIFF fax, want ≥ 0.9", f)
	}
	if f := r.Field("citation_pages").F1(); f < 0.9 {
		t.Errorf("citation pages F1 %.3f, want ≥ 0.9", f)
	}
	// Word boxes are in points on a Letter page (300 dpi frames), and the
	// PNG's page (no resolution: 11 inches tall) holds the same words.
	h, err := app.Open(context.Background(), app.Config{DBPath: db, NoOCR: true})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close(context.Background())
	for _, d := range c.Documents {
		pg, err := h.Store.Page(context.Background(), d.ID, min(3, d.Pages))
		if err != nil {
			t.Fatal(err)
		}
		if pg.Width < 600 || pg.Width > 624 || pg.Height < 780 || pg.Height > 804 || len(pg.Words) < 20 {
			t.Errorf("%s page: %.0f x %.0f pt with %d words, want Letter with words", d.File, pg.Width, pg.Height, len(pg.Words))
		}
		for _, w := range pg.Words {
			if w.Box.X1 > pg.Width+1 || w.Box.Y1 > pg.Height+1 {
				t.Errorf("%s: word box %v outside the %.0f x %.0f page", d.File, w.Box, pg.Width, pg.Height)
				break
			}
		}
	}
}
