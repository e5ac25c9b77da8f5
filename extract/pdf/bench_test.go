package pdf

import (
	"context"
	"testing"
)

// benchPages is the length of the benchmark documents.
const benchPages = 20

func BenchmarkTextLayer(b *testing.B) {
	specs := make([]pageSpec, benchPages)
	for i := range specs {
		specs[i] = pageSpec{lines: append(append([]string{}, clinicLines...), clinicLines...), row: billRow}
	}
	path := buildPDF(b, specs...)
	b.ResetTimer()
	for b.Loop() {
		pages, err := TextLayer(context.Background(), path)
		if err != nil || len(pages) != benchPages {
			b.Fatalf("pages %d, err %v", len(pages), err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*benchPages), "ms/page")
}

func BenchmarkPageImage(b *testing.B) {
	scan := scanImage(b, 300, "JPG")
	scanned := make([]pageSpec, benchPages)
	texts := make([]pageSpec, benchPages)
	for i := range scanned {
		scanned[i] = pageSpec{image: scan, imageType: "JPG"}
		texts[i] = pageSpec{lines: clinicLines, row: billRow}
	}
	cases := []struct {
		name   string
		path   string
		render bool
	}{
		{"fast-scan300", buildPDF(b, scanned...), false},
		{"render-text300", buildPDF(b, texts...), true},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			page := 0
			for b.Loop() {
				page = page%benchPages + 1
				img, err := PageImage(context.Background(), c.path, page, 300)
				if err != nil || img.Rendered != c.render {
					b.Fatalf("page %d: rendered %v, err %v", page, img.Rendered, err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/page")
		})
	}
}
