package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/exhibit"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/internal/export"
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
	data := imagePDF(pages, 400, 400) // 150 pages of 160 KB: 24 MB, the 1,000-page fax bundle's size
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
		var base metricsSample
		base.read()
		stop := peakHeap()
		p, err := export.WriteExhibit(ctx, dir, c, src)
		peak := stop()
		if err != nil {
			t.Fatal(err)
		}
		if out, err = os.ReadFile(p); err != nil {
			t.Fatal(err)
		}
		return peak - min(peak, base.v), out
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

// imagePDF is a PDF of n pages, each an uncompressed w×h grey image of
// noise (nothing to compress, as a scan's streams are already compressed).
func imagePDF(n, w, h int) []byte {
	rng := rand.New(rand.NewPCG(7, 9))
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	var offsets []int
	obj := func(body string, stream []byte) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s", len(offsets), body)
		if stream != nil {
			b.WriteString("\nstream\n")
			b.Write(stream)
			b.WriteString("\nendstream")
		}
		b.WriteString("\nendobj\n")
	}
	kids := ""
	for i := range n {
		kids += fmt.Sprintf("%d 0 R ", 3+3*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, n), nil)
	img := make([]byte, w*h)
	for i := range n {
		content, image := 4+3*i, 5+3*i
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /XObject << /Im0 %d 0 R >> >> >>", content, image), nil)
		draw := []byte("q 612 0 0 792 0 0 cm /Im0 Do Q")
		obj(fmt.Sprintf("<< /Length %d >>", len(draw)), draw)
		for j := range img {
			img[j] = byte(rng.Uint32())
		}
		obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d >>", w, h, len(img)), img)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// metricsSample reads the bytes of live and not yet swept heap objects.
type metricsSample struct{ v uint64 }

func (m *metricsSample) read() {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	m.v = s[0].Value.Uint64()
}

// peakHeap samples the heap's objects every millisecond until the
// returned function is called, which returns the highest value seen.
func peakHeap() func() uint64 {
	var peak atomic.Uint64
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			var s metricsSample
			s.read()
			if s.v > peak.Load() {
				peak.Store(s.v)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-stopped
		return peak.Load()
	}
}
