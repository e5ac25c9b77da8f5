package pdf_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/internal/hostile"
)

// The one-pass walk of the page tree gives every page what pdfcpu's
// PageDict gives it, on every file of the hostile corpus that opens (deep,
// cyclic, flat and broken page trees among them), or leaves the file to
// PageDict.
func TestSourcePagesAgreeWithPageDict(t *testing.T) {
	walked := 0
	type file struct {
		File string
		Make func() ([]byte, error)
	}
	files := []file{{"inherited.pdf", inheritedTree}}
	for _, c := range hostile.Cases() {
		files = append(files, file{c.File, c.Make})
	}
	for _, c := range files {
		data, err := c.Make()
		if err != nil {
			t.Fatal(err)
		}
		src, err := pdf.Open(context.Background(), c.File, data)
		if err != nil {
			continue
		}
		pages, err := pdf.WalkPages(src)
		if c.File == "inherited.pdf" && len(pages) != 3 {
			t.Fatalf("inherited.pdf: %d pages walked (%v), want 3", len(pages), err)
		}
		if err != nil {
			continue
		}
		walked++
		for i, pg := range pages {
			if i >= 100 && i < len(pages)-100 {
				continue // PageDict costs the square of a long file's pages
			}
			d, ref, inh, err := src.PageDict(i+1, false)
			if err != nil {
				t.Errorf("%s page %d: walked, but PageDict fails: %v", c.File, i+1, err)
				break
			}
			if ref.ObjectNumber != pg.Ref.ObjectNumber || !reflect.DeepEqual(d, pg.Dict) || !reflect.DeepEqual(*inh, *pg.Inh) {
				t.Errorf("%s page %d: walked %v %+v, PageDict %v %+v", c.File, i+1, pg.Ref, *pg.Inh, *ref, *inh)
				break
			}
		}
	}
	if walked < 50 {
		t.Fatalf("%d files walked in one pass, want most of the corpus", walked)
	}
}

// inheritedTree is a page tree of two levels whose nodes set the boxes,
// the rotation and the resources their pages inherit, some pages setting
// their own.
func inheritedTree() ([]byte, error) {
	d := hostile.Page("Inherited attributes", "", "")
	d.Set(2, "<< /Type /Pages /Kids [6 0 R 3 0 R] /Count 3 /MediaBox [0 0 612 792] /Rotate 90 /Resources << /Font << /F1 5 0 R >> >> >>")
	d.Set(3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
	d.Add("<< /Type /Pages /Parent 2 0 R /Kids [7 0 R 8 0 R] /Count 2 /CropBox [10 10 600 780] /Rotate 180 >>")
	d.Add("<< /Type /Page /Parent 6 0 R /Contents 4 0 R >>")
	d.Add("<< /Type /Page /Parent 6 0 R /Contents 4 0 R /MediaBox [0 0 792 612] /Rotate 270.0 /Resources << >> >>")
	return d.Bytes("/Root 1 0 R"), nil
}

// BenchmarkInspectLongDocument inspects documents of 500 and 2,000 pages
// whose page tree is one node with every page as its kid (print-to-PDF of a
// whole chart): the time per page must not grow with the length.
func BenchmarkInspectLongDocument(b *testing.B) {
	for _, n := range []int{500, 2000} {
		data := hostile.FlatPages(n, func(i int) string { return fmt.Sprintf("Progress note, page %d", i) })
		b.Run(fmt.Sprintf("pages-%d", n), func(b *testing.B) {
			for b.Loop() {
				info, err := pdf.Inspect(context.Background(), "chart.pdf", data)
				if err != nil || len(info.Pages) != n {
					b.Fatalf("%d pages, err %v", len(info.Pages), err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/page")
		})
	}
}
