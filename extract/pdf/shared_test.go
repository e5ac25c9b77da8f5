package pdf

import (
	"context"
	"github.com/medchron/medchron/internal/testutil"
	"path/filepath"
	"testing"

	"github.com/medchron/medchron/extract"
)

// sharedData returns ../shared/data beside the repository root (the
// directory holding go.mod), skipping the test when it is absent.
func sharedData(t *testing.T, sub string) string { return testutil.Shared(t, "data", sub) }

// TestSharedRenderedPDFs reads the public rendered records: clean PDFs must
// yield real text on every page, scanned ones must be left for OCR.
func TestSharedRenderedPDFs(t *testing.T) {
	root := sharedData(t, "rendered-pdfs")
	clean, _ := filepath.Glob(filepath.Join(root, "*", "clean", "*.pdf"))
	scanned, _ := filepath.Glob(filepath.Join(root, "*", "scanned", "*.pdf"))
	if len(clean)+len(scanned) == 0 {
		t.Skip("no PDFs under " + root)
	}
	for _, path := range clean {
		pages, err := TextLayer(context.Background(), path)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		for _, p := range pages {
			if p.Source != extract.SourceText || len(p.Words) == 0 {
				t.Errorf("%s page %d: source %q with %d words, want text", filepath.Base(path), p.Number, p.Source, len(p.Words))
			}
		}
	}
	for _, path := range scanned {
		pages, err := TextLayer(context.Background(), path)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		for _, p := range pages {
			if p.Source == extract.SourceText {
				t.Errorf("%s page %d: scanned page taken as text", filepath.Base(path), p.Number)
			}
		}
		if len(pages) > 0 {
			img, err := PageImage(context.Background(), path, 1, 300)
			if err != nil || len(img.Data) == 0 {
				t.Errorf("%s page 1 image: %v", filepath.Base(path), err)
			}
		}
	}
}
