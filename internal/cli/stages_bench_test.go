package cli

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/extract/rules"
	"github.com/medchron/medchron/internal/export"
	"github.com/medchron/medchron/search"
)

// BenchmarkStages runs the CPU-bound stages of "process" in this process
// on the born-digital bench bundle (BenchmarkProcess's, whose processing
// runs in a child process and so escapes -cpuprofile), each over the
// output of the one before: the text layer read once outside the timer,
// then the rules extractor, the search index's vectors of the pages, the
// chronology, and the letter with the output files. A stage's cut shows
// here with -benchmem and -cpuprofile.
func BenchmarkStages(b *testing.B) {
	dir, truth := benchBundle(b)
	ctx := context.Background()
	pages, err := pdf.TextLayer(ctx, filepath.Join(dir, "born-digital.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	doc := extract.Document{ID: "doc-bench", File: "born-digital.pdf", SHA256: "00", Pages: len(pages)}
	for i := range pages {
		pages[i].DocumentID = doc.ID
		pages[i].Number = i + 1
		if pages[i].Source == "" {
			pages[i].Source = extract.SourceEmpty
		}
	}
	ex := rules.New(rules.Options{})
	res, err := ex.Extract(ctx, doc, pages)
	if err != nil {
		b.Fatal(err)
	}
	m := chronology.Matter{ID: "bench", DateOfIncident: truth.IncidentDate}
	sources := []chronology.Source{{Document: chronology.Document{Document: doc}, Pages: pages, Result: res, Extractor: "rules"}}
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	build := func() chronology.Chronology {
		return chronology.Build(m, sources, chronology.Options{GeneratedAt: at})
	}
	perPage := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pages)), "µs/page")
	}
	b.Run("extract", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ex.Extract(ctx, doc, pages); err != nil {
				b.Fatal(err)
			}
		}
		perPage(b)
	})
	b.Run("index", func(b *testing.B) {
		b.ReportAllocs()
		var l search.Local
		texts := make([]string, len(pages))
		for i, p := range pages {
			texts[i] = search.PageText(p)
		}
		for b.Loop() {
			if _, err := l.Embed(ctx, texts); err != nil {
				b.Fatal(err)
			}
		}
		perPage(b)
	})
	b.Run("build", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			build()
		}
		perPage(b)
	})
	c := build()
	b.Run("outputs", func(b *testing.B) {
		b.ReportAllocs()
		out := b.TempDir()
		for b.Loop() {
			d := demand.Generate(c, demand.Options{Now: at})
			if _, err := export.WriteAll(ctx, out, c, d, export.Options{}); err != nil {
				b.Fatal(err)
			}
		}
		perPage(b)
	})
}
