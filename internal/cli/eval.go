package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/internal/eval"
	"github.com/medchron/medchron/internal/export"
	"github.com/medchron/medchron/internal/fixture"
	"github.com/medchron/medchron/internal/fixture/zoo"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/sqlite"
)

type evalFlags struct {
	truth, extractor, db, out, data string
	workers                         int
	real                            bool
	// registry is the zoo family registry; heldoutRecord, when set, is the
	// commit to print held-out record rows for; withReal also measures the
	// real documents for the third column of the layout-family table.
	registry, heldoutRecord string
	withReal                bool
}

// runEval runs the pipeline on labelled bundles and prints how the
// chronologies score against their truth files.
func runEval(ctx context.Context, env *Env, args []string) error {
	var f evalFlags
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.StringVar(&f.truth, "truth", "", "folder of labelled bundles: truth.json beside born-digital.pdf and/or scanned.pdf, here or in subfolders")
	fs.StringVar(&f.extractor, "extractor", "", "rules, llm, or oracle: the LLM extractor answered with each bundle's true facts, to measure what follows extraction (default as for process)")
	fs.StringVar(&f.db, "db", "", "database whose imported ICD-10-CM table each run uses (default: none; runs use fresh temporary stores)")
	fs.StringVar(&f.out, "out", "", "folder to keep each run's outputs in (default: discarded)")
	fs.IntVar(&f.workers, "workers", 0, "OCR workers (default: number of CPUs)")
	fs.BoolVar(&f.real, "real", false, "measure the hand-labelled real documents instead (--truth default testdata/real)")
	fs.StringVar(&f.data, "data", "../shared/data", "with --real or --with-real: the shared data folder holding the documents")
	fs.StringVar(&f.registry, "registry", "", "zoo family registry, for the status of each layout family (default: "+zoo.RegistryFile+" when present)")
	fs.StringVar(&f.heldoutRecord, "heldout-record", "", "also print held-out record rows, labelled with this commit, for the held-out families measured")
	fs.BoolVar(&f.withReal, "with-real", false, "with zoo bundles: also measure the real documents of testdata/real for the third column")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: medchron eval --truth DIR [--extractor rules|llm|oracle] [--db PATH] [--out DIR] [--registry FILE] [--heldout-record COMMIT] [--with-real]")
		fmt.Fprintln(fs.Output(), "       medchron eval --real [--truth DIR] [--data DIR] [--extractor rules|llm]")
		fs.PrintDefaults()
	}
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if f.real && len(rest) == 0 {
		return runEvalReal(ctx, env, f)
	}
	if f.truth == "" || len(rest) > 0 {
		fs.Usage()
		return exitError{2}
	}
	var codes []store.ICD10Code
	if f.db != "" {
		if codes, err = storedCodes(ctx, f.db); err != nil {
			return err
		}
	}
	bundles, err := findBundles(f.truth)
	if err != nil {
		return err
	}
	reg, err := familyRegistry(f.registry)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "medchron-eval-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	var runs, zooRuns []eval.Run
	var scored []eval.ZooRun
	failed, n := 0, 0
	for _, b := range bundles {
		for _, pdf := range b.pdfs {
			r, z := evalFile(ctx, env, f, b, pdf, codes, filepath.Join(tmp, fmt.Sprintf("run-%d", n)))
			n++
			if errors.Is(r.Err, context.Canceled) || ctx.Err() != nil {
				return errors.New("interrupted")
			}
			if r.Err != nil || r.Report.Grounding.NotOnPage > 0 {
				failed++
			}
			if len(b.truth.PageInfo) == 0 {
				runs = append(runs, r)
				continue
			}
			zooRuns = append(zooRuns, r)
			if r.Err == nil {
				scored = append(scored, z)
			}
		}
	}
	if len(runs) > 0 {
		eval.WriteRuns(env.Stdout, runs)
	}
	if len(zooRuns) > 0 {
		if err := writeZoo(ctx, env, f, zooRuns, scored, reg); err != nil {
			return err
		}
	}
	if failed > 0 {
		fmt.Fprintf(env.Stderr, "%d of %d file(s) failed (not processed, or a verified quote not on its page)\n", failed, n)
		return exitError{1}
	}
	return nil
}

// bundle is a folder holding truth.json and the PDFs it labels.
type bundle struct {
	dir   string
	name  string // dir relative to --truth, "." for --truth itself
	truth fixture.Truth
	pdfs  []string
}

