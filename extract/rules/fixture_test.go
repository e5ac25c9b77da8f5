package rules

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/testutil"
)

// fixtureTruth is the part of the generator's truth.json this test reads.
type fixtureTruth struct {
	Patient    string `json:"patient"`
	Encounters []struct {
		Date      string   `json:"date"`
		Provider  string   `json:"provider"`
		Diagnoses []string `json:"diagnoses"`
		Pages     []int    `json:"pages"`
	} `json:"encounters"`
	Providers []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
	} `json:"providers"`
	Bills []struct {
		Date   string  `json:"date"`
		Code   string  `json:"code"`
		Charge float64 `json:"charge"`
	} `json:"bills"`
	BillTotals []struct {
		Total float64 `json:"total"`
	} `json:"bill_totals"`
}

// fixtureDir returns the generated small bundle (testdata/bundles/small, or
// MEDCHRON_FIXTURE_DIR), or skips.
func fixtureDir(t *testing.T) string {
	dir := os.Getenv("MEDCHRON_FIXTURE_DIR")
	if dir == "" {
		dir = filepath.Join(testutil.RepoRoot(t), "testdata", "bundles", "small")
	}
	if _, err := os.Stat(filepath.Join(dir, "truth.json")); err != nil {
		t.Skip("no generated bundle in " + dir)
	}
	return dir
}

// TestFixtureBundle measures the extractor on the generated bundle: the
// born-digital PDF through pdftotext, and the scanned one through the
// Tesseract command line (only with MEDCHRON_OCR_TESTS=1).
func TestFixtureBundle(t *testing.T) {
	dir := fixtureDir(t)
	b, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truth fixtureTruth
	if err := json.Unmarshal(b, &truth); err != nil {
		t.Fatal(err)
	}
	t.Run("born-digital", func(t *testing.T) {
		pages := pdfPages(t, filepath.Join(dir, "born-digital.pdf"))
		scoreFixture(t, truth, pages, 0.9, 0.9)
	})
	t.Run("scanned", func(t *testing.T) {
		if testing.Short() || os.Getenv("MEDCHRON_OCR_TESTS") == "" {
			t.Skip("OCR takes about 2 s a page: set MEDCHRON_OCR_TESTS=1")
		}
		pages := ocrPages(t, filepath.Join(dir, "scanned.pdf"))
		scoreFixture(t, truth, pages, 0.7, 0.7)
	})
}

