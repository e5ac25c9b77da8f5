package pdf

import (
	"bytes"
	"context"
	"errors"
	"image"
	"math"
	"strings"
	"testing"
)

func TestPageImage(t *testing.T) {
	jpg150 := scanImage(t, 150, "JPG")
	png100 := scanImage(t, 100, "PNG")
	path := buildPDF(t,
		pageSpec{image: jpg150, imageType: "JPG"},                                  // 1: scan, JPEG
		pageSpec{image: png100, imageType: "PNG"},                                  // 2: scan, Flate
		pageSpec{lines: clinicLines},                                               // 3: text
		pageSpec{image: png100, imageType: "PNG", partial: true},                   // 4: image on half the page
		pageSpec{image: png100, imageType: "PNG", redact: true},                    // 5: redaction box over the scan
		pageSpec{image: jpg150, imageType: "JPG", lines: []string{"SMITH-000123"}}, // 6: Bates-stamped scan
		pageSpec{image: scanImage(t, 30, "PNG"), imageType: "PNG"},                 // 7: scan far below the asked resolution
	)
	tests := []struct {
		page        int
		dpi         int
		rendered    bool
		format      string
		wantDPI     int
		textOmitted bool
	}{
		{1, 150, false, "jpeg", 150, false},
		{1, 300, false, "jpeg", 150, false}, // half the asked resolution is still taken as is
		{2, 150, false, "pnm", 100, false},
		{3, 72, true, "png", 72, false},
		{4, 72, true, "png", 72, false},
		{5, 72, true, "png", 72, false},
		{6, 150, false, "jpeg", 150, true},
		{7, 100, true, "png", 100, false},
	}
	for _, tt := range tests {
		img, err := PageImage(context.Background(), path, tt.page, tt.dpi)
		if err != nil {
			t.Fatalf("page %d: %v", tt.page, err)
		}
		if img.Rendered != tt.rendered || img.Format != tt.format || img.DPI != tt.wantDPI || img.TextOmitted != tt.textOmitted {
			t.Errorf("page %d at %d dpi: rendered %v format %s dpi %d textOmitted %v; want %v %s %d %v",
				tt.page, tt.dpi, img.Rendered, img.Format, img.DPI, img.TextOmitted, tt.rendered, tt.format, tt.wantDPI, tt.textOmitted)
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(img.Data))
		if err != nil || format != img.Format {
			t.Fatalf("page %d: image does not decode as %s: %v", tt.page, img.Format, err)
		}
		// The image spans the page at its DPI.
		wantW, wantH := 8.5*float64(img.DPI), 11*float64(img.DPI)
		if cfg.Width != img.Width || cfg.Height != img.Height ||
			math.Abs(float64(cfg.Width)-wantW) > 2 || math.Abs(float64(cfg.Height)-wantH) > 2 {
			t.Errorf("page %d: %dx%d px (reported %dx%d), want about %.0fx%.0f",
				tt.page, cfg.Width, cfg.Height, img.Width, img.Height, wantW, wantH)
		}
	}
	// The JPEG is taken byte for byte.
	if img, _ := PageImage(context.Background(), path, 1, 150); !bytes.Equal(img.Data, jpg150) {
		t.Error("page 1 JPEG was not returned as stored")
	}
}

func TestPageImageErrors(t *testing.T) {
	path := buildPDF(t, pageSpec{lines: clinicLines})
	tests := []struct {
		name string
		path string
		page int
		dpi  int
		want string
	}{
		{"page past the end", path, 2, 150, "page 2: the file has 1 pages: no such page"},
		{"page zero", path, 0, 150, "no such page"},
		{"absurd dpi", path, 1, 5000, "resolution"},
		{"missing file", path + ".nope", 1, 150, "doc.pdf.nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := PageImage(context.Background(), tt.path, tt.page, tt.dpi)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want mention of %q", err, tt.want)
			}
		})
	}
	t.Run("file without xref table", func(t *testing.T) {
		// Cut the cross-reference table and trailer: the readers must
		// rebuild it from the objects and still give the page.
		data := readFile(t, path)
		cut := bytes.LastIndex(data, []byte("xref"))
		broken := t.TempDir() + "/broken.pdf"
		if err := osWriteFile(broken, data[:cut]); err != nil {
			t.Fatal(err)
		}
		img, err := PageImage(context.Background(), broken, 1, 72)
		if err != nil || !img.Rendered {
			t.Fatalf("rendered %v, err %v", img.Rendered, err)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := PageImage(ctx, path, 1, 150); !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	})
}

func TestScanContent(t *testing.T) {
	tests := []struct {
		name    string
		stream  string
		ok      bool
		draws   int
		text    bool
		painted bool
		ctm     matrix
	}{
		{"scan", "q 612 0 0 792 0 0 cm /Im0 Do Q", true, 1, false, false, matrix{612, 0, 0, 792, 0, 0}},
		{"nested cm", "q 2 0 0 2 0 0 cm q 306 0 0 396 0 0 cm /X Do Q Q", true, 1, false, false, matrix{612, 0, 0, 792, 0, 0}},
		{"translate then scale", "1 0 0 1 10 20 cm 100 0 0 50 0 0 cm /X Do", true, 1, false, false, matrix{100, 0, 0, 50, 10, 20}},
		{"stamped", "q 612 0 0 792 0 0 cm /Im0 Do Q BT /F1 10 Tf 500 20 Td (ABC\\) 0001) Tj ET", true, 1, true, false, matrix{612, 0, 0, 792, 0, 0}},
		{"redacted", "q 612 0 0 792 0 0 cm /Im0 Do Q 0 g 100 100 200 40 re f", true, 1, false, true, matrix{612, 0, 0, 792, 0, 0}},
		{"comments and dicts", "% scan\n/OC <</MCID 0>> BDC q 612 0 0 792 0 0 cm /Im0 Do Q EMC [1 2] 0 d", true, 1, false, false, matrix{612, 0, 0, 792, 0, 0}},
		{"inline image", "q 10 0 0 10 0 0 cm BI /W 1 /H 1 ID \xff\x00 EI Q", true, 0, false, true, identity},
		{"two images", "/A Do /B Do", true, 2, false, false, identity},
		{"unclosed string", "(abc Tj", false, 0, false, false, identity},
		{"bad cm", "1 0 cm /X Do", false, 0, false, false, identity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := scanContent([]byte(tt.stream), maxScanContent)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if p.draws != tt.draws || p.text != tt.text || p.painted != tt.painted {
				t.Errorf("draws %d text %v painted %v; want %d %v %v", p.draws, p.text, p.painted, tt.draws, tt.text, tt.painted)
			}
			if tt.draws == 1 && p.ctm != tt.ctm {
				t.Errorf("ctm = %v, want %v", p.ctm, tt.ctm)
			}
		})
	}
	if _, ok := scanContent(make([]byte, maxScanContent+1), maxScanContent); ok {
		t.Error("an over-long stream should not be judged")
	}
}
