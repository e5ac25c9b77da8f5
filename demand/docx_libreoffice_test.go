package demand

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDOCXOpensInLibreOffice converts a draft and an approved letter to PDF
// with LibreOffice, when it is installed, and reads the PDFs back with
// pdftotext: the headings are there, the draft says DRAFT on every page
// and the approved letter nowhere.
func TestDOCXOpensInLibreOffice(t *testing.T) {
	bin, err := exec.LookPath("soffice")
	if err != nil {
		if bin, err = exec.LookPath("libreoffice"); err != nil {
			t.Skip("LibreOffice is not installed")
		}
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	dir := t.TempDir()
	draft := sampleDraft()
	approved := finishedDraft()
	for _, s := range approved.Sections {
		_ = approved.Approve(s.Key)
	}
	letters := map[string]Draft{"draft": draft, "approved": approved}
	var files []string
	for name, d := range letters {
		path := filepath.Join(dir, name+".docx")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteDOCX(f, d); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	home := filepath.Join(dir, "home") // LibreOffice writes its profile under HOME
	args := append([]string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir}, files...)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+home)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}

	for name, d := range letters {
		pdf := filepath.Join(dir, name+".pdf")
		out, err := exec.CommandContext(ctx, pdftotext, pdf, "-").Output()
		if err != nil {
			t.Fatalf("%s.pdf from LibreOffice: %v", name, err)
		}
		pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
		text := string(out)
		for _, s := range d.Sections {
			if !strings.Contains(text, s.Title) {
				t.Errorf("%s.pdf lacks the heading %q", name, s.Title)
			}
		}
		if !strings.Contains(text, "Medical Specials") || !strings.Contains(text, "$6,095.50") {
			t.Errorf("%s.pdf lacks the specials table", name)
		}
		for i, p := range pages {
			if got := strings.Contains(p, NotApprovedNotice); got != !d.Approved() {
				t.Errorf("%s.pdf page %d of %d: DRAFT header %v", name, i+1, len(pages), got)
			}
		}
		if d.Approved() && strings.Contains(text, "DRAFT") {
			t.Errorf("%s.pdf says DRAFT", name)
		}
		if len(pages) < 2 {
			t.Errorf("%s.pdf has %d pages; the sample letter runs to several", name, len(pages))
		}
	}
}
