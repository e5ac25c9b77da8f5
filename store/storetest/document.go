package storetest

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/medchron/medchron/store"
)

// testDocumentRoundTrip stores a document and reads it back.
func testDocumentRoundTrip(t *testing.T, s store.Store) {
	p := newIDs(t)
	m := putMatter(t, s, p.matter("rt"))
	d, data := p.pdf("rt", "2023-12-06 Mercy ER.pdf")
	before := version(t, s, m)
	created, err := s.AddDocument(ctx(t), m, d, data)
	if err != nil || !created {
		t.Fatalf("AddDocument = %v, %v; want true, nil", created, err)
	}
	got, err := s.Document(ctx(t), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	recent(t, "CreatedAt", got.CreatedAt)
	created1 := got.CreatedAt
	got.CreatedAt = time.Time{}
	equal(t, "Document", got, d)
	if v := version(t, s, m); v != before+1 {
		t.Errorf("version after a new document %d, want %d", v, before+1)
	}
	list, err := s.MatterDocuments(ctx(t), m)
	if err != nil || len(list) != 1 {
		t.Fatalf("MatterDocuments = %d documents, %v; want 1", len(list), err)
	}
	if !list[0].CreatedAt.Equal(created1) {
		t.Errorf("MatterDocuments CreatedAt %v, Document CreatedAt %v", list[0].CreatedAt, created1)
	}
	list[0].CreatedAt = time.Time{}
	equal(t, "MatterDocuments", list[0], d)
	ms, err := s.DocumentMatters(ctx(t), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "DocumentMatters", ms, []string{m})
}

// testDocumentDedupe uploads the same content twice in one matter and once
// in another, under other names.
func testDocumentDedupe(t *testing.T, s store.Store) {
	p := newIDs(t)
	m1 := putMatter(t, s, p.matter("one"))
	m2 := putMatter(t, s, p.matter("two"))
	d, data := p.pdf("dup", "mercy.pdf")
	if created, err := s.AddDocument(ctx(t), m1, d, data); err != nil || !created {
		t.Fatalf("first AddDocument = %v, %v; want true, nil", created, err)
	}
	first, err := s.Document(ctx(t), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	v1, v2 := version(t, s, m1), version(t, s, m2)

	again := d
	again.File = "mercy (1).pdf"
	if created, err := s.AddDocument(ctx(t), m1, again, data); err != nil || created {
		t.Fatalf("AddDocument of the same content = %v, %v; want false, nil", created, err)
	}
	if v := version(t, s, m1); v != v1 {
		t.Errorf("relinking bumped the version: %d, want %d", v, v1)
	}
	list, err := s.MatterDocuments(ctx(t), m1)
	if err != nil || len(list) != 1 || list[0].File != "mercy.pdf" {
		t.Fatalf("MatterDocuments after a duplicate upload = %+v, %v; want one document named mercy.pdf", list, err)
	}

	other := d
	other.File = "ER records Dec 2023.pdf"
	if created, err := s.AddDocument(ctx(t), m2, other, data); err != nil || created {
		t.Fatalf("AddDocument to a second matter = %v, %v; want false, nil", created, err)
	}
	if v := version(t, s, m2); v != v2+1 {
		t.Errorf("second matter version %d, want %d", v, v2+1)
	}
	list, err = s.MatterDocuments(ctx(t), m2)
	if err != nil || len(list) != 1 || list[0].File != other.File || list[0].ID != d.ID {
		t.Fatalf("MatterDocuments of the second matter = %+v, %v; want %s named %q", list, err, d.ID, other.File)
	}
	got, err := s.Document(ctx(t), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "Document after re-uploads", got, first)
	ms, err := s.DocumentMatters(ctx(t), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "DocumentMatters", ms, []string{m1, m2})
	blob, err := s.DocumentBlob(ctx(t), d.ID)
	if err != nil || !bytes.Equal(blob, data) {
		t.Errorf("DocumentBlob after re-uploads: %d bytes, %v; want the original %d bytes", len(blob), err, len(data))
	}
}

// testDocumentUploadOrder lists a matter's documents in upload order, not
// by id or name.
func testDocumentUploadOrder(t *testing.T, s store.Store) {
	p := newIDs(t)
	m := putMatter(t, s, p.matter("order"))
	names := []string{"zeta.pdf", "alpha.pdf", "mu.pdf", "beta.pdf", "alpha.pdf"}
	var want []string
	for i, name := range names {
		d, data := p.pdf(string(rune('a'+i)), name)
		if _, err := s.AddDocument(ctx(t), m, d, data); err != nil {
			t.Fatal(err)
		}
		want = append(want, d.ID+" "+name)
	}
	list, err := s.MatterDocuments(ctx(t), m)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range list {
		got = append(got, d.ID+" "+d.File)
	}
	equal(t, "MatterDocuments order", got, want)
	if v := version(t, s, m); v != int64(1+len(names)) {
		t.Errorf("version after %d uploads %d, want %d", len(names), v, 1+len(names))
	}
}

// testDocumentStatus updates a document's status, error and page count.
func testDocumentStatus(t *testing.T, s store.Store) {
	p := newIDs(t)
	m, d := addDocument(t, s, p, "status")
	steps := []struct{ status, errMsg string }{
		{store.StatusReading, ""},
		{store.StatusFailed, "mercy.pdf: page 4: cannot read the page image"},
		{store.StatusExtracted, ""},
	}
	for i, st := range steps {
		pages := 10 + i
		if err := s.SetDocumentStatus(ctx(t), d.ID, st.status, st.errMsg, pages); err != nil {
			t.Fatal(err)
		}
		got, err := s.Document(ctx(t), d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != st.status || got.Error != st.errMsg || got.Pages != pages {
			t.Errorf("after SetDocumentStatus(%q, %q, %d): %q, %q, %d", st.status, st.errMsg, pages, got.Status, got.Error, got.Pages)
		}
		list, err := s.MatterDocuments(ctx(t), m)
		if err != nil || len(list) != 1 || list[0].Status != st.status || list[0].Error != st.errMsg || list[0].Pages != pages {
			t.Errorf("MatterDocuments after SetDocumentStatus(%q): %+v, %v", st.status, list, err)
		}
	}
}

// testDocumentMissingMatter links a document to a matter that does not exist.
func testDocumentMissingMatter(t *testing.T, s store.Store) {
	p := newIDs(t)
	d, data := p.pdf("orphan", "orphan.pdf")
	if _, err := s.AddDocument(ctx(t), p.matter("missing"), d, data); err == nil {
		t.Error("AddDocument to a missing matter succeeded")
	}
	if l, err := s.MatterDocuments(ctx(t), p.matter("missing")); len(l) != 0 || err != nil {
		t.Errorf("MatterDocuments of the missing matter = %v, %v", l, err)
	}
	// Nothing is left half-stored: once the matter exists, the same upload
	// is a new document.
	_, err := s.Document(ctx(t), d.ID)
	notFound(t, "Document after a failed AddDocument", err)
	m := putMatter(t, s, p.matter("missing"))
	if created, err := s.AddDocument(ctx(t), m, d, data); err != nil || !created {
		t.Errorf("AddDocument after creating the matter = %v, %v; want true, nil", created, err)
	}
}

// testBlobBytes stores a large binary file and reads it back byte for byte.
func testBlobBytes(t *testing.T, s store.Store) {
	p := newIDs(t)
	m := putMatter(t, s, p.matter("blob"))
	_, data := p.pdf("blob", "scan.pdf")
	for i := range 256 {
		data = append(data, byte(i), 0, byte(255-i))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	big := make([]byte, 3<<20)
	for i := range big {
		big[i] = byte(rng.Uint32())
	}
	data = append(data, big...)
	d := record("scan.pdf", data)
	if _, err := s.AddDocument(ctx(t), m, d, data); err != nil {
		t.Fatal(err)
	}
	got, err := s.DocumentBlob(ctx(t), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Errorf("DocumentBlob returned %d bytes that differ from the %d stored", len(got), len(data))
	}
	doc, err := s.Document(ctx(t), d.ID)
	if err != nil || doc.Size != int64(len(data)) {
		t.Errorf("Document size %d, %v; want %d", doc.Size, err, len(data))
	}
}
