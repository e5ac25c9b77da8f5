package adjuster

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"testing"

	"github.com/medchron/medchron/internal/fixture"
	"github.com/medchron/medchron/internal/genmatter"
)

// TestGeneratedMatter reads a generated 60-page matter, whose truth holds a
// treatment gap, a primary-care visit before the incident and pain scores:
// the read must find the gap and the prior history, each point citing
// pages of the bundle.
func TestGeneratedMatter(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	c, tr, err := genmatter.Chronology(context.Background(), t.TempDir(), fixture.Bench(60))
	if err != nil {
		t.Fatal(err)
	}
	ps := Read(c, Options{})
	byKind := map[string]int{}
	for _, p := range ps {
		byKind[p.Kind]++
		for _, ct := range p.Citations {
			if ct.Page < 1 || ct.Page > tr.Pages || ct.Quote == "" {
				t.Errorf("point %s cites page %d (bundle of %d pages), quote %q", p.Kind, ct.Page, tr.Pages, ct.Quote)
			}
		}
	}
	t.Logf("%d points: %v (truth: %d gaps)", len(ps), byKind, len(tr.Gaps))
	if byKind[KindGap] != len(tr.Gaps) || len(tr.Gaps) == 0 {
		t.Errorf("%d gap points, truth has %d gaps", byKind[KindGap], len(tr.Gaps))
	}
	if byKind[KindPriorHistory] == 0 {
		t.Error("no prior-history point, the bundle has a visit before the incident")
	}
	var b bytes.Buffer
	if err := Markdown(&b, c, ps); err != nil {
		t.Fatal(err)
	}
	if strings.Count(b.String(), "**Attorney's answer:**") != len(ps) {
		t.Error("a point has no answer slot")
	}
}
