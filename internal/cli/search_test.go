package cli

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/store/sqlite"
)

// TestSearchCommand searches the born-digital bundle as processed: the
// pipeline indexed the matter, so search never has to.
func TestSearchCommand(t *testing.T) {
	t.Setenv("MEDCHRON_EMBEDDING_MODEL", "")
	db, _ := sharedCopy(t) // the born-digital bundle, processed
	var code int
	var stdout, stderr string
	tests := []struct {
		name   string
		args   []string
		code   int
		first  string // in the first result line
		stderr string
	}{
		{"phrase", []string{"--matter", "shared", "Canadian C-spine rule"}, 0, "born-digital.pdf p.1", ""},
		{"flags after words", []string{"ketorolac", "--matter", "shared", "--limit", "3"}, 0, "born-digital.pdf p.", ""},
		{"entry", []string{"--matter", "shared", "S16.1XXA"}, 0, "", ""},
		{"hostile", []string{"--matter", "shared", `"AND OR NOT -*:`}, 0, "", ""},
		{"unknown matter", []string{"--matter", "nope", "neck"}, 1, "", `no matter "nope"`},
		{"no query", []string{"--matter", "shared"}, 2, "", "Usage"},
		{"bad limit", []string{"--matter", "shared", "--limit", "0", "neck"}, 1, "", "--limit"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := run(t, append([]string{"search", "--db", db}, tc.args...)...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, stdout, stderr)
			}
			if tc.first != "" && !strings.Contains(firstLine(stdout), tc.first) {
				t.Errorf("first result %q, want %q\n%s", firstLine(stdout), tc.first, stdout)
			}
			if tc.stderr != "" && !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stderr %q, want %q", stderr, tc.stderr)
			}
			if tc.name == "flags after words" && strings.Count(stdout, "\n    ") > 3 {
				t.Errorf("more than 3 results:\n%s", stdout)
			}
			// The pipeline indexed the matter as it processed it.
			if strings.Contains(stderr, "indexing") {
				t.Errorf("search had to index the matter itself: %s", stderr)
			}
		})
	}
	// An entry is found by its diagnosis code, with its date and provider.
	_, stdout, _ = run(t, "search", "--db", db, "--matter", "shared", "--limit", "20", "S16.1XXA")
	if !strings.Contains(stdout, "entry  2023-12-06") {
		t.Errorf("no entry of 2023-12-06 among:\n%s", stdout)
	}
	// While another process holds the database, search says why it cannot run.
	unlock, err := sqlite.Lock(db)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	code, _, stderr = run(t, "search", "--db", db, "--matter", "shared", "neck")
	if code != 1 || !strings.Contains(stderr, "medchron process") {
		t.Errorf("locked database: exit %d, stderr %q", code, stderr)
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
