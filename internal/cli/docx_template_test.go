package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/internal/docx/docxtest"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/sqlite"
)

// wordTemplate writes the firm's Word template of docxtest to path.
func wordTemplate(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, docxtest.Template(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// docxText returns the concatenated XML parts of a .docx under word/.
func docxText(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	x, err := docxtest.Text(data)
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	return x
}

func TestProcessDOCXTemplate(t *testing.T) {
	root := repoRoot(t)
	tmp := t.TempDir()
	tpl := filepath.Join(tmp, "firm.dotx")
	wordTemplate(t, tpl)
	out := filepath.Join(tmp, "out")
	code, stdout, stderr := run(t, "process", "--db", filepath.Join(tmp, "m.db"), "--out", out, "--quiet", "--docx-template", tpl,
		"--matter", "tpl", filepath.Join(root, "testdata", "bundles", "small", "born-digital.pdf"))
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, name := range []string{"chronology.docx", "demand.docx"} {
		x := docxText(t, filepath.Join(out, name))
		if !strings.Contains(x, "Garamond") || !strings.Contains(x, "PRIVILEGED AND CONFIDENTIAL") {
			t.Errorf("%s is not in the firm's template (styles or footer missing)", name)
		}
	}
	if x := docxText(t, filepath.Join(out, "chronology.docx")); !strings.Contains(x, "<w:tblHeader/>") || strings.Count(x, "<w:tr>") < 5 {
		t.Errorf("chronology.docx has no table of entries")
	}

	// Without --docx-template, a run takes the template an admin uploaded
	// to the same database (the web application's Word template page).
	st, err := sqlite.Open(context.Background(), filepath.Join(tmp, "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	err = st.PutFirmFile(context.Background(), store.FirmFile{Name: store.FirmTemplate, Data: docxtest.Template(), By: "root", At: time.Now()})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	stored := filepath.Join(tmp, "stored")
	t.Setenv(app.EnvDOCXTemplate, "")
	if code, stdout, stderr := run(t, "process", "--db", filepath.Join(tmp, "m.db"), "--out", stored, "--quiet",
		"--matter", "tpl", filepath.Join(root, "testdata", "bundles", "small", "born-digital.pdf")); code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if x := docxText(t, filepath.Join(stored, "chronology.docx")); !strings.Contains(x, docxtest.Font) || !strings.Contains(x, docxtest.Legend) {
		t.Error("a run without --docx-template does not take the template stored in its database")
	}

	// A file that is not a Word template stops the run before anything is
	// processed, naming the file.
	bad := filepath.Join(tmp, "letterhead.pdf")
	if err := os.WriteFile(bad, []byte("%PDF-1.4\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = run(t, "process", "--db", filepath.Join(tmp, "m2.db"), "--out", filepath.Join(tmp, "out2"), "--quiet", "--docx-template", bad,
		filepath.Join(root, "testdata", "bundles", "small", "born-digital.pdf"))
	if code == 0 || !strings.Contains(stderr, "letterhead.pdf") || !strings.Contains(stderr, "not a Word document") {
		t.Errorf("bad template: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(tmp, "out2")); err == nil {
		t.Error("a run with a bad template wrote an output folder")
	}
}
