package storetest

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/store"
)

// Run runs the conformance suite on the stores open returns. open is called
// once per subtest with the subtest's *testing.T; it may return the same
// store every time (register clean-up with t.Cleanup of the outer test).
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"NotFound", testNotFound},
		{"MatterVersionRules", testMatterVersionRules},
		{"MatterEmpty", testMatterEmpty},
		{"SetMatter", testSetMatter},
		{"Matters", testMatters},
		{"DocumentRoundTrip", testDocumentRoundTrip},
		{"DocumentDedupe", testDocumentDedupe},
		{"DocumentUploadOrder", testDocumentUploadOrder},
		{"DocumentStatus", testDocumentStatus},
		{"DocumentMissingMatter", testDocumentMissingMatter},
		{"BlobBytes", testBlobBytes},
		{"Pages", testPages},
		{"PendingPages", testPendingPages},
		{"PagesReplace", testPagesReplace},
		{"ResultRoundTrip", testResultRoundTrip},
		{"ResultReplace", testResultReplace},
		{"ResultBumpsMatters", testResultBumpsMatters},
		{"Chronology", testChronology},
		{"Cache", testCache},
		{"TxCommit", testTxCommit},
		{"TxRollback", testTxRollback},
		{"TxRollbackKeepsState", testTxRollbackKeepsState},
	}
	// The group waits for its parallel subtests, so a caller's deferred
	// clean-up runs after them.
	t.Run("storetest", func(t *testing.T) {
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				t.Parallel()
				tc.fn(t, open(t))
			})
		}
	})
}

// ids makes ids unique to one subtest, so that subtests can share a store.
type ids string

func newIDs(t *testing.T) ids {
	var b [5]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	return ids(hex.EncodeToString(b[:]))
}

// matter returns the id of a matter, unique to this subtest.
func (p ids) matter(name string) string { return "m-" + string(p) + "-" + name }

// key returns a cache key unique to this subtest.
func (p ids) key(name string) string { return "llm:" + string(p) + ":" + name }

// pdf returns the bytes of a record file unique to this subtest and name,
// and its store.Document as the pipeline builds it.
func (p ids) pdf(name, file string) (store.Document, []byte) {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
	b.WriteString("% " + string(p) + " " + name + "\n")
	b.Write([]byte{0, 1, 2, 0xfe, 0xff, 0})
	b.WriteString("\n%%EOF\n")
	return record(file, b.Bytes()), b.Bytes()
}

// record is the store.Document of a new upload of data.
func record(file string, data []byte) store.Document {
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	return store.Document{Document: extract.Document{ID: pipeline.DocumentID(sha), SHA256: sha, File: file, Pages: 3}, Size: int64(len(data)), Status: store.StatusQueued}
}

// putMatter stores a matter with a name and returns its id.
func putMatter(t *testing.T, s store.Queries, id string) string {
	t.Helper()
	if err := s.PutMatter(ctx(t), chronology.Matter{ID: id, Name: "Doe v. Acme Freight"}); err != nil {
		t.Fatalf("PutMatter %s: %v", id, err)
	}
	return id
}

// addDocument stores a new document in a new matter and returns both.
func addDocument(t *testing.T, s store.Queries, p ids, name string) (string, store.Document) {
	t.Helper()
	m := putMatter(t, s, p.matter(name))
	d, data := p.pdf(name, name+".pdf")
	created, err := s.AddDocument(ctx(t), m, d, data)
	if err != nil || !created {
		t.Fatalf("AddDocument %s = %v, %v; want true, nil", d.ID, created, err)
	}
	return m, d
}

func ctx(t *testing.T) context.Context { return t.Context() }

// version returns the matter's version, failing the test on error.
func version(t *testing.T, s store.Queries, matterID string) int64 {
	t.Helper()
	v, err := s.MatterVersion(ctx(t), matterID)
	if err != nil {
		t.Fatalf("MatterVersion %s: %v", matterID, err)
	}
	return v
}

// equal fails the test when got and want differ, showing both as JSON.
func equal(t *testing.T, what string, got, want any) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(got, "", "  ")
	w, _ := json.MarshalIndent(want, "", "  ")
	t.Errorf("%s differs\n got: %s\nwant: %s", what, g, w)
}

// notFound fails the test unless err wraps store.ErrNotFound.
func notFound(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("%s: error %v, want one wrapping store.ErrNotFound", what, err)
	}
}

// recent fails the test unless tm is within a minute of now.
func recent(t *testing.T, what string, tm time.Time) {
	t.Helper()
	if d := time.Since(tm); d < -time.Minute || d > time.Minute {
		t.Errorf("%s = %v, want about now", what, tm)
	}
}

// withPrefix keeps the matters whose id starts with prefix.
func withPrefix(ms []chronology.Matter, prefix string) []chronology.Matter {
	var out []chronology.Matter
	for _, m := range ms {
		if strings.HasPrefix(m.ID, prefix) {
			out = append(out, m)
		}
	}
	return out
}
