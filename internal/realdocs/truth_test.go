package realdocs

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract/dates"
)

const sum64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

func validTruth() Truth {
	return Truth{ID: "mt-1", Why: "a note", Notes: "dated by its header", Class: ClassClinicalNote,
		Dates:      []ServiceDate{{Date: day("2024-03-04"), Text: "DOS 03/04/2024"}},
		Renderings: []Rendering{{Name: RenderingClean, Path: "a/b.pdf", SHA256: sum64}}}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name   string
		change func(*Truth)
		msg    string // "" when valid
	}{
		{"valid", func(*Truth) {}, ""},
		{"valid undated", func(t *Truth) { t.Dates = nil; t.Undated = true }, ""},
		{"valid not a record", func(t *Truth) { t.Dates = nil; t.Class = ClassNotRecord }, ""},
		{"valid CSV row", func(t *Truth) { t.Renderings[0].Render = RenderMTSamplesRow; t.Renderings[0].Row = "3102" }, ""},
		{"bad id", func(t *Truth) { t.ID = "Mt 1" }, "id must be"},
		{"unknown class", func(t *Truth) { t.Class = "note" }, "class"},
		{"no notes", func(t *Truth) { t.Notes = " " }, "why and notes"},
		{"no rendering", func(t *Truth) { t.Renderings = nil }, "no rendering"},
		{"dated and undated", func(t *Truth) { t.Undated = true }, "exactly one"},
		{"neither dated nor undated", func(t *Truth) { t.Dates = nil }, "exactly one"},
		{"not a record with a date", func(t *Truth) { t.Class = ClassNotRecord }, "not a record"},
		{"zero date", func(t *Truth) { t.Dates[0].Date = dates.Date{} }, "not a date"},
		{"stay ending first", func(t *Truth) { t.Dates[0].End = day("2024-03-01") }, "ends before"},
		{"no printed text", func(t *Truth) { t.Dates[0].Text = "" }, "no printed text"},
		{"bad acceptable date", func(t *Truth) { t.Acceptable = []dates.Date{{Year: 2024, Month: 2, Day: 30}} }, "acceptable"},
		{"bad rendering name", func(t *Truth) { t.Renderings[0].Name = "fax" }, "rendering name"},
		{"absolute path", func(t *Truth) { t.Renderings[0].Path = "/etc/passwd" }, "relative"},
		{"path leaving the folder", func(t *Truth) { t.Renderings[0].Path = "../x.pdf" }, "relative"},
		{"short digest", func(t *Truth) { t.Renderings[0].SHA256 = "abc" }, "sha256"},
		{"CSV without row", func(t *Truth) { t.Renderings[0].Render = RenderACIBenchRow }, "needs its row"},
		{"file with row", func(t *Truth) { t.Renderings[0].Row = "1" }, "no row"},
		{"unknown render", func(t *Truth) { t.Renderings[0].Render = "html" }, "unknown render"},
		{"letterhead on a PDF", func(t *Truth) { t.Renderings[0].Letterhead = "X" }, "letterhead"},
		{"two clean renderings", func(t *Truth) { t.Renderings = append(t.Renderings, t.Renderings[0]) }, "two renderings"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tr := validTruth()
			tc.change(&tr)
			err := tr.Validate()
			switch {
			case tc.msg == "" && err != nil:
				t.Errorf("unexpected error %v", err)
			case tc.msg != "" && (err == nil || !strings.Contains(err.Error(), tc.msg)):
				t.Errorf("error %v, want one mentioning %q", err, tc.msg)
			}
		})
	}
}

