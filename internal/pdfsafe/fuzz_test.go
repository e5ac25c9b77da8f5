package pdfsafe_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/medchron/medchron/extract/sandbox"
	"github.com/medchron/medchron/internal/hostile"
	"github.com/medchron/medchron/internal/pdfsafe"
)

// readers are the reader processes FuzzInspect inspects with. Their CPU
// limit is low: a seed that sends a reader into a loop (pattern-self.pdf)
// must not hold the one reader while the next seeds time out waiting.
var readers *sandbox.Pool

// TestMain lets this test binary serve as a reader process, then starts
// the pool (which runs in process unless RunIfChild ran first).
func TestMain(m *testing.M) {
	sandbox.RunIfChild()
	readers = sandbox.New(sandbox.Config{Size: 1, Memory: 512 << 20, CPU: 3})
	code := m.Run()
	readers.Close()
	os.Exit(code)
}

// FuzzInspect feeds any bytes to the checks an upload and the browser's
// copy of an original go through: Sniff, pdf.Inspect and Clean must answer
// (an error is fine) without panicking; a file Inspect reads has pages; a
// cleaned copy reads back with the same pages and no active content.
func FuzzInspect(f *testing.F) {
	for _, c := range hostile.Cases() {
		data, err := c.Make()
		if err == nil && len(data) < 8<<10 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			return
		}
		_ = pdfsafe.Sniff("f.pdf", data, data, int64(len(data)))
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		// Inspection runs as the application runs it: in a reader process,
		// whose crash (pdfcpu's validator overflows its stack on some
		// cycles) fails the request, not the caller.
		if !readers.Isolated() {
			t.Fatal("the reader pool runs in this process")
		}
		if n, err := readers.Inspect(ctx, "f.pdf", data); err == nil && n <= 0 {
			t.Fatalf("Inspect read a PDF with %d pages", n)
		}
		out, _, err := pdfsafe.Clean(ctx, "f.pdf", data)
		if err != nil {
			return
		}
		if hasActive(t, out) {
			t.Fatal("a cleaned copy holds active content")
		}
	})
}
