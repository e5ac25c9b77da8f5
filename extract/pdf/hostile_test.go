package pdf_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/internal/hostile"
)

// hostileFile writes the hostile corpus's file name to a temporary folder.
func hostileFile(t *testing.T, name string) string {
	t.Helper()
	for _, c := range hostile.Cases() {
		if c.File != name {
			continue
		}
		data, err := c.Make()
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	t.Fatalf("no hostile case %s", name)
	return ""
}

// A file on which poppler prints half a million warnings (one per level of
// a deep array) still has its text read: the warnings are not allowed to
// fill the pipe and end pdftotext with a broken pipe.
func TestTextLayerThroughWarnings(t *testing.T) {
	pages, err := pdf.TextLayer(context.Background(), hostileFile(t, "deep-arrays.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 || !strings.Contains(pages[0].Text, "Oakwood") {
		t.Fatalf("pages = %+v, want the record's one page of text", pages)
	}
}

// A page 200 in long and 1 pt high is drawn for OCR at the resolution that
// keeps its long side within what Tesseract reads, instead of at 300 dpi
// (60,000 pixels, which Tesseract refuses).
func TestPageImageLongPage(t *testing.T) {
	img, err := pdf.PageImage(context.Background(), hostileFile(t, "huge-page-wide.pdf"), 1, 300)
	if err != nil {
		t.Fatal(err)
	}
	if img.Width > pdf.MaxSidePixels || img.Height > pdf.MaxSidePixels || img.DPI >= 300 || img.DPI < 150 {
		t.Fatalf("image %dx%d at %d dpi, want its long side within %d pixels at ~163 dpi", img.Width, img.Height, img.DPI, pdf.MaxSidePixels)
	}
}

func TestFitDPI(t *testing.T) {
	for _, tt := range []struct {
		w, h float64
		dpi  int
		want int
	}{
		{612, 792, 300, 300},
		{14400, 1, 300, 163},
		{1, 14400, 300, 163},
		{7864, 612, 300, 300}, // 32,766 pixels: fits
		{14400, 14400, 100, 100},
	} {
		if got := pdf.FitDPI(tt.w, tt.h, tt.dpi); got != tt.want {
			t.Errorf("FitDPI(%v, %v, %d) = %d, want %d", tt.w, tt.h, tt.dpi, got, tt.want)
		}
	}
}

// A metadata string that is not UTF-8 (an unpaired UTF-16 surrogate, which
// poppler copies into the word boxes' title as it is) does not stop the
// text layer from being read.
func TestTextLayerBrokenMetadata(t *testing.T) {
	pages, err := pdf.TextLayer(context.Background(), hostileFile(t, "text-invalid-utf16.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 || len(pages[0].Words) == 0 {
		t.Fatalf("pages = %+v, want one page with its word boxes", pages)
	}
}
