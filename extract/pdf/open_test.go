package pdf

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/medchron/medchron/internal/testutil"
)

func TestOpen(t *testing.T) {
	pctx, err := Open(context.Background(), "born-digital.pdf", readFile(t, smallBundlePath(t, "born-digital.pdf")))
	if err != nil {
		t.Fatal(err)
	}
	if pctx.PageCount != 16 {
		t.Errorf("%d pages, want 16", pctx.PageCount)
	}
	bad := filepath.Join(testutil.RepoRoot(t), "testdata", "bad")
	for name, want := range map[string]error{
		"empty.pdf":     ErrEmpty,
		"truncated.pdf": ErrCorrupt,
		"encrypted.pdf": ErrEncrypted,
		"photo.pdf":     ErrNotPDF,
		"notes.txt":     ErrNotPDF,
	} {
		_, err := Open(context.Background(), name, readFile(t, filepath.Join(bad, name)))
		var fe *FileError
		if !errors.Is(err, want) || !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), name) {
			t.Errorf("Open(%s) = %v, want a FileError naming the file and wrapping %v", name, err, want)
		}
	}
	c := Config()
	c.ValidationMode = model.ValidationStrict
	if Config().ValidationMode != model.ValidationRelaxed {
		t.Error("Config does not return a fresh, relaxed configuration each call")
	}
	if model.ConfigPath != "disable" {
		t.Errorf("pdfcpu's configuration directory is %q, want it disabled", model.ConfigPath)
	}
}
