package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/internal/testutil"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/store"
)

// repoFile returns a file of the repository by its path from the root.
func repoFile(t testing.TB, rel string) string {
	t.Helper()
	return filepath.Join(testutil.RepoRoot(t), rel)
}

func smallBundle(t testing.TB) pipeline.Input {
	t.Helper()
	data, err := os.ReadFile(repoFile(t, "testdata/bundles/small/born-digital.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	return pipeline.Input{Name: "born-digital.pdf", Data: data}
}

var matter = chronology.Matter{ID: "m1", DateOfIncident: dates.New(2023, time.December, 6)}

func open(t *testing.T, db string) *app.Embedded {
	t.Helper()
	e, err := app.OpenEmbedded(context.Background(), app.Config{DBPath: db, NoOCR: true, Now: func() time.Time { return time.Unix(0, 0) }})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func waitDone(t *testing.T, e *app.Embedded) chronology.Chronology {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := e.Pipeline.Wait(ctx, matter.ID, nil); err != nil {
		t.Fatal(err)
	}
	c, _, err := e.Store.Chronology(ctx, matter.ID)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func rowCounts(t *testing.T, e *app.Embedded) map[string]int {
	t.Helper()
	got := map[string]int{}
	for _, table := range []string{"documents", "pages", "facts", "entries", "bills"} {
		var n int
		if err := e.Store.DB().QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		got[table] = n
	}
	return got
}

func jsonOf(t *testing.T, c chronology.Chronology) []byte {
	t.Helper()
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestStagesAreIdempotent delivers every stage's job a second time, as
// River may: nothing is stored twice and the chronology does not change.
func TestStagesAreIdempotent(t *testing.T) {
	ctx := context.Background()
	e := open(t, filepath.Join(t.TempDir(), "m.db"))
	defer e.Close(ctx)
	if err := e.Start(ctx); err != nil {
		t.Fatal(err)
	}
	docs, bad, err := e.Pipeline.Submit(ctx, matter, []pipeline.Input{smallBundle(t)})
	if err != nil || len(bad) > 0 || len(docs) != 1 {
		t.Fatalf("submit: %v %v %v", docs, bad, err)
	}
	first := waitDone(t, e)
	before := rowCounts(t, e)
	if before["entries"] == 0 || before["bills"] == 0 {
		t.Fatalf("nothing extracted: %v", before)
	}
	id := docs[0].ID
	// River records a job's completion a moment after its work ends; until
	// then the first run's extract job counts as queued, and the
	// redelivered ingest's extract job would be skipped as its duplicate.
	waitNoJobs(t, e)
	// A redelivered ingest job finds the document where its first run left
	// it: read, not yet extracted (the first run committed, then its
	// worker died before River recorded the job as done). Ingest returns
	// at once for an extracted document, so put it back to reading: the
	// redelivery must then read the pages again and queue extraction,
	// which marks the document extracted once more.
	d, err := e.Store.Document(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Store.SetDocumentStatus(ctx, id, store.StatusReading, "", d.Pages); err != nil {
		t.Fatal(err)
	}
	redeliver(t, e, pipeline.IngestArgs{DocumentID: id})
	if d, err := e.Store.Document(ctx, id); err != nil || d.Status != store.StatusExtracted {
		t.Fatalf("after the ingest redelivery the document is %q (%v): ingest did not run again", d.Status, err)
	}
	v, _ := e.Store.MatterVersion(ctx, matter.ID)
	redeliver(t, e, pipeline.ExtractArgs{DocumentID: id}, pipeline.BuildArgs{MatterID: matter.ID, Version: v + 1})
	second := waitDone(t, e)
	after := rowCounts(t, e)
	for k, n := range before {
		if after[k] != n {
			t.Errorf("%s: %d rows after redelivery, %d before", k, after[k], n)
		}
	}
	if !bytes.Equal(jsonOf(t, first), jsonOf(t, second)) {
		t.Error("the chronology changed when its jobs ran again")
	}
}

// redeliver inserts jobs again, as River does when a worker dies before a
// job is recorded as done, and waits until no job is left.
func redeliver(t *testing.T, e *app.Embedded, jobs ...river.JobArgs) {
	t.Helper()
	ctx := context.Background()
	for _, args := range jobs {
		// The first delivery's completion is recorded by River a moment
		// after its work ends; until then the job is unique "while queued"
		// and an insert is skipped as its duplicate.
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			res, err := e.River.Insert(ctx, args, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !res.UniqueSkippedAsDuplicate {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: the first delivery is still queued or running", args.Kind())
			}
		}
	}
	waitNoJobs(t, e)
}

// waitNoJobs waits until River holds no job to run or running.
func waitNoJobs(t *testing.T, e *app.Embedded) {
	t.Helper()
	ctx := context.Background()
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := e.River.JobList(ctx, river.NewJobListParams().States("available", "running", "retryable", "scheduled").First(1))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Jobs) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("jobs did not finish")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestResumesInterruptedRun: a process that dies with jobs queued and one
// job "running" leaves work that the next process finishes.
func TestResumesInterruptedRun(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "m.db")
	e := open(t, db)
	// Queue the work without starting the workers, as a crash right after
	// the upload would leave it, and mark the ingest job as running.
	if _, _, err := e.Pipeline.Submit(ctx, matter, []pipeline.Input{smallBundle(t)}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Store.DB().Exec(`UPDATE river_job SET state = 'running', attempt = 1, attempted_at = CURRENT_TIMESTAMP WHERE kind = 'ingest_document'`); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(ctx); err != nil {
		t.Fatal(err)
	}

	e = open(t, db)
	defer e.Close(ctx)
	if err := e.Start(ctx); err != nil {
		t.Fatal(err)
	}
	c := waitDone(t, e)
	if len(c.Entries) == 0 || len(c.Bills) == 0 {
		t.Fatalf("resumed run produced %d entries, %d bills", len(c.Entries), len(c.Bills))
	}
}

// TestOneProcessPerDatabase: a second embedded process on the same file is
// refused with a clear error rather than corrupting the job state.
func TestOneProcessPerDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	e := open(t, db)
	defer e.Close(context.Background())
	_, err := app.OpenEmbedded(context.Background(), app.Config{DBPath: db, NoOCR: true})
	if err == nil {
		t.Fatal("a second process opened the same database")
	}
	if want := "in use by another medchron process"; !bytes.Contains([]byte(err.Error()), []byte(want)) {
		t.Errorf("error %q does not say %q", err, want)
	}
}

// TestWaitEndsWhenJobsAreGone: a document whose jobs failed for good is
// reported failed with a reason, and Wait returns instead of hanging.
func TestWaitEndsWhenJobsAreGone(t *testing.T) {
	ctx := context.Background()
	e := open(t, filepath.Join(t.TempDir(), "m.db"))
	defer e.Close(ctx)
	if _, _, err := e.Pipeline.Submit(ctx, matter, []pipeline.Input{smallBundle(t)}); err != nil {
		t.Fatal(err)
	}
	// The ingest job is discarded (as after its last failed attempt).
	if _, err := e.Store.DB().Exec(`UPDATE river_job SET state = 'discarded', finalized_at = CURRENT_TIMESTAMP`); err != nil {
		t.Fatal(err)
	}
	if err := e.Start(ctx); err != nil {
		t.Fatal(err)
	}
	ctx2, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	pr, err := e.Pipeline.Wait(ctx2, matter.ID, nil)
	if err != nil {
		t.Fatalf("Wait: %v", err)
	}
	if pr.Failed != 1 || !pr.Done {
		t.Fatalf("progress %+v, want one failed document and done", pr)
	}
	docs, _ := e.Store.MatterDocuments(ctx, matter.ID)
	if docs[0].Status != store.StatusFailed || docs[0].Error == "" {
		t.Errorf("document %s %q, want failed with a reason", docs[0].Status, docs[0].Error)
	}
}
