package check_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/demand/check"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/extract/rules"
	"github.com/medchron/medchron/internal/fixture"
)

var (
	genOnce sync.Once
	genC    chronology.Chronology
	genErr  error
)

// generatedMatter is a 60-page generated bundle (ER, imaging, orthopaedics,
// physical therapy, chiropractic, pain management, primary care before the
// incident, bills) read by the rules extractor from its text layer, with
// every entry marked reviewed by a person.
func generatedMatter(t *testing.T) chronology.Chronology {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	genOnce.Do(func() {
		ctx := context.Background()
		dir := t.TempDir()
		tr, err := fixture.WriteBornDigitalBundle(ctx, dir, fixture.Bench(60))
		if err != nil {
			genErr = err
			return
		}
		pages, err := pdf.TextLayer(ctx, filepath.Join(dir, fixture.BornDigitalFile))
		if err != nil {
			genErr = err
			return
		}
		for i := range pages {
			pages[i].DocumentID = "doc-1"
		}
		doc := extract.Document{ID: "doc-1", File: "records.pdf", SHA256: "generated", Pages: len(pages)}
		res, err := rules.New(rules.Options{}).Extract(ctx, doc, pages)
		if err != nil {
			genErr = err
			return
		}
		m := chronology.Matter{ID: "M-GEN", Client: tr.Patient, DateOfIncident: tr.IncidentDate, GapDays: tr.GapDays}
		genC = chronology.Build(m, []chronology.Source{{Document: chronology.Document{Document: doc}, Pages: pages,
			Result: res, Extractor: "rules"}}, chronology.Options{})
		for i := range genC.Entries {
			genC.Entries[i].Review = chronology.ReviewVerified
		}
	})
	if genErr != nil {
		t.Fatal(genErr)
	}
	return genC
}

// TestGeneratedLetterReconciles runs the checker on every section of the
// offline letter of a generated matter: every amount, date, provider,
// diagnosis and visit count must reconcile.
func TestGeneratedLetterReconciles(t *testing.T) {
	c := generatedMatter(t)
	k := check.New(c, check.Options{})
	d := demand.Generate(c, demand.Options{})
	total, failed := 0, 0
	byKind := map[check.Kind]int{}
	for _, s := range d.Sections {
		r := k.Check(s.Body)
		for _, sn := range r.Sentences {
			for _, f := range sn.Findings {
				byKind[f.Kind]++
			}
		}
		n, f := r.Checked()
		total += n
		failed += f
		for _, bad := range r.Failed() {
			for _, f := range bad.Failures() {
				t.Errorf("section %s: %s %q: %s\n  in: %s", s.Key, f.Kind, f.Text, f.Reason, bad.Text)
			}
		}
	}
	t.Logf("%d findings checked, %d failed; by kind %v", total, failed, byKind)
	for _, kind := range []check.Kind{check.KindAmount, check.KindDate, check.KindProvider, check.KindDiagnosis, check.KindVisitCount} {
		if byKind[kind] == 0 {
			t.Errorf("no %s found in the whole letter", kind)
		}
	}
}
