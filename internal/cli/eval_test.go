package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/eval"
	"github.com/medchron/medchron/internal/fixture"
	"github.com/medchron/medchron/store/sqlite"
)

// linkBundle makes dir a bundle of the small born-digital PDF with the
// given truth.
func linkBundle(t *testing.T, dir string, truth fixture.Truth, pdfs ...string) {
	t.Helper()
	small := filepath.Join(repoRoot(t), "testdata", "bundles", "small")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range pdfs {
		src := p
		if !filepath.IsAbs(p) {
			src = filepath.Join(small, p)
		}
		if err := os.Symlink(src, filepath.Join(dir, filepath.Base(p))); err != nil {
			t.Fatal(err)
		}
	}
	b, err := truth.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, fixture.TruthFile), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestEval(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	truth, err := fixture.LoadTruth(filepath.Join(root, "testdata", "bundles", "small", fixture.TruthFile))
	if err != nil {
		t.Fatal(err)
	}
	// A truth with one bill line's charge changed: the bill line is missed
	// and an extra one found, and the specials total is no longer exact.
	wrong := truth
	wrong.Bills = append([]fixture.Bill(nil), truth.Bills...)
	wrong.Bills[0].Charge += 1
	wrong.Specials = fixture.SumSpecials(wrong.Bills)
	truncated := filepath.Join(root, "testdata", "bad", "truncated.pdf")

	cases := []struct {
		name  string
		setup func(dir string)
		code  int
		want  []string // in stdout
	}{
		{"one bundle", func(dir string) { linkBundle(t, dir, truth, "born-digital.pdf") }, 0, []string{
			"| born-digital.pdf | rules | 16 |",
			"| encounters | 1.000 | 1.000 | 1.000 |",
			"specials total exact in 1 of 1 file(s)",
			"grounded quotes not on their page: 0 of ",
		}},
		{"subfolders, one truth wrong", func(dir string) {
			linkBundle(t, filepath.Join(dir, "a"), truth, "born-digital.pdf")
			linkBundle(t, filepath.Join(dir, "b"), wrong, "born-digital.pdf")
		}, 0, []string{
			"| a/born-digital.pdf | rules | 16 |",
			"| b/born-digital.pdf | rules | 16 |",
			"Total, micro-averaged over 2 file(s)",
			"| bill_lines | 0.983 | 0.983 | 0.983 | 57 | 1 | 1 |",
			"specials total exact in 1 of 2 file(s)",
		}},
		{"unreadable PDF", func(dir string) { linkBundle(t, dir, truth, "born-digital.pdf", truncated) }, 1, []string{
			"| truncated.pdf | rules | 0 |",
			"failed:",
			"Total, micro-averaged over 1 file(s)",
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			tc.setup(dir)
			out := filepath.Join(t.TempDir(), "out")
			code, stdout, stderr := run(t, "eval", "--truth", dir, "--extractor", "rules", "--out", out)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, stdout, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stdout, w) {
					t.Errorf("output lacks %q:\n%s", w, stdout)
				}
			}
			if tc.code == 0 {
				matches, _ := filepath.Glob(filepath.Join(out, "*", "chronology.json"))
				matches2, _ := filepath.Glob(filepath.Join(out, "chronology.json"))
				matches3, _ := filepath.Glob(filepath.Join(out, "*", "*", "chronology.json"))
				if len(matches)+len(matches2)+len(matches3) == 0 {
					t.Errorf("--out %s holds no chronology.json", out)
				}
			}
		})
	}
}

func TestEvalUsage(t *testing.T) {
	t.Parallel()
	empty := t.TempDir()
	cases := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no --truth", []string{"eval"}, 2, "Usage"},
		{"no bundle", []string{"eval", "--truth", empty}, 1, "no folder with truth.json"},
		{"missing folder", []string{"eval", "--truth", filepath.Join(empty, "nope")}, 1, "nope"},
		{"db without codes", []string{"eval", "--truth", empty, "--db", filepath.Join(empty, "none.db")}, 1, "none.db"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.msg) {
				t.Errorf("exit %d, stderr %q; want %d mentioning %q", code, stderr, tc.code, tc.msg)
			}
		})
	}
}

// sharedDir returns ../shared/data/<parts> beside the repository, skipping
// the test when it is absent (a fresh clone has no ../shared).
func sharedDir(t *testing.T, parts ...string) string {
	t.Helper()
	dir := filepath.Join(append([]string{repoRoot(t), "..", "shared", "data"}, parts...)...)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not present", dir)
	}
	return dir
}

// syntheaTruth is the part of a Synthea patient's truth file scored here.
type syntheaTruth struct {
	Encounters []struct {
		Start      string   `json:"start"`
		Facility   string   `json:"facility"`
		Conditions []string `json:"conditions_diagnosed"`
		NoteFiles  []string `json:"note_files"`
	} `json:"encounters"`
}

