package postgres

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/seal"

	"github.com/jackc/pgx/v5"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/search"
	"github.com/medchron/medchron/search/searchtest"
)

// TestSearchConformance runs the shared search suite on one new database,
// shared by its parallel subtests (they make their own matters).
func TestSearchConformance(t *testing.T) {
	t.Parallel()
	s := openMigrated(t)
	searchtest.Run(t, func(*testing.T) searchtest.Store { return s })
}

// TestSearchFoldMatchesTokens: the words PostgreSQL indexes of a text
// (medchron_search_fold, then the parser of the medchron configuration)
// are exactly search.Tokens of it, so that the query's tokens, folded in
// Go, meet them. Checked on sample texts and on every letter and
// separator of the ranges the fold covers, set between two words.
func TestSearchFoldMatchesTokens(t *testing.T) {
	t.Parallel()
	s := openMigrated(t)
	texts := []string{
		"Patient’s CAFÉ au lait; Résumé attached.",
		"Dx: M54.16, S13.4XXA — L4-L5 disc protrusion (2023-04-02) pain 4/10",
		"BP 120/80 • HR 72 • SpO2 98% • temp 98.6°F",
		"naïve Ångström Łódź Øre Œdème straße İstanbul",
		"e\u0301cole combining accents: a\u0300 o\u0308",
		"ΑΘΗΝΑ Ἀθῆναι МОСКВА Ёлка",
		"tabs\tand\nnew lines\r\nand\u00a0no-break\u2009thin\u3000ideographic spaces",
		"«quoted» “double” ‘single’ ¿question? ¡bang! ½ ¼ ² ³ × ÷ ±",
		"text:lumbar NEAR(lumbar pain, 2) ^lumbar lumbar* -lumbar {text document_id}",
		"http://example.invalid/path?x=1 user@example.invalid C:\\dir\\file.pdf",
		"µg ª º",
	}
	for _, rg := range [][2]rune{{0x80, 0x52f}, {0x1e00, 0x1eff}, {0x2000, 0x2bff}, {0x3000, 0x303f}, {0xfe10, 0xfe6f}, {0xff00, 0xff0f}} {
		for r := rg[0]; r <= rg[1]; r++ {
			if rg[0] >= 0x2000 && (search.Fold(string(r)) != string(r) || len(search.Tokens(string(r))) > 0) {
				continue // letters there (ℓ, Ⅻ, ＡＢ) are not folded by the migration
			}
			texts = append(texts, "ab"+string(r)+"cd xy")
		}
	}
	rows, err := s.pool.Query(t.Context(), `
SELECT t.i, coalesce((SELECT array_agg(d.token) FROM ts_debug('medchron', medchron_search_fold(t.s)) d WHERE d.alias <> 'blank'), '{}')
FROM unnest($1::text[]) WITH ORDINALITY AS t (s, i) ORDER BY t.i`, texts)
	if err != nil {
		t.Fatal(err)
	}
	got, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) ([]string, error) {
		var i int
		var toks []string
		err := r.Scan(&i, &toks)
		return toks, err
	})
	if err != nil {
		t.Fatal(err)
	}
	bad := 0
	for i, text := range texts {
		if want := search.Tokens(text); !slices.Equal(got[i], want) {
			if bad++; bad <= 20 {
				t.Errorf("%q (%U…): PostgreSQL words %q, search.Tokens %q", text, []rune(text)[min(2, len([]rune(text))-1)], got[i], want)
			}
		}
	}
	if bad > 20 {
		t.Errorf("%d texts of %d differ", bad, len(texts))
	}
}

// TestSearchVectorsHNSW: 256-dimension vectors are searched through the
// HNSW index, and a matter holding few of the table's vectors still gets
// its nearest ones (the iterative scan goes past other matters' vectors).
func TestSearchVectorsHNSW(t *testing.T) {
	t.Parallel()
	s := openMigrated(t)
	ctx := t.Context()
	r := rand.New(rand.NewPCG(7, 7))
	vec := func() []float32 {
		v := make([]float32, 256)
		for i := range v {
			v[i] = float32(r.NormFloat64())
		}
		return v
	}
	small := storeVectors(t, s, "small", 40, vec)
	storeVectors(t, s, "big", 1500, vec)
	q := vec()
	// The exact answer, computed here.
	type scored struct {
		page  int
		score float64
	}
	var want []scored
	for page, v := range small {
		if c := cosine(q, v); c > 0 {
			want = append(want, scored{page, c})
		}
	}
	slices.SortFunc(want, func(a, b scored) int { return -cmpFloat(a.score, b.score) })
	want = want[:min(10, len(want))]

	for _, forceIndex := range []bool{false, true} {
		var hits []search.Hit
		var scans int64
		err := s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
			raw := tx.Raw().(pgx.Tx)
			if forceIndex {
				if _, err := raw.Exec(ctx, `SET LOCAL enable_seqscan = off`); err != nil {
					return err
				}
			}
			var err error
			if hits, err = tx.(*Store).SearchVectors(ctx, "small", "local-256", q, 10); err != nil {
				return err
			}
			return raw.QueryRow(ctx, `SELECT pg_stat_get_xact_numscans('embeddings_hnsw_256'::regclass)`).Scan(&scans)
		})
		if err != nil {
			t.Fatal(err)
		}
		if forceIndex && scans == 0 {
			t.Errorf("with sequential scans off, the HNSW index was not used")
		}
		if len(hits) != len(want) {
			t.Fatalf("index %v (%d scans): %d hits, want %d", forceIndex, scans, len(hits), len(want))
		}
		found := 0
		for i, h := range hits {
			if h.File != "small.pdf" {
				t.Fatalf("hit %s p.%d of another matter", h.File, h.Page)
			}
			if i > 0 && h.Score > hits[i-1].Score {
				t.Errorf("hit %d scores %.4f above hit %d's %.4f", i, h.Score, i-1, hits[i-1].Score)
			}
			if i := slices.IndexFunc(want, func(w scored) bool { return w.page == h.Page }); i >= 0 {
				found++
				if math.Abs(want[i].score-h.Score) > 1e-5 {
					t.Errorf("page %d: score %.6f, want cosine %.6f", h.Page, h.Score, want[i].score)
				}
			}
		}
		// HNSW is approximate: allow one miss of ten.
		if found < len(want)-1 {
			t.Errorf("index %v: %d of the %d nearest pages found", forceIndex, found, len(want))
		}
	}
}

