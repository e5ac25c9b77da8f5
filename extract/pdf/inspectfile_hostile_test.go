package pdf_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/internal/hostile"
)

// TestInspectFileSaysWhatInspectSays: a broken cross-reference table read
// from the file is refused or read as from the bytes, and its message never
// names the stored copy's path (a seek to /Prev -5 on an *os.File did).
func TestInspectFileSaysWhatInspectSays(t *testing.T) {
	dir := t.TempDir()
	n := 0
	for _, c := range hostile.Cases() {
		if !strings.HasPrefix(c.File, "xref-") && !strings.HasPrefix(c.File, "startxref-") {
			continue
		}
		data, err := c.Make()
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "doc-0123456789abcdef.pdf")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		_, want := pdf.Inspect(context.Background(), c.File, data)
		_, got := pdf.InspectFile(context.Background(), c.File, path)
		if (got == nil) != (want == nil) || strings.Contains(fmt.Sprint(got), "0123456789abcdef") {
			t.Errorf("%s: InspectFile: %v; Inspect: %v", c.File, got, want)
		}
		n++
	}
	if n < 5 {
		t.Fatalf("only %d cross-reference cases", n)
	}
}
