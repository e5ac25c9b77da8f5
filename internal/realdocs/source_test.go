package realdocs

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract/pdf"
)

func hexSum(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

const (
	mtCSV = "note_id,sample_name,transcription\n" +
		"7,Ortho Consult,\"HISTORY:,  Fell on 1/15/2001.,PLAN:,1. Rest, ice.\"\n" +
		"8,Other,\"EXAM:, normal.\"\n"
	noteTxt = "\n2015-12-13\n\n# Assessment and Plan\nPatient is presenting with whiplash injury to neck.\n"
)

// sourceSet is a data folder with a note file and a CSV, and a label of each.
func sourceSet(t *testing.T) (dir string, note, row Truth) {
	t.Helper()
	dir = t.TempDir()
	writeFile(t, filepath.Join(dir, "synthea", "n.txt"), noteTxt)
	writeFile(t, filepath.Join(dir, "mt", "m.csv"), mtCSV)
	note = validTruth()
	note.Renderings = []Rendering{{Name: RenderingClean, Path: "synthea/n.txt", SHA256: hexSum(noteTxt),
		Render: RenderSyntheaNote, Letterhead: "BAYSTATE FRANKLIN MEDICAL CENTER"}}
	row = validTruth()
	row.ID = "mt-7"
	row.Renderings = []Rendering{{Name: RenderingClean, Path: "mt/m.csv", Row: "7", Render: RenderMTSamplesRow,
		SHA256: hexSum("Ortho Consult\nHISTORY:,  Fell on 1/15/2001.,PLAN:,1. Rest, ice.")}}
	return dir, note, row
}

func TestVerifyDetectsChange(t *testing.T) {
	cases := []struct {
		name    string
		change  func(t *testing.T, dir string)
		which   func(note, row Truth) Truth
		changed bool // want ErrChanged
		fails   bool // want an error
	}{
		{"file unchanged", func(*testing.T, string) {}, func(n, _ Truth) Truth { return n }, false, false},
		{"row unchanged, another row edited", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "mt", "m.csv"), strings.Replace(mtCSV, "normal", "abnormal", 1))
		}, func(_, r Truth) Truth { return r }, false, false},
		{"file edited", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "synthea", "n.txt"), strings.Replace(noteTxt, "2015-12-13", "2015-12-14", 1))
		}, func(n, _ Truth) Truth { return n }, true, true},
		{"row edited", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "mt", "m.csv"), strings.Replace(mtCSV, "1/15/2001", "1/16/2001", 1))
		}, func(_, r Truth) Truth { return r }, true, true},
		{"sample name edited", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "mt", "m.csv"), strings.Replace(mtCSV, "Ortho Consult", "Ortho Letter", 1))
		}, func(_, r Truth) Truth { return r }, true, true},
		{"file gone", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, "synthea", "n.txt")); err != nil {
				t.Fatal(err)
			}
		}, func(n, _ Truth) Truth { return n }, false, true},
		{"row gone", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "mt", "m.csv"), "note_id,sample_name,transcription\n8,Other,x\n")
		}, func(_, r Truth) Truth { return r }, false, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir, note, row := sourceSet(t)
			tc.change(t, dir)
			tr := tc.which(note, row)
			err := NewSources(dir).Verify(tr)
			if (err != nil) != tc.fails || errors.Is(err, ErrChanged) != tc.changed {
				t.Fatalf("Verify = %v; want error %v, ErrChanged %v", err, tc.fails, tc.changed)
			}
			// File refuses what Verify refuses.
			if _, err := NewSources(dir).File(tr, tr.Renderings[0], t.TempDir()); (err != nil) != tc.fails {
				t.Errorf("File = %v; want error %v", err, tc.fails)
			}
		})
	}
}

func TestMTSamplesLines(t *testing.T) {
	got := MTSamplesLines("CHIEF COMPLAINT: ,Neck pain.,HISTORY:,  Seen 1,500 times, then,1. Rest.,2. Ice.,Range of motion:,Flexion 50.,Extension 20.")
	want := []string{"CHIEF COMPLAINT: ,Neck pain.", "", "HISTORY:,  Seen 1,500 times, then", "1. Rest.", "2. Ice.",
		"Range of motion:,Flexion 50.", "Extension 20."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines\n got %q\nwant %q", got, want)
	}
}

// TestRender lays out a CSV row and a note: the same source gives the same
// bytes, and the text layer holds the letterhead, title and lines.
func TestRender(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	dir, note, row := sourceSet(t)
	src := NewSources(dir)
	cases := []struct {
		truth Truth
		want  []string
	}{
		{note, []string{"BAYSTATE FRANKLIN MEDICAL CENTER", "2015-12-13", "# Assessment and Plan", "Patient is presenting with whiplash injury to neck."}},
		{row, []string{"Ortho Consult", "HISTORY:, Fell on 1/15/2001.", "PLAN:,1. Rest, ice."}},
	}
	for _, tc := range cases {
		t.Run(tc.truth.ID, func(t *testing.T) {
			a, err := src.File(tc.truth, tc.truth.Renderings[0], t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			b, err := src.File(tc.truth, tc.truth.Renderings[0], t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			ab, _ := os.ReadFile(a)
			bb, _ := os.ReadFile(b)
			if !bytes.Equal(ab, bb) || len(ab) == 0 {
				t.Error("two renderings of the same source differ")
			}
			pages, err := pdf.TextLayer(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			var text strings.Builder
			for _, p := range pages {
				text.WriteString(p.Text + "\n")
			}
			lines := map[string]bool{}
			for _, l := range strings.Split(text.String(), "\n") {
				lines[strings.Join(strings.Fields(l), " ")] = true
			}
			for _, w := range tc.want {
				if !lines[w] {
					t.Errorf("no line %q in the rendered text:\n%s", w, text.String())
				}
			}
		})
	}
}
