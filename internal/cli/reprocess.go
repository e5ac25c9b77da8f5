package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/store"
)

type reprocessFlags struct {
	matter, since, extractor, promptVersion, fallback string
	all, dryRun, force, quiet, failedOnly             bool
	workers                                           int
	db                                                dbFlags
}

// runReprocess queues re-extraction (and so re-building of chronologies)
// for a backlog after a prompt or model change. Jobs are unique while
// queued, so calling it again — after Ctrl-C or a crash — picks up the same
// jobs instead of adding more. It follows them to the end with a progress
// display, working them itself unless --workers 0 (server mode only).
func runReprocess(ctx context.Context, env *Env, args []string) error {
	var f reprocessFlags
	fs := flag.NewFlagSet("reprocess", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.StringVar(&f.matter, "matter", "", "reprocess this matter")
	fs.BoolVar(&f.all, "all", false, "reprocess every matter")
	fs.StringVar(&f.since, "since", "", "only documents uploaded on or after YYYY-MM-DD")
	fs.StringVar(&f.extractor, "extractor", "", "rules or llm (default: the configured one)")
	fs.StringVar(&f.promptVersion, "prompt-version", "", "LLM prompt version (default: the latest)")
	fs.BoolVar(&f.dryRun, "dry-run", false, "print what would be processed, with estimates, and queue nothing")
	fs.BoolVar(&f.force, "force", false, "also documents already extracted with the same extractor and prompt")
	fs.BoolVar(&f.failedOnly, "failed", false, "only the documents that failed (retry them)")
	fs.BoolVar(&f.quiet, "quiet", false, "no progress output")
	f.db.register(fs)
	fs.StringVar(&f.fallback, "llm-fallback", app.Fallback(), "extractor that takes over a document the LLM failed on every attempt: rules or none (default $"+app.EnvFallback+")")
	fs.IntVar(&f.workers, "workers", defaultWorkers(), "job workers in this process (0: only queue and follow; server mode)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if (f.matter == "") == !f.all {
		return errors.New("say which: --matter ID or --all")
	}
	var since dates.Date
	if f.since != "" {
		var err error
		if since, err = dates.ParseISO(f.since); err != nil {
			return fmt.Errorf("--since: %w", err)
		}
	}
	if err := f.db.check(); err != nil {
		return err
	}
	if !f.db.server() && f.workers < 1 {
		f.workers = 1 // the embedded mode works its own jobs
	}
	opts := env.Settings.Apply(f.db.options())
	opts.Workers, opts.Extractor, opts.Fallback, opts.Logger = f.workers, f.extractor, f.fallback, env.Log
	h, err := app.Open(ctx, opts)
	if err != nil {
		return err
	}
	defer h.Close(context.Background())

	plan, err := planReprocess(ctx, h.Store, f, since)
	if err != nil {
		return err
	}
	plan.print(env.Stdout, f)
	if f.dryRun || len(plan.docs)+len(plan.failed) == 0 {
		return nil
	}
	if f.workers > 0 {
		if err := h.Start(ctx); err != nil {
			return err
		}
	}
	// Failed documents start afresh (the pages read are kept).
	if err := h.Pipeline.Retry(ctx, plan.failed, pipeline.RetryOptions{Extractor: f.extractor, PromptVersion: f.promptVersion}); err != nil {
		return err
	}
	if err := followJobs(ctx, env, h, plan, f); err != nil {
		return err
	}
	// Wait until each matter's chronology includes the new facts.
	for _, m := range plan.matters {
		if _, err := h.Pipeline.Wait(ctx, m, nil); err != nil {
			return err
		}
	}
	still := 0
	for _, d := range plan.failed {
		if cur, err := h.Store.Document(ctx, d.ID); err == nil && cur.Status == store.StatusFailed {
			still++
		}
	}
	if !f.quiet && len(plan.failed) > 0 {
		fmt.Fprintf(env.Stderr, "retried %d failed document(s): %d recovered, %d failed again\n", len(plan.failed), len(plan.failed)-still, still)
	}
	if still > 0 {
		return fmt.Errorf("%d document(s) failed again: the matter page (or medchron process) shows why", still)
	}
	return nil
}

// followJobs queues re-extraction of the plan's extracted documents and
// follows the jobs to their end with a progress line.
func followJobs(ctx context.Context, env *Env, h *app.App, plan *reprocessPlan, f reprocessFlags) error {
	if len(plan.docs) == 0 {
		return nil
	}
	jobs := make([]river.InsertManyParams, len(plan.docs))
	for i, d := range plan.docs {
		jobs[i] = river.InsertManyParams{Args: pipeline.ExtractArgs{DocumentID: d.ID, Extractor: f.extractor, PromptVersion: f.promptVersion}}
	}
	ids, err := h.Jobs.Insert(ctx, jobs...)
	if err != nil {
		return err
	}
	start := time.Now()
	for {
		st, err := h.Jobs.States(ctx, ids)
		if err != nil {
			return err
		}
		done := st[rivertype.JobStateCompleted] + st[rivertype.JobStateCancelled] + st[rivertype.JobStateDiscarded]
		failed := st[rivertype.JobStateCancelled] + st[rivertype.JobStateDiscarded]
		if !f.quiet {
			fmt.Fprintf(env.Stderr, "\rdocuments: %d done, %d failed, %d left   ", done-failed, failed, len(ids)-done)
		}
		if done == len(ids) {
			if !f.quiet {
				fmt.Fprintf(env.Stderr, "\nreprocessed %d document(s) in %s\n", len(ids)-failed, time.Since(start).Round(100*time.Millisecond))
			}
			if failed > 0 {
				return fmt.Errorf("%d document(s) failed: see the River UI (/admin/river/) for their errors", failed)
			}
			return nil
		}
		select {
		case <-ctx.Done():
			return errors.New("interrupted: the queued jobs go on in any running worker; run the same command again to follow them")
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// reprocessPlan is what a reprocess would touch.
type reprocessPlan struct {
	matters []string
	docs    []store.Document
	// failed are documents that failed: they are processed again from
	// the start (Pipeline.Retry), whatever --force says.
	failed                 []store.Document
	pages, ocrPages, chars int
	skipped                int
}

func planReprocess(ctx context.Context, st reprocessStore, f reprocessFlags, since dates.Date) (*reprocessPlan, error) {
	var ms []chronology.Matter
	if f.all {
		var err error
		if ms, err = st.Matters(ctx); err != nil {
			return nil, err
		}
	} else {
		m, err := st.Matter(ctx, f.matter)
		if err != nil {
			return nil, fmt.Errorf("matter %s: %w", f.matter, err)
		}
		ms = []chronology.Matter{m}
	}
	p := &reprocessPlan{}
	seen := map[string]bool{}
	for _, m := range ms {
		docs, err := st.MatterDocuments(ctx, m.ID)
		if err != nil {
			return nil, err
		}
		touched := false
		for _, d := range docs {
			if seen[d.ID] || (!since.IsZero() && dates.Of(d.CreatedAt).Before(since)) {
				continue
			}
			if d.Status == store.StatusFailed {
				seen[d.ID] = true
				p.failed = append(p.failed, d)
				touched = true
				continue
			}
			if d.Status != store.StatusExtracted || f.failedOnly {
				continue
			}
			seen[d.ID] = true
			if !f.force {
				r, err := st.Result(ctx, d.ID)
				if err == nil && sameExtractor(r, f) {
					p.skipped++
					continue
				}
			}
			pages, err := st.PageTexts(ctx, d.ID)
			if err != nil {
				return nil, err
			}
			for _, pg := range pages {
				p.pages++
				p.chars += len(pg.Text)
				if pg.Source == extract.SourceOCR {
					p.ocrPages++
				}
			}
			p.docs = append(p.docs, d)
			touched = true
		}
		if touched {
			p.matters = append(p.matters, m.ID)
		}
	}
	return p, nil
}

// sameExtractor reports whether a stored result already comes from the
// requested extractor and prompt version.
func sameExtractor(r store.StoredResult, f reprocessFlags) bool {
	switch {
	case f.extractor == "rules":
		return r.Extractor == "rules"
	case f.extractor == "llm":
		return strings.HasPrefix(r.Extractor, "llm:") && (f.promptVersion == "" || r.PromptVersion == f.promptVersion)
	case f.promptVersion != "":
		return r.PromptVersion == f.promptVersion
	}
	return false
}

// Estimates for --dry-run, measured on the 2-core reference machine (see
// BENCHMARKS.md): rules extraction and chronology per page; LLM tokens per
// page from text length (about 4 characters a token) plus the prompt.
const (
	rulesSecondsPerPage = 0.002
	charsPerToken       = 4
	promptTokensPerPage = 350
	outputTokensPerPage = 250
)

func (p *reprocessPlan) print(w io.Writer, f reprocessFlags) {
	verb := "would reprocess"
	if !f.dryRun {
		verb = "reprocessing"
	}
	fmt.Fprintf(w, "%s %d document(s) in %d matter(s): %d page(s), of which %d were OCR'd (OCR is not redone)", verb, len(p.docs), len(p.matters), p.pages, p.ocrPages)
	if p.skipped > 0 {
		fmt.Fprintf(w, "; %d document(s) already extracted this way skipped (--force to include)", p.skipped)
	}
	fmt.Fprintln(w)
	if len(p.failed) > 0 {
		retry := "retrying"
		if f.dryRun {
			retry = "would retry"
		}
		fmt.Fprintf(w, "%s %d failed document(s) from the start\n", retry, len(p.failed))
	}
	if !f.dryRun {
		return
	}
	if f.extractor == "llm" {
		in := p.chars/charsPerToken + promptTokensPerPage*p.pages
		out := outputTokensPerPage * p.pages
		fmt.Fprintf(w, "estimated LLM tokens: %d prompt, %d completion (before cache hits: unchanged pages cost nothing)\n", in, out)
		return
	}
	fmt.Fprintf(w, "estimated time with the rules extractor: %s\n", (time.Duration(float64(p.pages)*rulesSecondsPerPage*float64(time.Second)) + time.Second).Round(time.Second))
}