// writeSet writes truths and an index listing names into a new folder.
func writeSet(t *testing.T, names []string, truths ...Truth) string {
	t.Helper()
	dir := t.TempDir()
	for _, tr := range truths {
		b, err := json.Marshal(tr)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, tr.ID+".json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, _ := json.Marshal(map[string][]string{"documents": names})
	if err := os.WriteFile(filepath.Join(dir, IndexFile), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestLoad(t *testing.T) {
	a, b := validTruth(), validTruth()
	b.ID = "mt-2"
	cases := []struct {
		name  string
		setup func(t *testing.T) string
		msg   string
	}{
		{"valid", func(t *testing.T) string { return writeSet(t, []string{"mt-1.json", "mt-2.json"}, a, b) }, ""},
		{"no index", func(t *testing.T) string { return t.TempDir() }, IndexFile},
		{"empty index", func(t *testing.T) string { return writeSet(t, nil) }, "lists no documents"},
		{"file not listed", func(t *testing.T) string { return writeSet(t, []string{"mt-1.json"}, a, b) }, "not listed"},
		{"listed twice", func(t *testing.T) string { return writeSet(t, []string{"mt-1.json", "mt-1.json"}, a) }, "twice"},
		{"listed file missing", func(t *testing.T) string { return writeSet(t, []string{"mt-1.json", "mt-9.json"}, a) }, "mt-9.json"},
		{"misspelt field", func(t *testing.T) string {
			dir := writeSet(t, []string{"mt-1.json"}, a)
			raw := `{"id":"mt-1","why":"w","notes":"n","class":"clinical_note","undated":true,"provder":"X",` +
				`"renderings":[{"name":"clean","path":"a.pdf","sha256":"` + sum64 + `"}]}`
			if err := os.WriteFile(filepath.Join(dir, "mt-1.json"), []byte(raw), 0o644); err != nil {
				t.Fatal(err)
			}
			return dir
		}, "provder"},
		{"invalid label", func(t *testing.T) string {
			bad := validTruth()
			bad.Undated = true
			return writeSet(t, []string{"mt-1.json"}, bad)
		}, "exactly one"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Load(tc.setup(t))
			switch {
			case tc.msg == "" && err != nil:
				t.Errorf("unexpected error %v", err)
			case tc.msg != "" && (err == nil || !strings.Contains(err.Error(), tc.msg)):
				t.Errorf("error %v, want one mentioning %q", err, tc.msg)
			case tc.msg == "" && len(got) == 0:
				t.Error("nothing loaded")
			}
		})
	}
	t.Run("id must match its file name", func(t *testing.T) {
		dir := writeSet(t, []string{"mt-3.json"})
		raw, _ := json.Marshal(a) // id mt-1 in mt-3.json
		if err := os.WriteFile(filepath.Join(dir, "mt-3.json"), raw, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "match the file name") {
			t.Errorf("error %v, want a mismatch of id and file name", err)
		}
	})
}

// reserved are the documents ../shared/data/README.md keeps for measuring:
// they must never be labelled.
var reserved = map[string][]string{
	"mtsamples/mtsamples_pi_subset_dedup.csv": {"3267", "2096", "4607", "1862", "1867", "1679", "489", "3097",
		"3865", "1871", "3094", "3843", "1692", "488", "3597", "3088", "1866", "2275", "3098"},
	"aws-idp-samples/CMS1500.png":                                                      nil,
	"aws-idp-samples/discharge-summary.png":                                            nil,
	"aws-idp-samples/dr-note-sample.png":                                               nil,
	"aws-idp-samples/insurance_invoice.png":                                            nil,
	"hl7-carin-bb-eob-examples/ExplanationOfBenefit_EOBInpatientInstitutionalEx1.json": nil,
	"hl7-carin-bb-eob-examples/ExplanationOfBenefit_EOBProfessionalEx1.json":           nil,
	"hl7-ccda-examples/History_and_Physical__History_and_Physical.xml":                 nil,
}

// TestLabelledSet loads testdata/real: at least 30 documents, every label
// valid, none of them reserved for measuring.
func TestLabelledSet(t *testing.T) {
	truths, err := Load(filepath.Join("..", "..", "testdata", "real"))
	if err != nil {
		t.Fatal(err)
	}
	if len(truths) < 30 {
		t.Errorf("%d labelled documents, want at least 30", len(truths))
	}
	classes := map[string]int{}
	for _, tr := range truths {
		classes[tr.Class]++
		for _, r := range tr.Renderings {
			rows, isReserved := reserved[r.Path]
			if isReserved && (len(rows) == 0 || slices.Contains(rows, r.Row)) {
				t.Errorf("%s labels %s %s, which is reserved for measuring", tr.ID, r.Path, r.Row)
			}
			if strings.Contains(r.Path, "History_and_Physical") {
				t.Errorf("%s labels the reserved History and Physical", tr.ID)
			}
		}
	}
	t.Logf("%d labelled documents by class: %v", len(truths), classes)
}
