package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medchron/medchron/internal/testutil"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/internal/eval"
	"github.com/medchron/medchron/internal/fixture"
)

// repoRoot is the folder holding go.mod.
func repoRoot(t testing.TB) string { return testutil.RepoRoot(t) }

// run runs the command line and returns its exit status, stdout and stderr.
func run(t testing.TB, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func readChronology(t testing.TB, dir string) chronology.Chronology {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "chronology.json"))
	if err != nil {
		t.Fatal(err)
	}
	var c chronology.Chronology
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// validateSchema checks chronology.json against ../shared/spec when present.
func validateSchema(t *testing.T, path string) {
	t.Helper()
	schemaPath := filepath.Join(repoRoot(t), "..", "shared", "spec", "chronology.schema.json")
	if _, err := os.Stat(schemaPath); err != nil {
		t.Logf("schema not found at %s: schema validation skipped", schemaPath)
		return
	}
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Fatalf("%s is not valid against the schema: %v", path, err)
	}
}

// thresholds are the minimum F1 per field a golden run must reach.
type thresholds map[string]float64

func TestProcessGolden(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	bundle := filepath.Join(root, "testdata", "bundles", "small")
	truth, err := fixture.LoadTruth(filepath.Join(bundle, "truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		file string
		min  thresholds
	}{
		// Born-digital text is exact: near-perfect extraction is expected.
		{"born-digital.pdf", thresholds{"visit_type": 0.9, "encounters": 0.95, "providers": 0.95, "icd10": 0.95, "bill_lines": 0.95, "gaps": 1, "duplicates": 1, "pre_incident": 1, "citation_pages": 0.95}},
		// OCR misreads some characters: a little slack, but gaps and the
		// specials total must still be right.
		{"scanned.pdf", thresholds{"visit_type": 0.9, "encounters": 0.90, "providers": 0.90, "icd10": 0.90, "bill_lines": 0.90, "gaps": 1, "pre_incident": 1, "citation_pages": 0.90}},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			if tc.file == "scanned.pdf" && testing.Short() {
				t.Skip("OCR run skipped in -short mode")
			}
			var out string
			if tc.file == "scanned.pdf" {
				out = scannedOut(t) // shared with TestServerModeScalesOut
			} else {
				tmp := t.TempDir()
				out = filepath.Join(tmp, "out")
				inputs := filepath.Join(tmp, "inputs.json")
				if err := os.WriteFile(inputs, []byte(goldenDemandInputs), 0o600); err != nil {
					t.Fatal(err)
				}
				code, stdout, stderr := run(t, "process", "--db", filepath.Join(tmp, "m.db"), "--out", out, "--demand-inputs", inputs,
					"--matter", "golden", "--incident-date", truth.IncidentDate.String(), filepath.Join(bundle, tc.file))
				if code != 0 {
					t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
				}
			}
			for _, name := range []string{"chronology.json", "chronology.csv", "chronology.html", "chronology.xlsx", "chronology.docx", "demand.md", "demand.docx", "adjuster.md", "exhibit.pdf"} {
				if st, err := os.Stat(filepath.Join(out, name)); err != nil || st.Size() == 0 {
					t.Errorf("%s missing or empty: %v", name, err)
				}
			}
			validateSchema(t, filepath.Join(out, "chronology.json"))
			c := readChronology(t, out)
			r := eval.Compare(c, truth)
			var buf bytes.Buffer
			r.Write(&buf)
			t.Logf("%s against truth:\n%s", tc.file, buf.String())
			for field, min := range tc.min {
				s := r.Field(field)
				if s.F1() < min {
					t.Errorf("%s F1 %.3f < %.2f; missed %v; extra %v", field, s.F1(), min, head(s.Missed), head(s.Extra))
				}
			}
			if diff := r.SpecialsTotal - r.TruthTotal; diff > 0.005 || diff < -0.005 {
				t.Errorf("specials total $%.2f, truth $%.2f", r.SpecialsTotal, r.TruthTotal)
			}
			for _, e := range c.Entries {
				if len(e.Citations) == 0 {
					t.Errorf("entry %s has no citation", e.ID)
				}
			}
			md, _ := os.ReadFile(filepath.Join(out, "demand.md"))
			for _, want := range []string{demand.DraftBanner, "- Claim number: AM-22-104", "uninsured/underinsured motorist", demand.UnreviewedMark} {
				if !strings.Contains(string(md), want) {
					t.Errorf("demand.md lacks %q", want)
				}
			}
		})
	}
}

