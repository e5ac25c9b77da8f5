package testutil

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime/metrics"
	"sync/atomic"
	"time"
)

// ImagePDF is a PDF of n pages, each an uncompressed w×h grey image of
// noise (nothing to compress, as a scan's streams are already
// compressed): a long scanned original of a known size for memory tests.
func ImagePDF(n, w, h int) []byte {
	rng := rand.New(rand.NewPCG(7, 9))
	kids := ""
	for i := range n {
		kids += fmt.Sprintf("%d 0 R ", 3+3*i)
	}
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, n)}
	img := make([]byte, w*h)
	for i := range n {
		content, image := 4+3*i, 5+3*i
		draw := "q 612 0 0 792 0 0 cm /Im0 Do Q"
		for j := range img {
			img[j] = byte(rng.Uint32())
		}
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /XObject << /Im0 %d 0 R >> >> >>", content, image),
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(draw), draw),
			fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream", w, h, len(img), img))
	}
	return PDFOf(objs)
}

// PDFOf writes a PDF 1.4 file of the objects given, numbered from 1 (the
// first one its catalog), with a cross-reference table and trailer.
func PDFOf(objs []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// HeapObjects returns the bytes of live and not yet swept heap objects.
func HeapObjects() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// PeakHeap samples HeapObjects every millisecond until the returned
// function is called, which returns the highest value seen.
func PeakHeap() func() uint64 {
	var peak atomic.Uint64
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			if v := HeapObjects(); v > peak.Load() {
				peak.Store(v)
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
