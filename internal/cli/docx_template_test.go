package cli

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// wordTemplate writes a firm's Word template: a Garamond Normal style and a
// footer with a confidentiality legend.
func wordTemplate(t *testing.T, path string) {
	t.Helper()
	const nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	const nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	parts := map[string]string{
		"word/document.xml": `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body><w:p/><w:sectPr><w:footerReference w:type="default" r:id="rId5"/></w:sectPr></w:body></w:document>`,
		"word/styles.xml": `<w:styles xmlns:w="` + nsW + `"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>` +
			`<w:rPr><w:rFonts w:ascii="Garamond" w:hAnsi="Garamond"/></w:rPr></w:style></w:styles>`,
		"word/_rels/document.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`,
		"word/footer1.xml": `<w:ftr xmlns:w="` + nsW + `"><w:p><w:r><w:t>PRIVILEGED AND CONFIDENTIAL</w:t></w:r></w:p></w:ftr>`,
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range parts {
		w, _ := zw.Create(name)
		io.WriteString(w, body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// docxText returns the concatenated XML parts of a .docx under word/.
func docxText(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	defer zr.Close()
	var all strings.Builder
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "word/") && strings.HasSuffix(f.Name, ".xml") {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			all.Write(b)
		}
	}
	return all.String()
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
