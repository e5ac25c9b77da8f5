package postgres

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/pgvector/pgvector-go"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/store"
)

func TestOpenHidesPassword(t *testing.T) {
	t.Parallel()
	_, err := Open(t.Context(), "postgres://medchron:s3cretpw@127.0.0.1:notaport/x")
	if err == nil || strings.Contains(err.Error(), "s3cretpw") {
		t.Errorf("Open with a bad DSN: %v; want an error without the password", err)
	}
}

// blobOf returns the bytes of a test document named label and their
// SHA-256 (the store keeps originals by their true hash).
func blobOf(label string) ([]byte, string) {
	data := []byte("pdf " + label)
	sum := sha256.Sum256(data)
	return data, hex.EncodeToString(sum[:])
}

// addDoc stores a matter and a document and returns the document's id.
func addDoc(t *testing.T, s *Store, matter, label string) string {
	t.Helper()
	if err := s.PutMatter(t.Context(), chronology.Matter{ID: matter}); err != nil {
		t.Fatal(err)
	}
	data, sha := blobOf(label)
	d := store.Document{Document: extract.Document{ID: "doc-" + label, SHA256: sha, File: label + ".pdf"}, Size: int64(len(data)), Status: store.StatusQueued}
	if _, err := s.AddDocument(t.Context(), matter, d, data); err != nil {
		t.Fatal(err)
	}
	return d.ID
}

func TestTextPostgresRejects(t *testing.T) {
	t.Parallel()
	s := openMigrated(t)
	doc := addDoc(t, s, "m1", "aa")
	page := extract.Page{DocumentID: doc, Number: 1, Source: extract.SourceText,
		Text:  "Pain\x00 7/10 \xff",
		Words: []extract.Word{{Text: "Pain\x00"}, {Text: "\xff7/10"}}, Err: "x\x00"}
	if err := s.PutPages(t.Context(), []extract.Page{page}); err != nil {
		t.Fatalf("PutPages with NUL and invalid UTF-8: %v", err)
	}
	got, err := s.Pages(t.Context(), doc)
	if err != nil || len(got) != 1 {
		t.Fatalf("Pages = %v, %v", got, err)
	}
	want := extract.Page{DocumentID: doc, Number: 1, Source: extract.SourceText,
		Text:  "Pain\uFFFD 7/10 \uFFFD",
		Words: []extract.Word{{Text: "Pain\uFFFD"}, {Text: "\uFFFD7/10"}}, Err: "x\uFFFD"}
	if fmt.Sprint(got[0]) != fmt.Sprint(want) {
		t.Errorf("page = %+v, want %+v", got[0], want)
	}
	r := store.StoredResult{Extractor: "rules", Result: extract.Result{Patient: "J\x00D",
		Encounters: []extract.Encounter{{Provider: "ER", Citations: []extract.Citation{{DocumentID: doc, Page: 1, Quote: "Pain\x00"}}}}}}
	if err := s.PutResult(t.Context(), doc, r); err != nil {
		t.Fatalf("PutResult with NUL in a quote: %v", err)
	}
	gr, err := s.Result(t.Context(), doc)
	if err != nil {
		t.Fatal(err)
	}
	if q := gr.Result.Encounters[0].Citations[0].Quote; q != "Pain\uFFFD" || gr.Result.Patient != "J\uFFFDD" {
		t.Errorf("quote %q, patient %q", q, gr.Result.Patient)
	}
}

func TestFullTextSearch(t *testing.T) {
	t.Parallel()
	s := openMigrated(t)
	doc := addDoc(t, s, "m1", "bb")
	pages := []extract.Page{
		{DocumentID: doc, Number: 1, Source: extract.SourceText, Text: "Assessment: cervical sprain after the collision."},
		{DocumentID: doc, Number: 2, Source: extract.SourceOCR, Text: "Lumbar MRI ordered. Patient reports headaches."},
		{DocumentID: doc, Number: 3},
	}
	if err := s.PutPages(t.Context(), pages); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  string
	}{
		{"cervical sprains", "[1]"}, // stemmed
		{"headache", "[2]"},
		{"MRI or collision", "[1 2]"},
		{"knee", "[]"},
	}
	for _, tt := range tests {
		rows, err := s.pool.Query(t.Context(), `
SELECT page FROM pages WHERE document_id = $1 AND text_search @@ websearch_to_tsquery('english', $2) ORDER BY page`, doc, tt.query)
		if err != nil {
			t.Fatal(err)
		}
		got, err := pgx.CollectRows(rows, pgx.RowTo[int])
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != tt.want {
			t.Errorf("search %q = pages %v, want %s", tt.query, got, tt.want)
		}
	}
}