func head(s []string) []string {
	if len(s) > 8 {
		return s[:8]
	}
	return s
}

// TestProcessBadInput: each bad file gets one clear line naming it, the
// good file beside them is still processed, and the exit status says so.
func TestProcessBadInput(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	bad := filepath.Join(root, "testdata", "bad")
	good := filepath.Join(root, "testdata", "bundles", "small", "born-digital.pdf")
	tmp := t.TempDir()
	out := filepath.Join(tmp, "out")
	args := []string{"process", "--db", filepath.Join(tmp, "m.db"), "--out", out, "--matter", "bad"}
	want := map[string]string{
		"empty.pdf":     "empty",
		"truncated.pdf": "damaged",
		"encrypted.pdf": "password",
		"photo.pdf":     "JPEG",
		"notes.txt":     "not a PDF",
	}
	for name := range want {
		args = append(args, filepath.Join(bad, name))
	}
	args = append(args, filepath.Join(bad, "blank.pdf"), good)
	code, _, stderr := run(t, args...)
	if code != 1 {
		t.Errorf("exit status %d, want 1\n%s", code, stderr)
	}
	for name, word := range want {
		line := lineWith(stderr, name)
		if line == "" || !strings.Contains(strings.ToLower(line), strings.ToLower(word)) {
			t.Errorf("no clear error for %s (want %q) in:\n%s", name, word, stderr)
		}
	}
	if strings.Contains(stderr, "blank.pdf") {
		t.Errorf("a blank page is not an error:\n%s", stderr)
	}
	c := readChronology(t, out)
	if len(c.Documents) != 2 {
		t.Errorf("documents %d, want 2 (blank and good)", len(c.Documents))
	}
	if len(c.Entries) == 0 {
		t.Error("the good file's entries are missing")
	}
	for _, d := range c.Documents {
		if d.File == "blank.pdf" && (len(d.PageSources) != 1 || d.PageSources[0] != "empty") {
			t.Errorf("blank.pdf page sources %v, want [empty]", d.PageSources)
		}
	}
}

func lineWith(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}

// TestProcessTwiceNoDuplicates: running the same inputs into the same store
// stores nothing twice.
func TestProcessTwiceNoDuplicates(t *testing.T) {
	t.Parallel()
	// The first run is the shared run; the second goes into a copy of its
	// database with the same arguments.
	db, first := sharedCopy(t)
	counts := func() map[string]int {
		e, err := app.OpenEmbedded(context.Background(), app.Config{DBPath: db})
		if err != nil {
			t.Fatal(err)
		}
		defer e.Close(context.Background())
		got := map[string]int{}
		for _, table := range []string{"documents", "blobs", "pages", "facts", "entries", "bills", "matter_documents"} {
			var n int
			if err := e.Store.DB().QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
				t.Fatal(err)
			}
			got[table] = n
		}
		return got
	}
	marshal := func(c chronology.Chronology) []byte {
		c.GeneratedAt = ""
		b, _ := json.Marshal(c)
		return b
	}
	firstCounts, firstJSON := counts(), marshal(readChronology(t, first))
	if firstCounts["entries"] == 0 || firstCounts["pages"] == 0 {
		t.Fatalf("nothing stored: %v", firstCounts)
	}
	out := filepath.Join(t.TempDir(), "out")
	if code, stdout, stderr := run(t, processArgs(t, db, out)...); code != 0 {
		t.Fatalf("second run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	got := counts()
	for k, v := range firstCounts {
		if got[k] != v {
			t.Errorf("%s: %d rows after the second run, %d after the first", k, got[k], v)
		}
	}
	if !bytes.Equal(marshal(readChronology(t, out)), firstJSON) {
		t.Error("the second run's chronology differs from the first")
	}
}
