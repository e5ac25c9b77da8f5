package storetest

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/store"
)

var errAbort = errors.New("storetest: abort the transaction")

// writeAll makes one write of every kind through q, checking each inside
// the transaction with q's own reads, and returns the document stored.
func writeAll(t *testing.T, ctx context.Context, q store.Tx, p ids) store.Document {
	t.Helper()
	m := p.matter("tx")
	if err := q.PutMatter(ctx, chronology.Matter{ID: m, Name: "Tx v. Rollback", Client: "T. Doe"}); err != nil {
		t.Fatal(err)
	}
	if got, err := q.Matter(ctx, m); err != nil || got.Name != "Tx v. Rollback" {
		t.Fatalf("Matter inside the transaction = %+v, %v", got, err)
	}
	d, data := p.pdf("tx", "tx.pdf")
	if created, err := q.AddDocument(ctx, m, d, data); err != nil || !created {
		t.Fatalf("AddDocument inside the transaction = %v, %v", created, err)
	}
	if err := q.SetDocumentStatus(ctx, d.ID, store.StatusReading, "", 3); err != nil {
		t.Fatal(err)
	}
	if err := q.PutPages(ctx, samplePages(d.ID)[:2]); err != nil {
		t.Fatal(err)
	}
	if err := q.PutPendingPages(ctx, d.ID, []int{3}); err != nil {
		t.Fatal(err)
	}
	if pending, err := q.PendingPages(ctx, d.ID); err != nil || len(pending) != 1 {
		t.Fatalf("PendingPages inside the transaction = %v, %v", pending, err)
	}
	if err := q.PutResult(ctx, d.ID, sampleResult(d.ID)); err != nil {
		t.Fatal(err)
	}
	if v, err := q.MatterVersion(ctx, m); err != nil || v != 3 {
		t.Fatalf("MatterVersion inside the transaction = %d, %v; want 3 (create, link, facts)", v, err)
	}
	if err := q.PutChronology(ctx, m, 3, sampleChronology(m, d.ID)); err != nil {
		t.Fatal(err)
	}
	if err := q.CachePut(ctx, p.key("tx"), []byte("answer")); err != nil {
		t.Fatal(err)
	}
	if v, ok, err := q.CacheGet(ctx, p.key("tx")); err != nil || !ok || string(v) != "answer" {
		t.Fatalf("CacheGet inside the transaction = %q, %v, %v", v, ok, err)
	}
	return d
}