// storeVectors stores a matter with one document of n pages with vectors
// made by vec, under model local-256, and returns the vectors by page.
func storeVectors(t *testing.T, s *Store, matter string, n int, vec func() []float32) map[int][]float32 {
	t.Helper()
	doc := addDoc(t, s, matter, matter)
	if _, err := s.pool.Exec(t.Context(), `UPDATE matter_documents SET file = $1 || '.pdf' WHERE matter_id = $1`, matter); err != nil {
		t.Fatal(err)
	}
	pages := make([]extract.Page, n)
	vecs := make(map[int][]float32, n)
	for i := range pages {
		pages[i] = extract.Page{DocumentID: doc, Number: i + 1, Source: extract.SourceText, Text: fmt.Sprintf("page %d", i+1)}
		vecs[i+1] = vec()
	}
	if err := s.PutPages(t.Context(), pages); err != nil {
		t.Fatal(err)
	}
	if err := s.PutPageVectors(t.Context(), doc, "local-256", vecs); err != nil {
		t.Fatal(err)
	}
	return vecs
}

func cosine(a, b []float32) float64 {
	var dot, na, nb float64
	for i := range a {
		dot += float64(a[i]) * float64(b[i])
		na += float64(a[i]) * float64(a[i])
		nb += float64(b[i]) * float64(b[i])
	}
	return dot / math.Sqrt(na*nb)
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// TestSearchEntryText: an entry is searched by what the chronology shows
// of it, built by medchron_entry_text as search.EntryText would show it.
func TestSearchEntryText(t *testing.T) {
	t.Parallel()
	s := openMigrated(t)
	if err := s.PutMatter(t.Context(), chronology.Matter{ID: "m"}); err != nil {
		t.Fatal(err)
	}
	e := chronology.Entry{ID: "e1", ProviderID: "p", Provider: "Lakeside Imaging", Clinician: "Dr. Ames", VisitType: "MRI",
		Findings: "L4-L5 protrusion", Diagnoses: []extract.Coded{{Code: "M51.16", Description: "Disc disorder"}, {Code: "M54.5"}},
		Procedures: []extract.Coded{{Code: "72148"}}, Medications: []string{"ibuprofen", "cyclobenzaprine"},
		Citations: []extract.Citation{{DocumentID: "d", Page: 1, Quote: "only in the quote"}}}
	if err := s.PutChronology(t.Context(), "m", 1, chronology.Chronology{Schema: chronology.SchemaVersion, Entries: []chronology.Entry{e}}); err != nil {
		t.Fatal(err)
	}
	var text string
	if err := s.pool.QueryRow(t.Context(), `SELECT medchron_entry_text(data) FROM entries WHERE id = 'e1'`).Scan(&text); err != nil {
		t.Fatal(err)
	}
	want := "Lakeside Imaging · Dr. Ames · MRI · L4-L5 protrusion · M51.16 Disc disorder; M54.5 · 72148 · ibuprofen; cyclobenzaprine"
	if text != want {
		t.Errorf("entry text\n%q, want\n%q", text, want)
	}
	tests := []struct {
		query string
		found bool
	}{
		{"ames", true},
		{"M51.16", true},
		{"72148", true},
		{"cyclobenzaprine", true},
		{`"only in the quote"`, false}, // citations are not what the chronology shows
	}
	for _, tc := range tests {
		hits, err := s.SearchText(t.Context(), "m", tc.query, 5)
		if err != nil {
			t.Fatal(err)
		}
		if (len(hits) == 1) != tc.found {
			t.Errorf("SearchText(%q) = %d hits, want found %v", tc.query, len(hits), tc.found)
		}
	}
}

// BenchmarkSearch measures full-text, vector and hybrid search over one
// matter of 2,000 pages (MEDCHRON_BENCH_PAGES to change it).
func BenchmarkSearch(b *testing.B) {
	pages := 2000
	if n, err := fmt.Sscan(os.Getenv("MEDCHRON_BENCH_PAGES"), &pages); n != 1 || err != nil {
		pages = 2000
	}
	s, err := Open(b.Context(), newDatabase(b, true), WithKeys(seal.Ephemeral()))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(s.Close)
	if err := s.Migrate(b.Context()); err != nil {
		b.Fatal(err)
	}
	searchtest.Benchmark(b, s, pages)
}
