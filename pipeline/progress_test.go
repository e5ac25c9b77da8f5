package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/store"
)

// TestProgressByDocument checks each document's pages done by its status,
// and that the matter's totals are the sum of the documents' and the same
// as Progress reports.
func TestProgressByDocument(t *testing.T) {
	ctx := context.Background()
	e := open(t, filepath.Join(t.TempDir(), "m.db"))
	defer e.Close(ctx)
	var in []pipeline.Input
	for _, name := range []string{"born-digital.pdf", "scanned.pdf"} {
		data, err := os.ReadFile(repoFile(t, "testdata/bundles/small/"+name))
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, pipeline.Input{Name: name, Data: data})
	}
	// A third document: the first with a comment after its end, so
	// another file by its hash.
	in = append(in, pipeline.Input{Name: "copy.pdf", Data: append(append([]byte(nil), in[0].Data...), "\n% copy\n"...)})
	docs, bad, err := e.Pipeline.Submit(ctx, matter, in) // no workers: every document stays queued
	if err != nil || len(bad) != 0 || len(docs) != 3 {
		t.Fatalf("submit: %d documents, %v, %v", len(docs), bad, err)
	}
	const pages = 4 // as if each had been read as 4 pages
	statuses := map[string]string{docs[0].ID: store.StatusQueued, docs[1].ID: store.StatusReading, docs[2].ID: store.StatusFailed}
	for id, st := range statuses {
		if err := e.Store.SetDocumentStatus(ctx, id, st, "", pages); err != nil {
			t.Fatal(err)
		}
	}
	pr, byDoc, err := e.Pipeline.ProgressByDocument(ctx, matter.ID)
	if err != nil {
		t.Fatal(err)
	}
	// A queued document has nothing done; one being read has every page
	// not pending OCR done (none is stored as pending here); a failed one
	// is done.
	want := map[string]int{store.StatusQueued: 0, store.StatusReading: pages, store.StatusFailed: pages}
	sum := 0
	for _, d := range byDoc {
		if d.PagesDone != want[d.Document.Status] {
			t.Errorf("%s document: %d pages done, want %d", d.Document.Status, d.PagesDone, want[d.Document.Status])
		}
		sum += d.PagesDone
	}
	if len(byDoc) != 3 || pr.Documents != 3 || pr.DocumentsDone != 1 || pr.Failed != 1 || pr.Pages != 3*pages || pr.PagesDone != sum || pr.Done {
		t.Errorf("progress %+v over %d documents (pages done %d), want 3 documents, 1 failed, %d pages", pr, len(byDoc), sum, 3*pages)
	}
	if total, err := e.Pipeline.Progress(ctx, matter.ID); err != nil || total != pr {
		t.Errorf("Progress %+v, %v; want %+v", total, err, pr)
	}
}