// scoreFixture extracts the pages and compares encounters (date, provider,
// diagnoses) and bills with the truth, failing under the given recalls.
func scoreFixture(t *testing.T, truth fixtureTruth, pages []extract.Page, minDate, minBill float64) {
	res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "fx", File: "bundle.pdf", Pages: len(pages)}, pages)
	if err != nil {
		t.Fatal(err)
	}
	assertGrounded(t, "fixture", pages, res)
	aliases := map[string]string{}
	for _, p := range truth.Providers {
		aliases[layout.ProviderKey(p.Name)] = p.Name
		for _, a := range p.Aliases {
			aliases[layout.ProviderKey(a)] = p.Name
		}
	}
	got := map[string][]extract.Encounter{}
	for _, e := range res.Encounters {
		got[e.Date.String()] = append(got[e.Date.String()], e)
	}
	var dateHit, provHit, dxWant, dxHit int
	for _, w := range truth.Encounters {
		es := got[w.Date]
		if len(es) == 0 {
			t.Logf("missed encounter %s %s pages %v", w.Date, w.Provider, w.Pages)
			continue
		}
		dateHit++
		e := es[0]
		for _, x := range es {
			if aliases[layout.ProviderKey(x.Provider)] == w.Provider {
				e = x
			}
		}
		if aliases[layout.ProviderKey(e.Provider)] == w.Provider || layout.ProviderKey(e.Provider) == layout.ProviderKey(w.Provider) {
			provHit++
		} else {
			t.Logf("%s: provider %q, want %q", w.Date, e.Provider, w.Provider)
		}
		for _, d := range w.Diagnoses {
			dxWant++
			found := false
			for _, g := range e.Diagnoses {
				if strings.Contains(d, g.Code) && g.Code != "" || strings.EqualFold(d, g.Description) {
					found = true
					break
				}
			}
			if found {
				dxHit++
			} else {
				t.Logf("%s %s: missed diagnosis %s (got %v)", w.Date, w.Provider, d, e.Diagnoses)
			}
		}
	}
	var billHit int
	for _, w := range truth.Bills {
		for _, g := range res.Bills {
			if g.Date.String() == w.Date && g.Code == w.Code && g.Charge == w.Charge {
				billHit++
				break
			}
		}
	}
	n := float64(max(len(truth.Encounters), 1))
	dateRecall, billRecall := float64(dateHit)/n, float64(billHit)/float64(max(len(truth.Bills), 1))
	t.Logf("fixture: %d pages; encounters %d found / %d true; date recall %.2f, provider %.2f, diagnosis recall %.2f (%d/%d); bills %d/%d (extracted %d), totals %d/%d",
		len(pages), len(res.Encounters), len(truth.Encounters), dateRecall, float64(provHit)/n,
		float64(dxHit)/float64(max(dxWant, 1)), dxHit, dxWant, billHit, len(truth.Bills), len(res.Bills), len(res.BillTotals), len(truth.BillTotals))
	if dateRecall < minDate {
		t.Errorf("date recall %.2f < %.2f", dateRecall, minDate)
	}
	if billRecall < minBill {
		t.Errorf("bill recall %.2f < %.2f", billRecall, minBill)
	}
}

// ocrPages renders a scanned PDF and reads it with the tesseract command.
// MEDCHRON_OCR_CACHE names a directory of page texts (s-01.txt, ...) to
// reuse instead, for quick iterations.
func ocrPages(t *testing.T, path string) []extract.Page {
	t.Helper()
	if dir := os.Getenv("MEDCHRON_OCR_CACHE"); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		var pages []extract.Page
		for i, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, extract.Page{DocumentID: "fx", Number: i + 1, Source: extract.SourceOCR, Text: string(b)})
		}
		if len(pages) > 0 {
			return pages
		}
	}
	for _, tool := range []string{"pdftoppm", "tesseract"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip(tool + " not installed")
		}
	}
	tmp := t.TempDir()
	if out, err := exec.Command("pdftoppm", "-r", "300", "-gray", "-png", path, filepath.Join(tmp, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	imgs, _ := filepath.Glob(filepath.Join(tmp, "p-*.png"))
	var pages []extract.Page
	for i, img := range imgs {
		cmd := exec.Command("tesseract", img, "stdout")
		cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("tesseract page %d: %v", i+1, err)
		}
		pages = append(pages, extract.Page{DocumentID: "fx", Number: i + 1, Source: extract.SourceOCR, Text: string(out)})
	}
	return pages
}

// BenchmarkFixturePages measures the extractor on the generated bundle's
// born-digital text, pages as pdftotext lays them out.
func BenchmarkFixturePages(b *testing.B) {
	dir := os.Getenv("MEDCHRON_FIXTURE_DIR")
	if dir == "" {
		dir = filepath.Join(testutil.RepoRoot(b), "testdata", "bundles", "small")
	}
	path := filepath.Join(dir, "born-digital.pdf")
	if _, err := os.Stat(path); err != nil {
		b.Skip("no generated bundle")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		b.Skip("pdftotext: " + err.Error())
	}
	var pages []extract.Page
	for i, s := range strings.Split(string(out), "\f") {
		if strings.TrimSpace(s) != "" {
			pages = append(pages, extract.Page{DocumentID: "fx", Number: i + 1, Text: s})
		}
	}
	ex := New(Options{})
	doc := extract.Document{ID: "fx", File: "born-digital.pdf", Pages: len(pages)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ex.Extract(context.Background(), doc, pages); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pages)), "µs/page")
}
