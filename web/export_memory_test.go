package web_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/exhibit"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/testutil"
	"github.com/medchron/medchron/store"
)

// TestExhibitExportMemoryBounded: the exhibit download of a long scanned
// record is built in a file of the work folder from the original parsed
// part by part, not in memory: the server's heap grows by what the PDF
// parser keeps of the document (about its size), not by a copy of the
// original and another of the exhibit beside it. Not parallel: the heap
// is the process's, measured while no other test of the package runs.
func TestExhibitExportMemoryBounded(t *testing.T) {
	ctx := context.Background()
	env := newAcctEnv(t)
	env.user(t, "att", access.RoleAttorney)
	a := env.signIn(t, "att")
	res, body := a.post("/matters", url.Values{"id": {"long"}, "incident_date": {"2023-12-06"}})
	want(t, "create", res, body, http.StatusSeeOther, "/matters/long")

	const pages = 150
	data := testutil.ImagePDF(pages, 400, 400) // 24 MB, a 1,000-page fax bundle's size
	size := len(data)
	sum := sha256.Sum256(data)
	doc := extract.Document{ID: "doc-long", File: "scan.pdf", SHA256: hex.EncodeToString(sum[:]), Pages: pages}
	if _, err := env.store.AddDocument(ctx, "long", store.Document{Document: doc, Size: int64(size)}, data); err != nil {
		t.Fatal(err)
	}
	data = nil
	m, err := env.store.Matter(ctx, "long")
	if err != nil {
		t.Fatal(err)
	}
	c := chronology.Chronology{Schema: "medchron.chronology/v1", Matter: m, Documents: []chronology.Document{{Document: doc,
		BatesFirst: exhibit.Bates("MC", 1), BatesLast: exhibit.Bates("MC", pages)}}}
	if err := env.store.PutChronology(ctx, "long", 1, c); err != nil {
		t.Fatal(err)
	}

	defer debug.SetGCPercent(debug.SetGCPercent(10)) // the heap then follows what is live
	runtime.GC()
	base := testutil.HeapObjects()
	stop := testutil.PeakHeap()
	req, _ := http.NewRequest("GET", a.base+"/matters/long/export/exhibit.pdf", nil)
	req.AddCookie(&http.Cookie{Name: "medchron_session", Value: a.cookie})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	head := make([]byte, 5)
	n, _ := io.ReadFull(resp.Body, head)
	rest, _ := io.Copy(io.Discard, resp.Body) // never whole in the test's memory either
	resp.Body.Close()
	grew := stop() - base
	if resp.StatusCode != http.StatusOK || string(head[:n]) != "%PDF-" {
		t.Fatalf("exhibit export: status %d, starts %q", resp.StatusCode, head[:n])
	}
	if got := int64(n) + rest; resp.ContentLength != got || got < int64(size) {
		t.Errorf("exhibit export: %d bytes sent, Content-Length %d, original %d bytes", got, resp.ContentLength, size)
	}
	t.Logf("document %.1f MB; the server's heap grew %.1f MB exporting its exhibit", float64(size)/(1<<20), float64(grew)/(1<<20))
	if limit := uint64(size) * 3 / 2; grew > limit {
		t.Errorf("exporting the exhibit of a %d-byte document grew the heap by %d bytes, more than %d: the original or the exhibit is held whole", size, grew, limit)
	}
}
