package searchtest

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/search"
)

// BenchQueries are the queries the benchmark cycles through: words,
// phrases, codes, a drug name, a misspelling.
var BenchQueries = []string{
	"lumbar MRI",
	"disc protrusion L4-L5",
	"cyclobenzaprine",
	`"partial-thickness tear"`,
	"neck pain worse with driving",
	"post-traumatic headache",
	"radiculopaty",
	"light duty",
	"positive straight leg raise",
	"M54.16",
}

// Benchmark measures search latency over one matter of pages pages (in
// documents of 100 pages) and pages/10 chronology entries, indexed with
// the local embedder. It reports the median and 95th percentile per query
// of full-text, vector and hybrid search as p50-ms and p95-ms.
func Benchmark(b *testing.B, s Store, pages int) {
	ctx := context.Background()
	f := newFixture(b, s)
	m := f.matter("bench")
	svc := f.service()
	texts := ClinicalPages(42, pages)
	start := time.Now()
	var docs []string
	for i := 0; i < len(texts); i += 100 {
		docs = append(docs, f.document(m, fmt.Sprintf("records-%02d.pdf", len(docs)+1), texts[i:min(i+100, len(texts))]...))
	}
	var entries []chronology.Entry
	for i := range pages / 10 {
		entries = append(entries, benchEntry(i, texts[i*10]))
	}
	f.chronology(m, entries...)
	stored := time.Since(start)
	start = time.Now()
	f.indexMatter(svc, m, docs...)
	b.Logf("%d pages in %d documents and %d entries: stored in %s, embedded in %s",
		pages, len(docs), len(entries), stored.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))

	model := svc.Embedder.Model()
	qvecs, err := svc.Embedder.Embed(ctx, BenchQueries)
	if err != nil {
		b.Fatal(err)
	}
	runs := []struct {
		name string
		fn   func(i int) ([]search.Hit, error)
	}{
		{"text", func(i int) ([]search.Hit, error) { return s.SearchText(ctx, m, BenchQueries[i], 60) }},
		{"vector", func(i int) ([]search.Hit, error) { return s.SearchVectors(ctx, m, model, qvecs[i], 60) }},
		{"hybrid", func(i int) ([]search.Hit, error) { return svc.Search(ctx, m, BenchQueries[i], 20) }},
	}
	for _, r := range runs {
		b.Run(r.name, func(b *testing.B) {
			var took []time.Duration
			i := 0
			for b.Loop() {
				q := i % len(BenchQueries)
				t0 := time.Now()
				hits, err := r.fn(q)
				took = append(took, time.Since(t0))
				if err != nil {
					b.Fatal(err)
				}
				if len(hits) == 0 && r.name != "text" { // a misspelling matches no word
					b.Fatalf("%s search for %q found nothing", r.name, BenchQueries[q])
				}
				i++
			}
			slices.Sort(took)
			b.ReportMetric(ms(took[len(took)/2]), "p50-ms")
			b.ReportMetric(ms(took[(len(took)*95)/100]), "p95-ms")
		})
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// benchEntry is a chronology entry summarising a page.
func benchEntry(i int, page string) chronology.Entry {
	return chronology.Entry{
		ID:        fmt.Sprintf("e%04d", i),
		Date:      dates.New(2023, time.Month(1+i%12), 1+i%28),
		Provider:  []string{"Riverside Orthopedics", "Harbor Physical Therapy", "Lakeside Imaging", "Mercy General Hospital"}[i%4],
		VisitType: []string{"consult", "physical therapy", "MRI", "ED visit"}[i%4],
		Summary:   search.Snippet(page),
	}
}
