package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/medchron/medchron/internal/eval"
	"github.com/medchron/medchron/internal/fixture/zoo"
	"github.com/medchron/medchron/internal/realdocs"
)

// familyRegistry loads the zoo registry at path, or at zoo.RegistryFile
// when path is empty and that file exists; nil when there is none.
func familyRegistry(path string) (map[string]eval.FamilyInfo, error) {
	if path == "" {
		if _, err := os.Stat(zoo.RegistryFile); errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		path = zoo.RegistryFile
	}
	reg, err := zoo.LoadRegistry(path)
	if err != nil {
		return nil, fmt.Errorf("--registry: %w", err)
	}
	out := map[string]eval.FamilyInfo{}
	for _, f := range reg.Families {
		out[f.Name] = eval.FamilyInfo{Group: f.Group, Batch: f.Batch, Status: f.Status}
	}
	return out, nil
}

// writeZoo prints the runs of zoo matters: one summary row per file, the
// development / held-out / real-document table, the per-family table and,
// when asked, the held-out record rows. With --with-real it first runs the
// real documents of testdata/real for the third column and prints their
// own table after the families'.
func writeZoo(ctx context.Context, env *Env, f evalFlags, runs []eval.Run, scored []eval.ZooRun, reg map[string]eval.FamilyInfo) error {
	w := env.Stdout
	var real map[string]string
	var rep *realdocs.Report
	if f.withReal {
		r, err := realdocs.Run(ctx, realdocs.Options{TruthDir: filepath.Join("testdata", "real"), DataDir: f.data,
			Extractor: f.extractor, Workers: f.workers, Logger: env.Log})
		if err != nil {
			return fmt.Errorf("--with-real: %w", err)
		}
		rep, real = &r, realColumn(r)
	}
	eval.WriteRunSummary(w, runs)
	fmt.Fprintf(w, "\n### Layout families\n\n")
	eval.WriteZoo(w, scored, reg, real)
	if rep != nil {
		fmt.Fprintf(w, "\n### Real documents (testdata/real)\n\n")
		realdocs.WriteMarkdown(w, *rep)
		for _, err := range rep.Failures() {
			fmt.Fprintln(env.Stderr, err)
		}
	}
	if f.heldoutRecord == "" {
		return nil
	}
	extractor := cmp.Or(f.extractor, runs[0].Extractor)
	fmt.Fprintf(w, "\n### Held-out record rows\n\n%s\n|%s\n", eval.HeldOutHeader, repeatCells(13))
	if eval.WriteHeldOutRecord(w, scored, reg, time.Now().UTC().Format("2006-01-02"), f.heldoutRecord, extractor) == 0 {
		fmt.Fprintln(w, "\n(no held-out family was measured)")
	}
	return nil
}

// realColumn turns the real-document figures into the cells of the
// metrics they measure. Real documents are single records, not matters:
// their encounter cells give the right date and the right provider, not an
// F1, and the matter-level metrics stay empty.
func realColumn(rep realdocs.Report) map[string]string {
	cell := func(t realdocs.Totals) string {
		if t.Runs == 0 {
			return "–"
		}
		return fmt.Sprintf("right date %d of %d, right provider %d of %d, %d invented date(s)", t.DateRight, t.DatedRuns, t.ProvRight, t.RecordRuns, t.Invented)
	}
	bd := realdocs.Sum(rep.Results, realdocs.RenderingClean)
	sc := realdocs.Sum(rep.Results, realdocs.RenderingScanned, realdocs.RenderingImage)
	all := realdocs.Sum(rep.Results)
	return map[string]string{
		"encounters (date + provider) F1, born-digital": cell(bd),
		"encounters (date + provider) F1, scanned":      cell(sc),
		"undated records flagged":                       fmt.Sprintf("%d of %d", all.UndatedFlagged, all.UndatedRuns),
		"entries from administrative pages":             fmt.Sprintf("non-records without entries: %d of %d", all.NonRecordOK, all.NonRecordRuns),
	}
}

func repeatCells(n int) string {
	s := ""
	for i := 0; i < n; i++ {
		s += "---|"
	}
	return s
}
