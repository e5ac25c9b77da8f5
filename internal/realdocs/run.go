package realdocs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/store"
)

// Options say where the labels and documents are and how to run.
type Options struct {
	// TruthDir holds index.json and the truth files (testdata/real).
	TruthDir string
	// DataDir is the shared data folder (../shared/data).
	DataDir string
	// Extractor is "rules" (the default) or "llm".
	Extractor string
	// Workers is the number of OCR workers (0: one per CPU).
	Workers int
	Logger  *slog.Logger
	// Only, when not empty, limits the run to these document ids.
	Only []string
	// Renderings, when not empty, limits the run to renderings of these
	// names (RenderingClean runs no OCR).
	Renderings []string
}

// Report is the outcome of a run over the labelled set.
type Report struct {
	Extractor string
	Documents int // labelled documents
	Results   []Result
	Took      time.Duration
}

// Run loads the labels, checks every source against its digest, then
// processes each rendering alone in a fresh matter of one temporary
// embedded store and scores it. An error means the set could not be run
// (a label invalid, a source missing or changed, the store not opened);
// a rendering that fails to process is recorded in its Result.
func Run(ctx context.Context, opt Options) (Report, error) {
	start := time.Now()
	truths, err := Load(opt.TruthDir)
	if err != nil {
		return Report{}, err
	}
	if len(opt.Only) > 0 {
		truths = only(truths, opt.Only)
		if len(truths) == 0 {
			return Report{}, fmt.Errorf("no labelled document has the ids %v", opt.Only)
		}
	}
	src := NewSources(opt.DataDir)
	var errs []error
	for _, t := range truths {
		errs = append(errs, src.Verify(t))
	}
	if err := errors.Join(errs...); err != nil {
		return Report{}, err
	}
	if opt.Extractor == "" {
		opt.Extractor = "rules"
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	tmp, err := os.MkdirTemp("", "medchron-realdocs-")
	if err != nil {
		return Report{}, err
	}
	defer os.RemoveAll(tmp)
	e, err := app.OpenEmbedded(ctx, app.Config{DBPath: filepath.Join(tmp, "medchron.db"), Workers: opt.Workers,
		Extractor: opt.Extractor, Logger: opt.Logger})
	if err != nil {
		return Report{}, err
	}
	defer e.Close(context.Background())
	if err := e.Start(ctx); err != nil {
		return Report{}, err
	}
	rep := Report{Extractor: opt.Extractor, Documents: len(truths)}
	for _, t := range truths {
		for _, r := range t.Renderings {
			if len(opt.Renderings) > 0 && !slices.Contains(opt.Renderings, r.Name) {
				continue
			}
			res := runOne(ctx, e, src, t, r, tmp)
			if ctx.Err() != nil {
				return rep, ctx.Err()
			}
			rep.Results = append(rep.Results, res)
		}
	}
	rep.Took = time.Since(start)
	return rep, nil
}

func only(truths []Truth, ids []string) []Truth {
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var out []Truth
	for _, t := range truths {
		if want[t.ID] {
			out = append(out, t)
		}
	}
	return out
}

// runOne processes one rendering in its own matter and scores it.
func runOne(ctx context.Context, e *app.Embedded, src *Sources, t Truth, r Rendering, tmp string) Result {
	base := Result{ID: t.ID, Rendering: r.Name, Class: t.Class, Record: t.Class != ClassNotRecord,
		Dated: len(t.Dates) > 0, Undated: t.Undated}
	if r.Skip != "" {
		base.Skipped = r.Skip
		return base
	}
	fail := func(err error) Result { base.Err = err; return base }
	path, err := src.File(t, r, tmp)
	if err != nil {
		return fail(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fail(err)
	}
	m := chronology.Matter{ID: "real-" + t.ID + "-" + r.Name}
	name := filepath.Base(path)
	_, bad, err := e.Pipeline.Submit(ctx, m, []pipeline.Input{{Name: name, Data: data}})
	if err != nil {
		return fail(err)
	}
	if len(bad) > 0 {
		return fail(bad[0])
	}
	if _, err := e.Pipeline.Wait(ctx, m.ID, nil); err != nil {
		return fail(err)
	}
	docs, err := e.Store.MatterDocuments(ctx, m.ID)
	if err != nil {
		return fail(err)
	}
	for _, d := range docs {
		if d.Status == store.StatusFailed {
			return fail(fmt.Errorf("truth %s, %s: %s", t.ID, r.Name, d.Error))
		}
	}
	c, _, err := e.Store.Chronology(ctx, m.ID)
	if err != nil {
		return fail(err)
	}
	pages := map[string]map[int]extract.Page{}
	for _, d := range c.Documents {
		ps, err := e.Store.PageTexts(ctx, d.ID)
		if err != nil {
			return fail(err)
		}
		pages[d.ID] = map[int]extract.Page{}
		for _, p := range ps {
			pages[d.ID][p.Number] = p
		}
	}
	res := Score(t, r.Name, c, func(doc string, n int) (extract.Page, bool) {
		p, ok := pages[doc][n]
		return p, ok
	})
	return res
}
