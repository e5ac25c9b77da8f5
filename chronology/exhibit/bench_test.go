package exhibit

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/fixture"
	"github.com/medchron/medchron/internal/hostile"
	"github.com/medchron/medchron/internal/testutil"
)

// benchPages is the length of the benchmark bundle, cut into documents of
// benchDocPages pages.
const (
	benchPages    = 200
	benchDocPages = 20
)

// BenchmarkBuild builds the exhibit of a 200-page generated bundle, born
// digital and scanned, cut into ten documents. It reports the time per
// page and the peak of the Go heap during the builds (sampled every
// millisecond), besides the usual allocation figures. Generating the
// bundle takes about half a minute before the timer starts.
func BenchmarkBuild(b *testing.B) {
	dir := b.TempDir()
	if _, err := fixture.WriteBundle(context.Background(), dir, fixture.Bench(benchPages)); err != nil {
		b.Fatal(err)
	}
	for _, file := range []string{fixture.BornDigitalFile, fixture.ScannedFile} {
		path := filepath.Join(dir, file)
		var docs []Doc
		for first := 1; first <= benchPages; first += benchDocPages {
			last := min(first+benchDocPages-1, benchPages)
			docs = append(docs, Doc{
				Provider:   "Provider " + string(rune('A'+len(docs)/3)),
				File:       file,
				Bytes:      pagesOf(b, path, first, last),
				BatesFirst: Bates("MC", first),
				Pages:      last - first + 1,
			})
		}
		b.Run(file, func(b *testing.B) { benchBuild(b, docs, benchPages) })
		// The same with the pages' word boxes, as the web application and
		// "medchron process" give them (Doc.Words, read from the store as
		// JSON): each stamp then looks for free margin among the words.
		// Both renderings print the same words; the born-digital text
		// layer gives them (OCR would give the scanned pages').
		born := filepath.Join(dir, fixture.BornDigitalFile)
		withWords := slices.Clone(docs)
		for i := range withWords {
			first := 1 + i*benchDocPages
			stored, err := json.Marshal(pageBoxes(wordBoxes(b, pagesOf(b, born, first, first+withWords[i].Pages-1))))
			if err != nil {
				b.Fatal(err)
			}
			withWords[i].Words = func(first, last int) ([][]extract.Box, error) {
				var boxes [][]extract.Box
				if err := json.Unmarshal(stored, &boxes); err != nil {
					return nil, err
				}
				return boxes[first-1 : last], nil
			}
		}
		b.Run(file+"/words", func(b *testing.B) { benchBuild(b, withWords, benchPages) })
	}
}

// BenchmarkBuildLongDocument builds the exhibit of one 2,000-page document
// whose page tree is one node with 2,000 kids, as print-to-PDF of a whole
// hospital chart writes it: the time per page must not grow with the
// document's length.
func BenchmarkBuildLongDocument(b *testing.B) {
	const n = 2000
	data := hostile.FlatPages(n, func(i int) string { return fmt.Sprintf("Progress note, page %d", i) })
	docs := []Doc{{Provider: "General Hospital", File: "chart.pdf", Bytes: data, BatesFirst: Bates("MC", 1), Pages: n}}
	benchBuild(b, docs, n)
}

// benchBuild builds the exhibit of docs, of pages pages in all, b.N times,
// reporting the time per page and the peak heap.
func benchBuild(b *testing.B, docs []Doc, pages int) {
	b.ReportAllocs()
	runtime.GC()
	stop := testutil.PeakHeap()
	for b.Loop() {
		if err := Build(context.Background(), io.Discard, docs, Options{Footer: "DRAFT"}); err != nil {
			b.Fatal(err)
		}
	}
	peak := stop()
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*pages), "ms/page")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// pageBoxes are the word boxes of pages as Doc.Words gives them.
func pageBoxes(pages []bboxPage) [][]extract.Box {
	out := make([][]extract.Box, len(pages))
	for i, p := range pages {
		for _, w := range p.words {
			out[i] = append(out[i], extract.Box{X0: w.xMin, Y0: w.yMin, X1: w.xMax, Y1: w.yMax})
		}
	}
	return out
}
