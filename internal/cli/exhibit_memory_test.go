package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/exhibit"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/internal/export"
	"github.com/medchron/medchron/internal/testutil"
	"github.com/medchron/medchron/store"
)

// TestExhibitMemoryBoundedByParse: the exhibit of "process" parses a long
// scanned original part by part from a file the pipeline decrypts it to.
// Its Go heap grows by what pdfcpu keeps of the document (about its size:
// the image streams), not by a second whole copy of the original beside
// it, which a 5,000-page fax bundle (~120 MB) would add to the run's
// peak; the file written is the same byte for byte, and no decrypted copy
// is left in the work folder.
func TestExhibitMemoryBoundedByParse(t *testing.T) {
	ctx := context.Background()
	dbDir := t.TempDir()
	h, err := app.Open(ctx, app.Config{DBPath: filepath.Join(dbDir, "m.db"), NoOCR: true})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close(ctx)
	st := h.Store
	const pages = 150
	data := testutil.ImagePDF(pages, 400, 400) // 150 pages of 160 KB: 24 MB, the 1,000-page fax bundle's size
	m := chronology.Matter{ID: "mem"}
	if err := st.PutMatter(ctx, m); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	doc := extract.Document{ID: "doc-mem", File: "scan.pdf", SHA256: hex.EncodeToString(sum[:]), Pages: pages}
	d := store.Document{Document: doc, Size: int64(len(data))}
	if _, err := st.AddDocument(ctx, m.ID, d, data); err != nil {
		t.Fatal(err)
	}
	size := len(data)
	data = nil
	c := chronology.Chronology{Matter: m, Documents: []chronology.Document{{Document: doc,
		BatesFirst: exhibit.Bates("MC", 1), BatesLast: exhibit.Bates("MC", pages)}}}

	defer debug.SetGCPercent(debug.SetGCPercent(10)) // the heap then follows what is live
	build := func(src exhibit.Sources) (grew uint64, out []byte) {
		dir := t.TempDir()
		runtime.GC()
		base := testutil.HeapObjects()
		stop := testutil.PeakHeap()
		p, err := export.WriteExhibit(ctx, dir, c, src)
		peak := stop()
		if err != nil {
			t.Fatal(err)
		}
		if out, err = os.ReadFile(p); err != nil {
			t.Fatal(err)
		}
		return peak - min(peak, base), out
	}
	whole, want := build(exhibit.Sources{Load: func(id string) ([]byte, error) { return st.DocumentBlob(ctx, id) }})
	grew, got := build(exhibitSources(ctx, h.Pipeline, st))
	t.Logf("document %.1f MB; heap grew %.1f MB reading it whole, %.1f MB as process reads it", float64(size)/(1<<20), float64(whole)/(1<<20), float64(grew)/(1<<20))
	if !bytes.Equal(got, want) {
		t.Errorf("the exhibit read part by part (%d bytes) differs from the one read whole (%d bytes)", len(got), len(want))
	}
	if left, _ := filepath.Glob(filepath.Join(dbDir, "*", ".tmp-*")); len(left) > 0 {
		t.Errorf("decrypted copies left behind: %v", left)
	}
	if limit := uint64(size) * 3 / 2; grew > limit {
		t.Errorf("building the exhibit of a %d-byte document grew the heap by %d bytes, more than %d: the original is held whole", size, grew, limit)
	}
}
