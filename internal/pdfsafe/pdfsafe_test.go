package pdfsafe_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/medchron/medchron/chronology/exhibit"
	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/internal/hostile"
	"github.com/medchron/medchron/internal/pdfsafe"
)

// activeCases are the hostile corpus's records that carry active content.
func activeCases(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, c := range hostile.Cases() {
		if c.Want != hostile.Accepted || strings.HasPrefix(c.File, "name-") || strings.HasPrefix(c.File, "text-") ||
			strings.HasPrefix(c.File, "junk") || strings.HasPrefix(c.File, "pdf20") || strings.HasPrefix(c.File, "header") {
			continue
		}
		data, err := c.Make()
		if err != nil {
			t.Fatal(err)
		}
		out[c.File] = data
	}
	if len(out) < 20 {
		t.Fatalf("%d active cases, want at least 20", len(out))
	}
	return out
}

// TestCleanRemovesActiveContent: every active case, cleaned, keeps its
// pages and text, and poppler finds no JavaScript, no link-out address
// and no embedded file in it; nor does a walk of its objects with pdfcpu.
func TestCleanRemovesActiveContent(t *testing.T) {
	needPoppler(t)
	dir := t.TempDir()
	for name, data := range activeCases(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel() // each case has its own files in dir
			before := poppler(t, dir, "orig-"+name, data)
			if before.js == "" && before.urls == "" && before.attached == 0 && !hasActive(t, data) {
				t.Fatalf("the case carries no active content to remove")
			}
			out, rep, err := pdfsafe.Clean(context.Background(), name, data)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Total() == 0 {
				t.Errorf("report %v: nothing removed", rep)
			}
			after := poppler(t, dir, name, out)
			if after.js != "" || after.urls != "" || after.attached != 0 {
				t.Errorf("after cleaning: javascript %q, urls %q, %d embedded files", after.js, after.urls, after.attached)
			}
			if after.pages != before.pages || !strings.Contains(after.text, "Assessment") {
				t.Errorf("after cleaning: %d pages (was %d), text %q", after.pages, before.pages, after.text)
			}
			if hasActive(t, out) {
				t.Error("pdfcpu still finds active content")
			}
			for _, s := range []string{"198.51.100.7", "MZ\x90\x00", "app.alert", "calc.exe", "cmd.exe"} {
				if bytes.Contains(out, []byte(s)) {
					t.Errorf("the cleaned file still holds %q", s)
				}
			}
		})
	}
}

// TestExhibitWithoutActiveContent: an exhibit of every active case
// carries none of it.
func TestExhibitWithoutActiveContent(t *testing.T) {
	needPoppler(t)
	var docs []exhibit.Doc
	n := 1
	var names []string
	for name := range activeCases(t) {
		names = append(names, name)
	}
	pages := 0
	for _, name := range sortStrings(names) {
		data := activeCases(t)[name]
		pctx, err := pdf.Open(context.Background(), name, data)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, exhibit.Doc{File: name, Bytes: data, BatesFirst: exhibit.Bates("MC", n)})
		n += pctx.PageCount
		pages += pctx.PageCount
	}
	var buf bytes.Buffer
	if err := exhibit.Build(context.Background(), &buf, docs, exhibit.Options{BatesPrefix: "MC"}); err != nil {
		t.Fatal(err)
	}
	got := poppler(t, t.TempDir(), "exhibit.pdf", buf.Bytes())
	if got.js != "" || got.urls != "" || got.attached != 0 {
		t.Errorf("exhibit: javascript %q, urls %q, %d embedded files", got.js, got.urls, got.attached)
	}
	if got.pages != pages {
		t.Errorf("exhibit has %d pages, want %d", got.pages, pages)
	}
	if hasActive(t, buf.Bytes()) {
		t.Error("pdfcpu finds active content in the exhibit")
	}
}

func sortStrings(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func needPoppler(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdfinfo", "pdfdetach", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (scripts/setup-debian.sh installs poppler-utils)", tool)
		}
	}
}

// popplerView is what poppler's tools read from a file.
type popplerView struct {
	js, urls, text string
	attached       int
	pages          int
}

func poppler(t *testing.T, dir, name string, data []byte) popplerView {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		out, _ := exec.Command(args[0], args[1:]...).Output() // stdout: poppler's complaints go to stderr
		return string(out)
	}
	var v popplerView
	v.js = strings.TrimSpace(run("pdfinfo", "-js", path))
	// pdfinfo -js prints the document information after the scripts.
	if j := strings.Index("\n"+v.js, "\nProducer:"); j >= 0 {
		v.js = strings.TrimSpace(v.js[:max(0, j-1)])
	}
	if j := strings.Index("\n"+v.js, "\nTitle:"); j >= 0 {
		v.js = strings.TrimSpace(v.js[:max(0, j-1)])
	}
	for _, line := range strings.Split(run("pdfinfo", path), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "Pages:" {
			v.pages = atoi(f[1])
		}
	}
	// pdfinfo -url lists "Page Type URL" rows after a header line.
	if rows := strings.Split(strings.TrimSpace(run("pdfinfo", "-url", path)), "\n"); len(rows) > 1 {
		v.urls = strings.Join(rows[1:], "; ")
	}
	if f := strings.Fields(run("pdfdetach", "-list", path)); len(f) > 0 {
		v.attached = atoi(f[0])
	}
	v.text = run("pdftotext", path, "-")
	return v
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return n
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// hasActive walks every object pdfcpu reads from data for an action other
// than in-document navigation, an /AA, /OpenAction, /JS, /EmbeddedFiles,
// /EF or /XFA entry.
func hasActive(t *testing.T, data []byte) bool {
	t.Helper()
	pctx, err := pdf.Open(context.Background(), "x.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	var walk func(o types.Object, depth int)
	walk = func(o types.Object, depth int) {
		if depth > 100 || found {
			return
		}
		switch v := o.(type) {
		case types.StreamDict:
			walk(v.Dict, depth)
		case types.Dict:
			for _, k := range []string{"AA", "OpenAction", "JS", "JavaScript", "EmbeddedFiles", "EF", "XFA", "URI", "FS"} {
				if _, ok := v[k]; ok {
					found = true
				}
			}
			if s, ok := v["S"].(types.Name); ok {
				switch string(s) {
				case "JavaScript", "Launch", "URI", "SubmitForm", "ImportData", "ResetForm", "GoToR", "GoToE", "Rendition":
					found = true
				case "Named":
					if n, _ := v["N"].(types.Name); n != "NextPage" && n != "PrevPage" && n != "FirstPage" && n != "LastPage" {
						found = true
					}
				}
			}
			for _, x := range v {
				walk(x, depth+1)
			}
		case types.Array:
			for _, x := range v {
				walk(x, depth+1)
			}
		}
	}
	for n, e := range pctx.XRefTable.Table {
		if e == nil || e.Free || n == 0 {
			continue
		}
		o, err := pctx.XRefTable.Dereference(*types.NewIndirectRef(n, 0))
		if err == nil {
			walk(o, 0)
		}
	}
	return found
}
