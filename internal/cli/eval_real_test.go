package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// realSet writes a labelled set of one note (rendered under a letterhead)
// and the data folder holding it; edit changes the note after labelling.
func realSet(t *testing.T, edit bool) (truth, data string) {
	t.Helper()
	truth, data = t.TempDir(), t.TempDir()
	note := "\n2024-03-04\n\n# Assessment and Plan\nPatient is presenting with whiplash injury to neck.\n"
	sum := sha256.Sum256([]byte(note))
	if edit {
		note = strings.Replace(note, "2024-03-04", "2024-03-05", 1)
	}
	if err := os.WriteFile(filepath.Join(data, "note.txt"), []byte(note), 0o644); err != nil {
		t.Fatal(err)
	}
	label := map[string]any{
		"id": "note-1", "why": "a dated note", "class": "clinical_note", "provider": "Lakeview Clinic",
		"clinician": "", "diagnoses": []any{}, "notes": "dated by its first line",
		"dates_of_service": []any{map[string]string{"date": "2024-03-04", "text": "2024-03-04"}},
		"renderings": []any{map[string]string{"name": "clean", "path": "note.txt", "sha256": hex.EncodeToString(sum[:]),
			"render": "synthea-note", "letterhead": "Lakeview Clinic"}},
	}
	for name, v := range map[string]any{"note-1.json": label, "index.json": map[string][]string{"documents": {"note-1.json"}}} {
		b, _ := json.Marshal(v)
		if err := os.WriteFile(filepath.Join(truth, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return truth, data
}

func TestEvalReal(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		edit bool
		args []string
		code int
		out  []string // in stdout
		err  string   // in stderr
	}{
		{"one note", false, nil, 0, []string{"rules extractor: 1 documents, 1 runs (0 skipped, 0 failed)",
			"| born-digital | 1 | 1 of 1 (100 %) | 1 of 1 (100 %) | 0 (0) |", "| note-1 | clean | clinical_note | yes | yes | 0 | - |"}, ""},
		{"source changed since labelled", true, nil, 1, nil, "source changed since it was labelled"},
		{"with --out", false, []string{"--out", "x"}, 1, nil, "do not apply to --real"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			truth, data := realSet(t, tc.edit)
			args := append([]string{"eval", "--real", "--truth", truth, "--data", data, "--extractor", "rules"}, tc.args...)
			code, stdout, stderr := run(t, args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, stdout, stderr)
			}
			for _, w := range tc.out {
				if !strings.Contains(stdout, w) {
					t.Errorf("output lacks %q:\n%s", w, stdout)
				}
			}
			if !strings.Contains(stderr, tc.err) {
				t.Errorf("stderr lacks %q:\n%s", tc.err, stderr)
			}
		})
	}
}
