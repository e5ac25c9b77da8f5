package realdocs

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/internal/testutil"
)

// sharedData returns ../shared/data beside the repository, skipping the
// test when it is absent (a fresh clone has no ../shared).
func sharedData(t *testing.T) string { return testutil.Shared(t, "data") }

const truthDir = "../../testdata/real"

// TestLabelsMatchSources checks every label against its document: the
// source has the digest the label recorded, and each date of service's
// printed text is on the clean rendering's text layer.
func TestLabelsMatchSources(t *testing.T) {
	data := sharedData(t)
	truths, err := Load(truthDir)
	if err != nil {
		t.Fatal(err)
	}
	src := NewSources(data)
	tmp := t.TempDir()
	for _, tr := range truths {
		if err := src.Verify(tr); err != nil {
			t.Error(err)
			continue
		}
		if len(tr.Dates) == 0 || tr.Renderings[0].Name != RenderingClean {
			continue
		}
		path, err := src.File(tr, tr.Renderings[0], tmp)
		if err != nil {
			t.Fatal(err)
		}
		pages, err := pdf.TextLayer(context.Background(), path)
		if err != nil {
			t.Fatalf("%s: %v", tr.ID, err)
		}
		var all []string
		for _, p := range pages {
			all = append(all, strings.Fields(p.Text)...)
		}
		text := strings.Join(all, " ")
		for _, d := range tr.Dates {
			if !strings.Contains(text, d.Text) {
				t.Errorf("%s: the printed text %q of date of service %s is not in the document", tr.ID, d.Text, d.Date)
			}
		}
	}
}

// TestRealDocuments runs the labelled set through the pipeline and logs
// the figures. It asserts nothing about accuracy (that is measured, not
// asserted): it fails only when the set cannot be run. Only born-digital
// renderings run here (OCR of the scanned ones takes minutes on a shared
// machine): set MEDCHRON_REAL_SCANNED=1 to run them too, or run
// "medchron eval --real", which always does. Every source, scanned ones
// included, is checked against its digest either way.
func TestRealDocuments(t *testing.T) {
	data := sharedData(t)
	opt := Options{TruthDir: truthDir, DataDir: data, Extractor: "rules"}
	if os.Getenv("MEDCHRON_REAL_SCANNED") == "" {
		opt.Renderings = []string{RenderingClean}
		t.Log("born-digital renderings only; MEDCHRON_REAL_SCANNED=1 runs the scanned ones too")
	}
	rep, err := Run(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	WriteMarkdown(&b, rep)
	t.Log("\n" + b.String())
	for _, err := range rep.Failures() {
		t.Error(err)
	}
	if s := Sum(rep.Results); s.Runs-s.Skipped-s.Failed == 0 {
		t.Error("no rendering was run")
	}
}