// renderSynthea writes one born-digital PDF of a patient's notes: per
// encounter a page (or more) with the facility as letterhead, the date of
// service and the note text.
func renderSynthea(t *testing.T, dir string, truth syntheaTruth, out string) {
	t.Helper()
	doc := fpdf.New("P", "pt", "Letter", "")
	doc.SetMargins(54, 54, 54)
	doc.SetAutoPageBreak(true, 54)
	tr := doc.UnicodeTranslatorFromDescriptor("")
	for _, e := range truth.Encounters {
		for _, nf := range e.NoteFiles {
			text, err := os.ReadFile(filepath.Join(dir, nf))
			if err != nil {
				t.Fatal(err)
			}
			doc.AddPage()
			doc.SetFont("Helvetica", "B", 13)
			doc.CellFormat(0, 18, tr(e.Facility), "", 1, "C", false, 0, "")
			doc.SetFont("Helvetica", "", 10)
			doc.CellFormat(0, 14, "Date of Service: "+e.Start[:10], "", 1, "L", false, 0, "")
			doc.Ln(6)
			doc.MultiCell(0, 12, tr(strings.TrimSpace(string(text))), "", "L", false)
		}
	}
	if err := doc.OutputFileAndClose(out); err != nil {
		t.Fatal(err)
	}
}

// dxWords are the lower-case words of a diagnosis without Synthea's
// "(finding)"/"(disorder)" suffix.
func dxWords(s string) string {
	s = regexp.MustCompile(`\s*\([a-z ]+\)\s*$`).ReplaceAllString(strings.ToLower(s), "")
	return strings.Join(strings.Fields(regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(s, " ")), " ")
}

// TestGeneralitySynthea renders each Synthea patient's notes into one
// born-digital PDF, processes it, and scores encounters (date + facility)
// and diagnosis recall against the patient's truth file. Records unlike
// the generated fixtures are where the extractor earns its keep.
func TestGeneralitySynthea(t *testing.T) {
	t.Parallel()
	dir := sharedDir(t, "synthea", "notes-and-truth")
	truths, _ := filepath.Glob(filepath.Join(dir, "*__truth.json"))
	if len(truths) == 0 {
		t.Skip("no Synthea truth files")
	}
	var enc, days eval.Score
	dxWant, dxGot, notOnPage, checked := 0, 0, 0, 0
	enc.Field = "encounters"
	for _, tf := range truths {
		var truth syntheaTruth
		b, err := os.ReadFile(tf)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &truth); err != nil {
			t.Fatal(err)
		}
		tmp := t.TempDir()
		file := filepath.Join(tmp, "patient.pdf")
		renderSynthea(t, dir, truth, file)
		out := filepath.Join(tmp, "out")
		code, stdout, stderr := run(t, "process", "--quiet", "--extractor", "rules", "--db", filepath.Join(tmp, "m.db"), "--out", out, file)
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s\n%s", filepath.Base(tf), code, stdout, stderr)
		}
		c := readChronology(t, out)
		g := regroundChronology(t, filepath.Join(tmp, "m.db"), c)
		checked += g.Checked
		notOnPage += g.NotOnPage

		want, got := map[string]bool{}, map[string]bool{}
		wantDay, gotDay := map[string]bool{}, map[string]bool{}
		dxByDate := map[string][]string{}
		for _, e := range c.Entries {
			got[e.Date.String()+" "+chronology.NormalizeProvider(e.Provider)] = true
			gotDay[e.Date.String()] = true
			for _, d := range e.Diagnoses {
				dxByDate[e.Date.String()] = append(dxByDate[e.Date.String()], dxWords(d.Description))
			}
		}
		for _, e := range truth.Encounters {
			if len(e.NoteFiles) == 0 {
				continue
			}
			date := e.Start[:10]
			want[date+" "+chronology.NormalizeProvider(e.Facility)] = true
			wantDay[date] = true
			for _, cond := range e.Conditions {
				dxWant++
				w := dxWords(cond)
				for _, g := range dxByDate[date] {
					if strings.Contains(g, w) {
						dxGot++
						break
					}
				}
			}
		}
		for k := range gotDay {
			if wantDay[k] {
				days.TP++
			} else {
				days.FP++
			}
		}
		for k := range wantDay {
			if !gotDay[k] {
				days.FN++
			}
		}
		for k := range got {
			if want[k] {
				enc.TP++
			} else {
				enc.FP++
				enc.Extra = append(enc.Extra, k)
			}
		}
		for k := range want {
			if !got[k] {
				enc.FN++
				enc.Missed = append(enc.Missed, k)
			}
		}
	}
	recall := float64(dxGot) / float64(max(dxWant, 1))
	t.Logf("Synthea, %d patients: encounter dates F1 %.3f (TP %d FP %d FN %d)", len(truths), days.F1(), days.TP, days.FP, days.FN)
	t.Logf("Synthea, %d patients: encounters (date + facility) P %.3f R %.3f F1 %.3f (TP %d FP %d FN %d); diagnosis recall %.3f (%d/%d); grounded quotes not on page %d of %d",
		len(truths), enc.Precision(), enc.Recall(), enc.F1(), enc.TP, enc.FP, enc.FN, recall, dxGot, dxWant, notOnPage, checked)
	if enc.FN+enc.FP > 0 {
		t.Logf("Synthea encounters missed %v; extra %v", head(enc.Missed), head(enc.Extra))
	}
	// Reached: dates 1.000, date + facility 1.000 (0.669 before the rules
	// extractor took a page's top line standing above the date of service
	// for a letterhead: Synthea prints bare location codes, "PCP72127").
	if days.F1() < 0.95 {
		t.Errorf("encounter date F1 %.3f < 0.95", days.F1())
	}
	if enc.F1() < 0.90 {
		t.Errorf("encounter F1 %.3f < 0.90; missed %v; extra %v", enc.F1(), head(enc.Missed), head(enc.Extra))
	}
	if recall < 0.85 {
		t.Errorf("diagnosis recall %.3f < 0.85", recall)
	}
	if notOnPage > 0 {
		t.Errorf("%d grounded quotes are not on their page", notOnPage)
	}
}

