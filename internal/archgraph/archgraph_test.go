package main

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/medchron/medchron/internal/testutil"
)

// forbidden are imports that would turn a dependency around: a package
// under (or equal to) From must not import To, directly or not.
var forbidden = []struct{ From, To, Why string }{
	{"chronology", "demand", "the demand letter is built from the chronology, not the other way"},
	{"chronology", "internal/export", "writing a matter's files is the application's job"},
	{"demand", "internal/export", "writing a matter's files is the application's job"},
	{"extract", "chronology", "extraction knows nothing of the chronology built from it"},
	{"extract", "pipeline", "extractors know nothing of the pipeline running them"},
	{"chronology", "web", "domain packages know nothing of HTTP"},
	{"demand", "web", "domain packages know nothing of HTTP"},
	{"pipeline", "web", "the pipeline knows nothing of HTTP"},
	{"pipeline", "internal/app", "the pipeline is wired by the application, not the reverse"},
	{"web", "internal/cli", "the command line sits above the web application"},
}

// graph loads the module's graph once for the tests of this file.
var graph = sync.OnceValues(func() (*Graph, error) {
	dir, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	return Load(filepath.Join(dir, "..", ".."))
})

func under(p, prefix string) bool { return p == prefix || strings.HasPrefix(p, prefix+"/") }

func TestDependencyDirection(t *testing.T) {
	t.Parallel()
	g, err := graph()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Deps) < 10 {
		t.Fatalf("go list found %d packages", len(g.Deps))
	}
	for _, p := range g.Packages() {
		for _, f := range forbidden {
			if !under(p, f.From) {
				continue
			}
			for q := range g.Deps {
				if under(q, f.To) && g.reaches(p, q, map[string]bool{}) {
					t.Errorf("%s imports %s (directly or not): %s", p, q, f.Why)
				}
			}
		}
	}
}

// TestArchitectureUpToDate fails when the package graph in ARCHITECTURE.md
// is not what `go list` says today: run go run ./internal/archgraph -w.
func TestArchitectureUpToDate(t *testing.T) {
	t.Parallel()
	root := testutil.RepoRoot(t)
	g, err := graph()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(filepath.Join(root, "ARCHITECTURE.md"))
	if err != nil {
		t.Fatal(err)
	}
	got, ok := Section(string(doc))
	if !ok {
		t.Fatal("ARCHITECTURE.md has no generated package graph: run go run ./internal/archgraph -w")
	}
	if want := g.Markdown(); got != want {
		t.Error("ARCHITECTURE.md's package graph is out of date: run go run ./internal/archgraph -w")
	}
}

func TestReplace(t *testing.T) {
	t.Parallel()
	doc := "# A\n\nbefore\n" + Begin + "\nold\n" + End + "\nafter\n"
	got, err := Replace(doc, Begin+"\nnew\n"+End+"\n")
	if err != nil {
		t.Fatal(err)
	}
	if want := "# A\n\nbefore\n" + Begin + "\nnew\n" + End + "\nafter\n"; got != want {
		t.Errorf("Replace = %q, want %q", got, want)
	}
	if _, err := Replace("no markers", "x"); err == nil {
		t.Error("Replace without markers: no error")
	}
}
