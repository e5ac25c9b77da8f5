package check_test

import (
	"context"
	"os/exec"
	"sync"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/demand/check"
	"github.com/medchron/medchron/internal/fixture"
	"github.com/medchron/medchron/internal/genmatter"
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
func generatedMatter(t testing.TB) chronology.Chronology {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	genOnce.Do(func() {
		genC, _, genErr = genmatter.Chronology(context.Background(), t.TempDir(), fixture.Bench(60))
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

// BenchmarkCheckLetter checks every section of the offline letter of the
// generated matter (the editor re-checks a section on each save).
func BenchmarkCheckLetter(b *testing.B) {
	c := generatedMatter(b)
	d := demand.Generate(c, demand.Options{})
	k := check.New(c, check.Options{})
	b.ResetTimer()
	for b.Loop() {
		for _, s := range d.Sections {
			k.Check(s.Body)
		}
	}
}