// regroundChronology re-checks c's grounded quotes against the pages
// stored in the database at db.
func regroundChronology(t *testing.T, db string, c chronology.Chronology) eval.Grounding {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	byDoc := map[string]map[int]extract.Page{}
	for _, d := range c.Documents {
		pages, err := st.PageTexts(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		byDoc[d.ID] = map[int]extract.Page{}
		for _, p := range pages {
			byDoc[d.ID][p.Number] = p
		}
	}
	return eval.CheckGrounding(c, func(doc string, n int) (extract.Page, bool) {
		p, ok := byDoc[doc][n]
		return p, ok
	})
}

// TestGeneralityMTSamples processes the ten rendered MTSamples PDFs: none
// may fail, and no verified quote may be off its page. Then the scans of
// the documents the clean run dates, OCR'd: the same documents must come
// out with the same entry dates, and no verified quote off its page.
//
// The scans of the documents the clean run leaves undated are not OCR'd:
// they have no entry, so no quote to check against the OCR text, only
// pages to read (13 of the 28 pages, half of this test's CPU time, about
// 16 s on a 2-core machine). What OCR can break here, the dates read and
// the quotes grounded on OCR words, is checked on every dated document.
func TestGeneralityMTSamples(t *testing.T) {
	t.Parallel()
	base := sharedDir(t, "rendered-pdfs", "mtsamples-pi")
	process := func(t *testing.T, name, in string) (chronology.Chronology, eval.Grounding) {
		t.Helper()
		tmp := t.TempDir()
		db := filepath.Join(tmp, "m.db")
		out := filepath.Join(tmp, "out")
		code, stdout, stderr := run(t, "process", "--quiet", "--extractor", "rules", "--db", db, "--out", out, in)
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s\n%s", name, code, stdout, stderr)
		}
		c := readChronology(t, out)
		g := regroundChronology(t, db, c)
		t.Logf("%s: %d documents, %d entries, grounded quotes not on page %d of %d", name, len(c.Documents), len(c.Entries), g.NotOnPage, g.Checked)
		if g.NotOnPage > 0 {
			t.Errorf("%s: grounded quotes not on their page: %v", name, g.Examples)
		}
		return c, g
	}
	clean, g := process(t, "clean", filepath.Join(base, "clean"))
	if len(clean.Documents) != 10 || g.Checked == 0 {
		t.Fatalf("clean: %d documents, %d quotes checked; want 10 and some", len(clean.Documents), g.Checked)
	}
	if testing.Short() {
		t.Skip("OCR run skipped in -short mode")
	}
	dated := mtsamplesDates(clean)
	scans := t.TempDir()
	for file := range dated {
		scan := strings.TrimSuffix(file, ".pdf") + "_scan.pdf"
		b, err := os.ReadFile(filepath.Join(base, "scanned", scan))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(scans, scan), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	scanned, g := process(t, "scanned", scans)
	if len(scanned.Documents) != len(dated) || g.Checked == 0 {
		t.Errorf("scanned: %d documents, %d quotes checked; want %d and some", len(scanned.Documents), g.Checked, len(dated))
	}
	got := map[string][]string{}
	for file, ds := range mtsamplesDates(scanned) {
		got[strings.TrimSuffix(file, "_scan.pdf")+".pdf"] = ds
	}
	for file, want := range dated {
		if !slices.Equal(got[file], want) {
			t.Errorf("%s: entry dates %v from the scan, %v from the clean PDF", file, got[file], want)
		}
	}
}

// mtsamplesDates returns the sorted entry dates of c by the file of the
// document each entry cites first.
func mtsamplesDates(c chronology.Chronology) map[string][]string {
	files := map[string]string{}
	for _, d := range c.Documents {
		files[d.ID] = d.File
	}
	out := map[string][]string{}
	for _, e := range c.Entries {
		if len(e.Citations) > 0 {
			f := files[e.Citations[0].DocumentID]
			out[f] = append(out[f], e.Date.String())
		}
	}
	for _, ds := range out {
		sort.Strings(ds)
	}
	return out
}