// testTxCommit writes through a transaction and finds it all afterwards.
func testTxCommit(t *testing.T, s store.Store) {
	p := newIDs(t)
	var d store.Document
	err := s.WithTx(ctx(t), func(ctx context.Context, tx store.Tx) error {
		if tx.Raw() == nil {
			t.Error("Raw() is nil inside a transaction")
		}
		d = writeAll(t, ctx, tx, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	m := p.matter("tx")
	if v := version(t, s, m); v != 3 {
		t.Errorf("version after commit %d, want 3", v)
	}
	if got, err := s.Document(ctx(t), d.ID); err != nil || got.Status != store.StatusReading {
		t.Errorf("Document after commit = %+v, %v", got, err)
	}
	if blob, err := s.DocumentBlob(ctx(t), d.ID); err != nil || len(blob) == 0 {
		t.Errorf("DocumentBlob after commit: %d bytes, %v", len(blob), err)
	}
	if pages, err := s.Pages(ctx(t), d.ID); err != nil || len(pages) != 3 {
		t.Errorf("Pages after commit: %d, %v; want 3", len(pages), err)
	}
	if r, err := s.Result(ctx(t), d.ID); err != nil {
		t.Errorf("Result after commit: %v", err)
	} else {
		equal(t, "Result after commit", r, sampleResult(d.ID))
	}
	if _, v, err := s.Chronology(ctx(t), m); err != nil || v != 3 {
		t.Errorf("Chronology after commit: version %d, %v", v, err)
	}
	if v, ok, err := s.CacheGet(ctx(t), p.key("tx")); err != nil || !ok || string(v) != "answer" {
		t.Errorf("CacheGet after commit = %q, %v, %v", v, ok, err)
	}
}

// testTxRollback writes through a transaction whose function fails: the
// error comes back and nothing is left behind.
func testTxRollback(t *testing.T, s store.Store) {
	p := newIDs(t)
	var d store.Document
	err := s.WithTx(ctx(t), func(ctx context.Context, tx store.Tx) error {
		if tx.Raw() == nil {
			t.Error("Raw() is nil inside a transaction")
		}
		d = writeAll(t, ctx, tx, p)
		return errAbort
	})
	if !errors.Is(err, errAbort) {
		t.Fatalf("WithTx returned %v, want the function's error", err)
	}
	m := p.matter("tx")
	_, err = s.Matter(ctx(t), m)
	notFound(t, "Matter after rollback", err)
	_, err = s.Document(ctx(t), d.ID)
	notFound(t, "Document after rollback", err)
	_, err = s.DocumentBlob(ctx(t), d.ID)
	notFound(t, "DocumentBlob after rollback", err)
	_, err = s.Result(ctx(t), d.ID)
	notFound(t, "Result after rollback", err)
	_, _, err = s.Chronology(ctx(t), m)
	notFound(t, "Chronology after rollback", err)
	if pages, err := s.Pages(ctx(t), d.ID); len(pages) != 0 || err != nil {
		t.Errorf("Pages after rollback: %d, %v", len(pages), err)
	}
	if ms, err := s.DocumentMatters(ctx(t), d.ID); len(ms) != 0 || err != nil {
		t.Errorf("DocumentMatters after rollback: %v, %v", ms, err)
	}
	if v, ok, err := s.CacheGet(ctx(t), p.key("tx")); ok || err != nil {
		t.Errorf("CacheGet after rollback = %q, %v, %v; want nothing", v, ok, err)
	}
	// The same writes succeed afterwards: nothing half-done blocks them.
	if err := s.WithTx(ctx(t), func(ctx context.Context, tx store.Tx) error {
		writeAll(t, ctx, tx, p)
		return nil
	}); err != nil {
		t.Fatalf("the same transaction after a rollback: %v", err)
	}
}

// testTxRollbackKeepsState fails a transaction that changes stored rows:
// they keep their values.
func testTxRollbackKeepsState(t *testing.T, s store.Store) {
	p := newIDs(t)
	m, d := addDocument(t, s, p, "keep")
	if err := s.PutResult(ctx(t), d.ID, sampleResult(d.ID)); err != nil {
		t.Fatal(err)
	}
	if err := s.CachePut(ctx(t), p.key("keep"), []byte("old")); err != nil {
		t.Fatal(err)
	}
	before, err := s.Matter(ctx(t), m)
	if err != nil {
		t.Fatal(err)
	}
	v := version(t, s, m)
	err = s.WithTx(ctx(t), func(ctx context.Context, tx store.Tx) error {
		if err := tx.PutMatter(ctx, chronology.Matter{ID: m, Name: "Renamed"}); err != nil {
			return err
		}
		other, data := p.pdf("keep2", "second.pdf")
		if _, err := tx.AddDocument(ctx, m, other, data); err != nil {
			return err
		}
		if err := tx.PutResult(ctx, d.ID, store.StoredResult{Extractor: "rules"}); err != nil {
			return err
		}
		if err := tx.CachePut(ctx, p.key("keep"), []byte("new")); err != nil {
			return err
		}
		return errAbort
	})
	if !errors.Is(err, errAbort) {
		t.Fatalf("WithTx returned %v, want the function's error", err)
	}
	after, err := s.Matter(ctx(t), m)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "matter after rollback", after, before)
	if got := version(t, s, m); got != v {
		t.Errorf("version after rollback %d, want %d", got, v)
	}
	if list, err := s.MatterDocuments(ctx(t), m); err != nil || len(list) != 1 {
		t.Errorf("MatterDocuments after rollback: %d, %v; want 1", len(list), err)
	}
	if r, err := s.Result(ctx(t), d.ID); err != nil {
		t.Errorf("Result after rollback: %v", err)
	} else {
		equal(t, "Result after rollback", r, sampleResult(d.ID))
	}
	if got, ok, err := s.CacheGet(ctx(t), p.key("keep")); err != nil || !ok || !bytes.Equal(got, []byte("old")) {
		t.Errorf("CacheGet after rollback = %q, %v, %v; want old", got, ok, err)
	}
}
