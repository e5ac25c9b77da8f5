package cli

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medchron/medchron/internal/hostile"
)

// TestProcessBatesSettings: --bates-prefix numbers the matter's pages with
// the firm's prefix and --keep-sender-bates keeps the numbers a sender
// stamped on a record; both are kept for the matter, so a later run
// without the flags numbers the same way. A bad prefix stops the run
// before anything is stored.
func TestProcessBatesSettings(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	if err := os.MkdirAll(in, 0o700); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"a-plain.pdf":   hostile.Record,
		"b-stamped.pdf": strings.Replace(hostile.Record, "03/14/2024", "03/20/2024", 1) + "\n\n\nVIS 000041",
	} {
		if err := os.WriteFile(filepath.Join(in, name), hostile.Page(text, "", "").Bytes("/Root 1 0 R"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(tmp, "m.db")
	ranges := func(out string) map[string]string {
		t.Helper()
		got := map[string]string{}
		for _, d := range readChronology(t, out).Documents {
			got[d.File] = d.BatesFirst
			if d.SenderBates {
				got[d.File] += " (sender)"
			}
		}
		return got
	}

	code, _, stderr := run(t, "process", "--quiet", "--db", db, "--out", filepath.Join(tmp, "bad"), "--matter", "doe", "--bates-prefix", "9x", in)
	if code == 0 || !strings.Contains(stderr, "--bates-prefix") {
		t.Errorf("a bad prefix: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(tmp, "bad")); err == nil {
		t.Error("a run with a bad prefix wrote an output folder")
	}

	out := filepath.Join(tmp, "out")
	code, stdout, stderr := run(t, "process", "--quiet", "--db", db, "--out", out, "--matter", "doe", "--bates-prefix", "doe", "--keep-sender-bates", in)
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	want := map[string]string{"a-plain.pdf": "DOE000001", "b-stamped.pdf": "VIS 000041 (sender)"}
	if got := ranges(out); !maps.Equal(got, want) {
		t.Errorf("Bates = %v, want %v", got, want)
	}
	if _, err := os.Stat(filepath.Join(out, "exhibit.pdf")); err != nil {
		t.Errorf("no exhibit: %v", err)
	}

	again := filepath.Join(tmp, "again")
	if code, stdout, stderr := run(t, "process", "--quiet", "--db", db, "--out", again, "--matter", "doe", in); code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if got := ranges(again); !maps.Equal(got, want) {
		t.Errorf("a later run without the flags: Bates = %v, want %v (the matter keeps its settings)", got, want)
	}
}
