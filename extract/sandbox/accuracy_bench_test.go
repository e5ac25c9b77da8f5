package sandbox

import (
	"context"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/internal/fixture"
)

// benchAccuracyPages is how many pages of each encoding are OCR'd.
const benchAccuracyPages = 8

// BenchmarkOCRAccuracy OCRs the first pages of the small fixture bundle
// stored in each scanned encoding, two ways: the page image as stored
// (what medchron does now) and the page rendered by pdftoppm in grey at
// 300 DPI (what it did before for every encoding but Flate). It reports
// word accuracy against the born-digital twin's text layer (the share of
// its words, counted with multiplicity, that OCR found) and OCR seconds per
// page for each way.
func BenchmarkOCRAccuracy(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	spec := fixture.Small()
	if _, err := fixture.WriteBundle(ctx, dir, spec); err != nil {
		b.Fatal(err)
	}
	truth, err := pdf.TextLayer(ctx, filepath.Join(dir, fixture.BornDigitalFile))
	if err != nil {
		b.Fatal(err)
	}
	l := &Local{}
	defer l.Close()
	for _, enc := range fixture.Encodings {
		if _, err := fixture.WriteScanned(ctx, dir, spec, enc); err != nil {
			b.Fatal(err)
		}
		path := filepath.Join(dir, fixture.ScannedName(enc))
		for _, way := range []string{"as-stored", "rendered"} {
			b.Run(string(enc)+"/"+way, func(b *testing.B) {
				var found, total int
				var took time.Duration
				for b.Loop() {
					found, total, took = 0, 0, 0
					for n := 1; n <= benchAccuracyPages; n++ {
						img, dpi := pageFor(b, l, path, n, way)
						start := time.Now()
						page, err := l.Recognize(ctx, img, dpi, "bench", n)
						took += time.Since(start)
						if err != nil {
							b.Fatal(err)
						}
						f, t := wordRecall(truth[n-1].Text, page.Text)
						found += f
						total += t
					}
				}
				b.ReportMetric(100*float64(found)/float64(total), "word-acc-%")
				b.ReportMetric(took.Seconds()/benchAccuracyPages, "ocr-s/page")
			})
		}
	}
}

// pageFor gives the OCR image of page n: as PageImage takes it, or
// rendered by pdftoppm.
func pageFor(b *testing.B, l *Local, path string, n int, way string) ([]byte, int) {
	if way == "as-stored" {
		img, dpi, err := l.PageImage(context.Background(), path, n)
		if err != nil {
			b.Fatal(err)
		}
		return img, dpi
	}
	s := strconv.Itoa(n)
	out, err := exec.Command("pdftoppm", "-q", "-r", "300", "-gray", "-png", "-f", s, "-l", s, path).Output()
	if err != nil {
		b.Fatal(err)
	}
	return out, 300
}

// wordRecall counts the words of want (split on spaces) that got has, each
// word of got used once.
func wordRecall(want, got string) (found, total int) {
	have := map[string]int{}
	for _, w := range strings.Fields(got) {
		have[w]++
	}
	for _, w := range strings.Fields(want) {
		total++
		if have[w] > 0 {
			have[w]--
			found++
		}
	}
	return found, total
}