func TestEntrySearch(t *testing.T) {
	t.Parallel()
	s := openMigrated(t)
	if err := s.PutMatter(t.Context(), chronology.Matter{ID: "m1"}); err != nil {
		t.Fatal(err)
	}
	c := chronology.Chronology{Schema: chronology.SchemaVersion, Entries: []chronology.Entry{
		{ID: "e1", ProviderID: "p1", Provider: "Mercy ER", Summary: "Cervical sprain after the collision."},
		{ID: "e2", ProviderID: "p2", Provider: "Back in Motion", Findings: "Lumbar radiculopathy",
			Citations: []extract.Citation{{DocumentID: "d", Page: 2, Quote: "pain radiating to the left leg"}}},
	}}
	if err := s.PutChronology(t.Context(), "m1", 1, c); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  string
	}{
		{"sprains", "[e1]"},
		{"radiating leg", "[e2]"}, // a citation's quote
		{"motion", "[e2]"},        // the provider
		{"knee", "[]"},
	}
	for _, tt := range tests {
		rows, err := s.pool.Query(t.Context(), `
SELECT id FROM entries WHERE matter_id = 'm1' AND text_search @@ websearch_to_tsquery('english', $1) ORDER BY id`, tt.query)
		if err != nil {
			t.Fatal(err)
		}
		got, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != tt.want {
			t.Errorf("search %q = entries %v, want %s", tt.query, got, tt.want)
		}
	}
}

// unit returns a 256-dimension vector with 1 at i.
func unit(i int, w float32) pgvector.Vector {
	v := make([]float32, 256)
	v[i] = 1
	v[(i+1)%256] = w
	return pgvector.NewVector(v)
}

