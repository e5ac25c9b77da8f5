package rules

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/layout"
)

// pdfPages runs pdftotext -layout on a PDF and returns its pages.
func pdfPages(t *testing.T, path string) []extract.Page {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	texts := strings.Split(string(out), "\f")
	if len(texts) > 1 && strings.TrimSpace(texts[len(texts)-1]) == "" {
		texts = texts[:len(texts)-1]
	}
	pages := make([]extract.Page, len(texts))
	for i, s := range texts {
		pages[i] = extract.Page{DocumentID: filepath.Base(path), Number: i + 1, Source: extract.SourceText, Text: s}
	}
	return pages
}

// TestRenderedPDFs runs the extractor on the rendered MTSamples and C-CDA
// PDFs: every quote must stand on its page, and the dates must be the
// visits' own, not the history dates the reports list.
func TestRenderedPDFs(t *testing.T) {
	mt := sharedData(t, "rendered-pdfs")
	files, _ := filepath.Glob(filepath.Join(mt, "mtsamples-pi", "clean", "*.pdf"))
	ccda, _ := filepath.Glob(filepath.Join(mt, "ccda-rendered", "*.pdf"))
	files = append(files, ccda...)
	if len(files) == 0 {
		t.Skip("no rendered PDFs")
	}
	// The visit dates each report prints; "undated" means the report prints
	// no date of its own visit, so one undated encounter is right.
	want := map[string][]string{
		"mtsamples_3102.pdf":               {"2003-09-05"},
		"mtsamples_3107.pdf":               {"2003-08-26"},
		"mtsamples_3093.pdf":               {"2009-01-23"},
		"mtsamples_3100.pdf":               {"undated"},
		"mtsamples_3089.pdf":               {"undated"},
		"mtsamples_2126.pdf":               {"undated"},
		"mtsamples_2079.pdf":               {"undated"},
		"Progress_Note__Progress_Note.pdf": {"2005-03-29"},
		// C-CDA: the encounter's span ("Date/Time: from ... to ...") dates
		// a stay from its admission; the title's date is when the document
		// was made. The imaging example's service event names another study
		// in a sentence: its title's study and date stand.
		"Discharge_Summary__Discharge_Summary.pdf":                 {"2014-09-09"},
		"Diagnostic_Imaging_Report__Diagnostic_Imaging_Report.pdf": {"2005-03-29"},
		"Consultation_Note__Consultation_Note.pdf":                 {"2013-07-31"},
	}
	ex := New(Options{})
	var checked, right, quotes int
	for _, f := range files {
		pages := pdfPages(t, f)
		name := filepath.Base(f)
		res, err := ex.Extract(context.Background(), extract.Document{ID: name, File: name, Pages: len(pages)}, pages)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		assertGrounded(t, name, pages, res)
		for _, e := range res.Encounters {
			quotes += len(e.Citations)
		}
		w, ok := want[name]
		if !ok {
			continue
		}
		checked++
		var got []string
		for _, e := range res.Encounters {
			if e.Undated {
				got = append(got, "undated")
				continue
			}
			got = append(got, e.Date.String())
		}
		if strings.Join(got, ",") == strings.Join(w, ",") {
			right++
		} else {
			t.Logf("%s: dates %v, want %v", name, got, w)
		}
	}
	t.Logf("rendered PDFs: %d files, %d with expected dates checked, %d right, %d grounded quotes", len(files), checked, right, quotes)
	if right < checked {
		t.Errorf("visit dates right in %d of %d reports", right, checked)
	}
}

// TestACIBenchSections measures section parsing on the ACI-bench notes:
// how often complaints, findings, assessment and plan are found when the
// note has those headings.
func TestACIBenchSections(t *testing.T) {
	dir := sharedData(t, "aci-bench")
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	var texts []string
	for _, f := range files {
		texts = append(texts, csvColumn(t, f, "note")...)
	}
	if len(texts) == 0 {
		t.Skip("no notes")
	}
	var notes, cc, ex, as, pl, dx int
	for _, text := range texts {
		n := newNote(linesOf(layout.Analyze([]extract.Page{{Number: 1, Text: text}})))
		c, fi, a, p := n.sectionTexts()
		notes++
		up := strings.ToUpper(text)
		count := func(hit bool, heading string, ctr *int) {
			if !strings.Contains(up, heading) || hit {
				*ctr++
			}
		}
		count(c != "", "CHIEF COMPLAINT", &cc)
		count(fi != "", "PHYSICAL EXAM", &ex)
		count(a != "", "ASSESSMENT", &as)
		count(p != "", "PLAN", &pl)
		if d, _ := n.diagnoses(nil); len(d) > 0 || !strings.Contains(up, "ASSESSMENT") {
			dx++
		}
	}
	frac := func(k int) float64 { return float64(k) / float64(notes) }
	t.Logf("aci-bench: %d notes; complaints %.2f, findings %.2f, assessment %.2f, plan %.2f, some diagnosis %.2f",
		notes, frac(cc), frac(ex), frac(as), frac(pl), frac(dx))
	for name, v := range map[string]float64{"complaints": frac(cc), "findings": frac(ex), "assessment": frac(as), "plan": frac(pl), "diagnoses": frac(dx)} {
		if v < 0.95 {
			t.Errorf("%s found in %.2f of notes, want ≥ 0.95", name, v)
		}
	}
}

// csvColumn returns one column of a CSV file with a header row.
func csvColumn(t *testing.T, path, name string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: %v", path, err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == name {
			col = i
		}
	}
	if col < 0 {
		return nil
	}
	var out []string
	for _, r := range rows[1:] {
		out = append(out, r[col])
	}
	return out
}

// TestMTSamplesCSV runs every MTSamples transcription as a one-page
// document: no panic, every quote grounded.
func TestMTSamplesCSV(t *testing.T) {
	path := filepath.Join(sharedData(t, "mtsamples"), "mtsamples_pi_subset_dedup.csv")
	texts := csvColumn(t, path, "transcription")
	ex := New(Options{})
	encs, dated := 0, 0
	for i, text := range texts {
		pages := []extract.Page{{DocumentID: "m", Number: 1, Text: text}}
		res, err := ex.Extract(context.Background(), extract.Document{ID: "m", File: "m.txt", Pages: 1}, pages)
		if err != nil {
			t.Fatal(err)
		}
		assertGrounded(t, fmt.Sprintf("mtsamples row %d", i+2), pages, res)
		encs += len(res.Encounters)
		if len(res.Encounters) > 0 {
			dated++
		}
	}
	t.Logf("mtsamples csv: %d notes, %d with an encounter, %d encounters", len(texts), dated, encs)
	// The sweep checks grounding, which an empty result passes: it must
	// have had notes to read and found something in them. (No rate is
	// asserted: the file holds notes reserved for measuring.)
	if len(texts) == 0 || encs == 0 {
		t.Errorf("nothing extracted: %d notes read, %d encounters", len(texts), encs)
	}
}
