package sandbox

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/medchron/medchron/internal/testutil"
)

// Inspecting a record file reads it from disk as pdfcpu asks for it: the
// reader never holds the whole file beside pdfcpu's copy of its streams
// (a 5,000-page fax bundle of 125 MB took a reader to 343 MB at ingest).
func TestInspectFileDoesNotHoldTheFile(t *testing.T) {
	data := testutil.ImagePDF(6, 1600, 1600) // 15 MB of streams
	path := filepath.Join(t.TempDir(), "scans.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	size := uint64(len(data))
	data = nil
	p := New(Config{InProcess: true})
	defer p.Close()
	runtime.GC()
	base := testutil.HeapObjects()
	stop := testutil.PeakHeap()
	n, weights, err := p.InspectFile(context.Background(), "scans.pdf", path)
	peak := stop()
	if err != nil || n != 6 || len(weights) != 6 || weights[0] <= 0 {
		t.Fatalf("InspectFile = %d, %v, %v; want 6 pages, each weighing its image", n, weights, err)
	}
	// pdfcpu keeps every stream's bytes while it validates (one file's
	// worth); a second copy is the file read whole.
	if grew := peak - min(peak, base); grew > size*3/2 {
		t.Errorf("inspecting a %d MB file grew the heap by %d MB; want under %d MB (no copy of the whole file)", size>>20, grew>>20, size*3/2>>20)
	}
}