func TestEmbeddings(t *testing.T) {
	t.Parallel()
	s := openMigrated(t)
	doc := addDoc(t, s, "m1", "cc")
	if err := s.PutPages(t.Context(), []extract.Page{
		{DocumentID: doc, Number: 1, Source: extract.SourceText, Text: "one"},
		{DocumentID: doc, Number: 2, Source: extract.SourceText, Text: "two"},
	}); err != nil {
		t.Fatal(err)
	}
	ins := `INSERT INTO embeddings (document_id, page, matter_id, entry_id, model, dim, embedding) VALUES ($1, $2, $3, $4, 'local-256', $5, $6)`
	for _, e := range []struct {
		doc    any
		page   any
		matter any
		entry  any
		v      pgvector.Vector
	}{
		{doc, 1, nil, nil, unit(0, 0.1)},
		{doc, 2, nil, nil, unit(5, 0)},
		{nil, nil, "m1", "e1", unit(0, 0.5)},
	} {
		if _, err := s.pool.Exec(t.Context(), ins, e.doc, e.page, e.matter, e.entry, 256, e.v); err != nil {
			t.Fatalf("insert embedding: %v", err)
		}
	}
	// Another model's vectors, of another dimension, live alongside.
	wide := pgvector.NewVector(make([]float32, 1536))
	if _, err := s.pool.Exec(t.Context(), `INSERT INTO embeddings (matter_id, entry_id, model, dim, embedding) VALUES ('m1', 'e1', 'remote-1536', 1536, $1)`, wide); err != nil {
		t.Fatalf("insert a 1536-dimension vector: %v", err)
	}
	nearest := `
SELECT page, embedding FROM embeddings WHERE document_id = $1 AND model = 'local-256' AND dim = 256
ORDER BY embedding::vector(256) <=> $2::vector(256) LIMIT 1`
	var page int
	var got pgvector.Vector
	if err := s.pool.QueryRow(t.Context(), nearest, doc, unit(5, 0.2)).Scan(&page, &got); err != nil {
		t.Fatal(err)
	}
	if page != 2 || len(got.Slice()) != 256 || got.Slice()[5] != 1 {
		t.Errorf("nearest page %d (vector of %d), want 2", page, len(got.Slice()))
	}
	// The planner can answer such a query from the HNSW index.
	err := pgx.BeginFunc(t.Context(), s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(t.Context(), `SET LOCAL enable_seqscan = off`); err != nil {
			return err
		}
		rows, err := tx.Query(t.Context(), `EXPLAIN SELECT id FROM embeddings WHERE dim = 256
ORDER BY embedding::vector(256) <=> $1::vector(256) LIMIT 5`, unit(5, 0.2))
		if err != nil {
			return err
		}
		plan, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		if !strings.Contains(strings.Join(plan, "\n"), "embeddings_hnsw_256") {
			t.Errorf("the nearest-neighbour query does not use the HNSW index:\n%s", strings.Join(plan, "\n"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	bad := []struct {
		name string
		args []any
	}{
		{"dim not the vector's", []any{doc, 1, nil, nil, 128, unit(1, 0)}},
		{"both a page and an entry", []any{doc, 1, "m1", "e2", 256, unit(1, 0)}},
		{"a page that does not exist", []any{doc, 9, nil, nil, 256, unit(1, 0)}},
		{"same page and model twice", []any{doc, 1, nil, nil, 256, unit(1, 0)}},
	}
	for _, b := range bad {
		if _, err := s.pool.Exec(t.Context(), ins, b.args...); err == nil {
			t.Errorf("%s: insert succeeded", b.name)
		}
	}
}

func TestConcurrentUploads(t *testing.T) {
	t.Parallel()
	s := openMigrated(t)
	if err := s.PutMatter(t.Context(), chronology.Matter{ID: "m1"}); err != nil {
		t.Fatal(err)
	}
	const n = 12
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			data, sha := blobOf(fmt.Sprint(i))
			d := store.Document{Document: extract.Document{ID: pipeline.DocumentID(sha), SHA256: sha, File: "f.pdf"}, Status: store.StatusQueued}
			_, errs[i] = s.AddDocument(context.Background(), "m1", d, data)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	var distinct, maxPos int
	if err := s.pool.QueryRow(t.Context(), `SELECT count(DISTINCT position), max(position) FROM matter_documents WHERE matter_id = 'm1'`).
		Scan(&distinct, &maxPos); err != nil {
		t.Fatal(err)
	}
	if distinct != n || maxPos != n-1 {
		t.Errorf("%d distinct positions up to %d, want %d up to %d", distinct, maxPos, n, n-1)
	}
	if v, _ := s.MatterVersion(t.Context(), "m1"); v != 1+n {
		t.Errorf("version %d, want %d", v, 1+n)
	}
}

func TestRaw(t *testing.T) {
	t.Parallel()
	s := openMigrated(t)
	if s.Raw() != nil {
		t.Error("Raw() outside a transaction is not nil")
	}
	err := s.WithTx(t.Context(), func(ctx context.Context, tx store.Tx) error {
		raw, ok := tx.Raw().(pgx.Tx)
		if !ok {
			return fmt.Errorf("Raw() is %T, want pgx.Tx", tx.Raw())
		}
		// Writes through the raw transaction commit with the store's.
		_, err := raw.Exec(ctx, `INSERT INTO llm_cache (key, value) VALUES ('raw', 'x')`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if v, ok, err := s.CacheGet(t.Context(), "raw"); !ok || err != nil || string(v) != "x" {
		t.Errorf("CacheGet(raw) = %q, %v, %v", v, ok, err)
	}
}

func TestConcurrentResults(t *testing.T) {
	t.Parallel()
	s := openMigrated(t)
	// Two documents, both held by matters m1 and m2, get facts at once.
	docs := []string{addDoc(t, s, "m1", "dd"), addDoc(t, s, "m2", "ee")}
	for i, m := range []string{"m2", "m1"} {
		data, sha := blobOf([]string{"dd", "ee"}[i])
		d := store.Document{Document: extract.Document{ID: docs[i], SHA256: sha, File: "again.pdf"}, Status: store.StatusQueued}
		if _, err := s.AddDocument(t.Context(), m, d, data); err != nil {
			t.Fatal(err)
		}
	}
	v1, _ := s.MatterVersion(t.Context(), "m1")
	v2, _ := s.MatterVersion(t.Context(), "m2")
	const rounds = 20
	var wg sync.WaitGroup
	errs := make(chan error, 2*rounds)
	for i := range 2 * rounds {
		wg.Go(func() {
			errs <- s.PutResult(context.Background(), docs[i%2], store.StoredResult{Extractor: "rules"})
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent PutResult: %v", err)
		}
	}
	for m, before := range map[string]int64{"m1": v1, "m2": v2} {
		if v, _ := s.MatterVersion(t.Context(), m); v != before+2*rounds {
			t.Errorf("version of %s %d, want %d", m, v, before+2*rounds)
		}
	}
}