// findBundles returns the folders under root (root included) that hold a
// truth.json and at least one PDF, in name order.
func findBundles(root string) ([]bundle, error) {
	var out []bundle
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || d.Name() != fixture.TruthFile {
			return nil
		}
		dir := filepath.Dir(path)
		pdfs, err := filepath.Glob(filepath.Join(dir, "*.pdf"))
		if err != nil || len(pdfs) == 0 {
			return err
		}
		sort.Strings(pdfs)
		t, err := fixture.LoadTruth(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, dir)
		out = append(out, bundle{dir: dir, name: rel, truth: t, pdfs: pdfs})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("--truth %s: %w", root, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--truth %s: no folder with %s and a PDF", root, fixture.TruthFile)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].dir < out[j].dir })
	return out, nil
}

// evalFile processes one PDF into a fresh store at dir and scores it; a
// bundle whose truth names each page's layout family is scored per family
// too.
func evalFile(ctx context.Context, env *Env, f evalFlags, b bundle, pdf string, codes []store.ICD10Code, dir string) (r eval.Run, z eval.ZooRun) {
	r = eval.Run{Name: filepath.ToSlash(filepath.Join(b.name, filepath.Base(pdf))), Extractor: f.extractor}
	z = eval.ZooRun{Matter: b.name, Rendering: strings.TrimSuffix(filepath.Base(pdf), filepath.Ext(pdf))}
	db := filepath.Join(dir, "medchron.db")
	if len(codes) > 0 {
		if err := replaceCodes(ctx, db, codes); err != nil {
			r.Err = err
			return r, z
		}
	}
	cfg := app.Config{DBPath: db, Workers: f.workers, Extractor: f.extractor, Logger: env.Log}
	if f.extractor == "oracle" {
		stop, err := useOracle(env, &cfg, b.truth, r.Name)
		if err != nil {
			r.Err = err
			return r, z
		}
		defer stop()
	}
	e, err := app.OpenEmbedded(ctx, env.Settings.Apply(cfg)) // the oracle's LLM, if set, stays
	if err != nil {
		r.Err = err
		return r, z
	}
	defer e.Close(context.Background())
	if err := e.Start(ctx); err != nil {
		r.Err = err
		return r, z
	}
	m := chronology.Matter{ID: slug(r.Name), DateOfIncident: b.truth.IncidentDate, GapDays: b.truth.GapDays}
	// Per-page errors go to stderr as in process; the progress bar does not.
	run, err := runPipeline(ctx, env, e.Pipeline, e.Store, m, []string{pdf}, true, nil)
	r.Took = run.took
	switch {
	case err != nil:
		r.Err = err
		return r, z
	case run.failed > 0:
		r.Err = fmt.Errorf("%s could not be processed", pdf)
		return r, z
	}
	c := run.chronology
	for _, d := range c.Documents {
		r.Pages += len(d.PageSources)
	}
	if r.Extractor == "" {
		r.Extractor = extractorOf(c)
	}
	r.Report = eval.Compare(c, b.truth)
	z.Report = eval.CompareZoo(c, b.truth)
	pages, err := storedPages(ctx, e, c)
	if err != nil {
		r.Err = err
		return r, z
	}
	r.Report.Grounding = eval.CheckGrounding(c, pages)
	if f.out != "" {
		out := filepath.Join(f.out, strings.TrimSuffix(r.Name, filepath.Ext(r.Name)))
		if _, err := export.WriteAll(ctx, out, c, demand.Generate(c, demand.Options{}), export.Options{}); err != nil {
			r.Err = err
		}
	}
	return r, z
}

// extractorOf names the extractor of a chronology's entries.
func extractorOf(c chronology.Chronology) string {
	for _, e := range c.Entries {
		if e.Extractor != "" {
			return e.Extractor
		}
	}
	return "rules"
}

// storedPages returns a lookup of the stored text of c's pages.
func storedPages(ctx context.Context, e *app.Embedded, c chronology.Chronology) (eval.PageLookup, error) {
	byDoc := map[string]map[int]extract.Page{}
	for _, d := range c.Documents {
		pages, err := e.Store.PageTexts(ctx, d.ID)
		if err != nil {
			return nil, fmt.Errorf("%s: pages: %w", d.File, err)
		}
		m := map[int]extract.Page{}
		for _, p := range pages {
			m[p.Number] = p
		}
		byDoc[d.ID] = m
	}
	return func(doc string, n int) (extract.Page, bool) {
		p, ok := byDoc[doc][n]
		return p, ok
	}, nil
}

// storedCodes reads the ICD-10-CM table imported into the store at path.
func storedCodes(ctx context.Context, path string) ([]store.ICD10Code, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("--db: %w", err)
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	codes, err := st.ICD10Codes(ctx)
	if err != nil {
		return nil, err
	}
	if len(codes) == 0 {
		return nil, fmt.Errorf("--db %s: no ICD-10-CM codes imported (run medchron codes import)", path)
	}
	return codes, nil
}

// replaceCodes stores codes in the store at path.
func replaceCodes(ctx context.Context, path string, codes []store.ICD10Code) error {
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	_, err = st.ReplaceICD10(ctx, codes)
	return err
}
