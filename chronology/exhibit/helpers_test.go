package exhibit

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/internal/testutil"
)

// upload is a record file as the pipeline stored it: an id, a file name,
// the bytes, and the page count.
type upload struct {
	id, file string
	data     []byte
	pages    int
}

// pagesOf returns pages first..last of the PDF at path as a new PDF.
func pagesOf(tb testing.TB, path string, first, last int) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var b bytes.Buffer
	if err := api.Trim(bytes.NewReader(data), &b, []string{fmt.Sprintf("%d-%d", first, last)}, pdf.Config()); err != nil {
		tb.Fatalf("trim %s to pages %d-%d: %v", path, first, last, err)
	}
	return b.Bytes()
}

// numbered runs chronology.Build over the uploads, in upload order, and
// returns the Bates range it gave each document, by id.
func numbered(ups []upload) map[string]chronology.Document {
	srcs := make([]chronology.Source, len(ups))
	for i, u := range ups {
		srcs[i] = chronology.Source{Document: chronology.Document{Document: extract.Document{ID: u.id, File: u.file, Pages: u.pages}}}
	}
	c := chronology.Build(chronology.Matter{ID: "m1"}, srcs, chronology.Options{})
	out := map[string]chronology.Document{}
	for _, d := range c.Documents {
		out[d.ID] = d
	}
	return out
}

// smallBundle is the path of a file of testdata/bundles/small.
func smallBundle(tb testing.TB, name string) string {
	return filepath.Join(testutil.RepoRoot(tb), "testdata", "bundles", "small", name)
}

// needPoppler skips the test when pdftotext is not installed.
func needPoppler(tb testing.TB) {
	tb.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		tb.Skip("pdftotext (poppler-utils) is not installed")
	}
}

// pageText returns the text of every page of the PDF, in order, read with
// pdftotext (one run; pages end with a form feed).
func pageText(tb testing.TB, data []byte) []string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "exhibit.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	return pages[:len(pages)-1] // text after the last form feed is empty
}

// word is a word pdftotext -bbox found, in points from the top-left.
type word struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

// bboxPage is one page of pdftotext -bbox output.
type bboxPage struct {
	width, height float64
	words         []word
}

var (
	pageRe = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// wordBoxes returns the words of every page with their boxes.
var rotRe = regexp.MustCompile(`Page\s+(\d+)\s+rot:\s+(\d+)`)

func wordBoxes(tb testing.TB, data []byte) []bboxPage {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "exhibit.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext -bbox: %v", err)
	}
	// pdftotext gives a rotated page's words as displayed but its size
	// as stored: turn the size as pdfinfo says the page is turned.
	info, err := exec.Command("pdfinfo", "-f", "1", "-l", "100000", path).Output()
	if err != nil {
		tb.Fatalf("pdfinfo: %v", err)
	}
	turned := map[int]bool{}
	for _, m := range rotRe.FindAllStringSubmatch(string(info), -1) {
		n, _ := strconv.Atoi(m[1])
		turned[n] = m[2] == "90" || m[2] == "270"
	}
	num := func(s string) float64 { f, _ := strconv.ParseFloat(s, 64); return f }
	var pages []bboxPage
	for _, line := range strings.Split(string(out), "\n") {
		if m := pageRe.FindStringSubmatch(line); m != nil {
			p := bboxPage{width: num(m[1]), height: num(m[2])}
			if turned[len(pages)+1] {
				p.width, p.height = p.height, p.width
			}
			pages = append(pages, p)
			continue
		}
		if m := wordRe.FindStringSubmatch(line); m != nil && len(pages) > 0 {
			p := &pages[len(pages)-1]
			p.words = append(p.words, word{m[5], num(m[1]), num(m[2]), num(m[3]), num(m[4])})
		}
	}
	return pages
}

// rawPDF writes a small PDF by hand: three Letter pages drawing the same
// content stream object (the third one rotated by 90 degrees), which
// pdfcpu's own writers never produce.
func rawPDF() []byte {
	content := "BT /F1 14 Tf 72 700 Td (Shared content page) Tj ET"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 /MediaBox [0 0 612 792] /Resources << /Font << /F1 6 0 R >> >> >>",
		"<< /Type /Page /Parent 2 0 R /Contents 7 0 R >>",
		"<< /Type /Page /Parent 2 0 R /Contents 7 0 R >>",
		"<< /Type /Page /Parent 2 0 R /Contents 7 0 R /Rotate 90 >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	return pdfOf(objs)
}

// pdfOf writes a PDF of the objects given, numbered from 1 (the first one
// its catalog), with a cross-reference table and trailer.
func pdfOf(objs []string) []byte { return testutil.PDFOf(objs) }
