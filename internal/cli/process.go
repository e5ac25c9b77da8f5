package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/exhibit"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/llm"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/internal/docx"
	"github.com/medchron/medchron/internal/export"
	"github.com/medchron/medchron/internal/firmtemplate"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/store"
)

// maxFileSize bounds one input file.
const maxFileSize = 2 << 30

type processFlags struct {
	out, matter, incident, extractor, fallback, name, client string
	demandInputs, docxTemplate                               string
	batesPrefix                                              string
	gapDays, workers                                         int
	quiet, keepSenderBates                                   bool
	db                                                       dbFlags
}

func runProcess(ctx context.Context, env *Env, args []string) error {
	var f processFlags
	fs := flag.NewFlagSet("process", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.StringVar(&f.out, "out", "", "output folder (default: medchron-output/<matter>)")
	fs.StringVar(&f.matter, "matter", "", "matter id (default: from the output folder or first input's name)")
	fs.StringVar(&f.incident, "incident-date", "", "date of incident, YYYY-MM-DD")
	fs.IntVar(&f.gapDays, "gap-days", 0, "treatment gap threshold in days (default 30)")
	f.db.register(fs)
	fs.StringVar(&f.extractor, "extractor", "", "rules or llm (default: llm when OPENAI_BASE_URL and MEDCHRON_LLM_MODEL are set, else rules)")
	fs.StringVar(&f.fallback, "llm-fallback", app.Fallback(), "extractor that takes over a document the LLM failed on every attempt: rules or none (default $"+app.EnvFallback+")")
	fs.IntVar(&f.workers, "workers", 0, "OCR workers (default: number of CPUs)")
	fs.StringVar(&f.name, "name", "", "matter name")
	fs.StringVar(&f.client, "client", "", "client name")
	fs.StringVar(&f.demandInputs, "demand-inputs", "", "JSON file of the attorney's demand-letter inputs (claim, parties, wages, payments, liens, demand, deadline, variant)")
	fs.StringVar(&f.docxTemplate, "docx-template", app.DOCXTemplate(), "the firm's Word template (.docx/.dotx) for chronology.docx and demand.docx: its styles, headers and footers (default $"+app.EnvDOCXTemplate+")")
	fs.BoolVar(&f.quiet, "quiet", false, "no progress output")
	fs.StringVar(&f.batesPrefix, "bates-prefix", "", "prefix of the matter's Bates numbers (default MC; kept for the matter)")
	fs.BoolVar(&f.keepSenderBates, "keep-sender-bates", false, "records the sender already Bates-stamped page by page keep those numbers (kept for the matter)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: medchron process [--out DIR] [--matter ID] [--incident-date YYYY-MM-DD] [--gap-days N] FILE_OR_DIR...")
		fs.PrintDefaults()
	}
	inputs, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		fs.Usage()
		return exitError{2}
	}
	if err := f.db.check(); err != nil {
		return err
	}
	letterInputs, err := readDemandInputs(f.demandInputs)
	if err != nil {
		return err
	}
	tpl, err := app.LoadDOCXTemplate(f.docxTemplate)
	if err != nil {
		return err
	}
	m := chronology.Matter{ID: f.matter, Name: f.name, Client: f.client, GapDays: f.gapDays,
		BatesPrefix: strings.ToUpper(f.batesPrefix), KeepSenderBates: f.keepSenderBates}
	if err := chronology.ValidBatesPrefix(m.BatesPrefix); err != nil {
		return fmt.Errorf("--bates-prefix: %w", err)
	}
	if f.incident != "" {
		if m.DateOfIncident, err = dates.ParseISO(f.incident); err != nil {
			return fmt.Errorf("--incident-date: %w", err)
		}
	}
	if f.gapDays < 0 {
		return errors.New("--gap-days must be positive")
	}
	if m.ID == "" {
		base := f.out
		if base == "" {
			base = inputs[0]
		}
		m.ID = slug(strings.TrimSuffix(filepath.Base(filepath.Clean(base)), filepath.Ext(base)))
	}
	if f.out == "" {
		f.out = filepath.Join("medchron-output", m.ID)
	}
	files, err := collectPDFs(inputs)
	if err != nil {
		return err
	}

	opts := env.Settings.Apply(f.db.options())
	opts.Workers, opts.Extractor, opts.Fallback, opts.Logger = f.workers, f.extractor, f.fallback, env.Log
	if opts.Workers <= 0 {
		opts.Workers = defaultWorkers()
	}
	h, err := app.Open(ctx, opts)
	if err != nil {
		return err
	}
	defer h.Close(context.Background())
	if h.Readers != nil {
		h.Readers.Warm() // every file is read in one
	}
	if err := h.Start(ctx); err != nil {
		return err
	}
	var rest func()
	if h.Readers != nil {
		// Once every page is read the reader processes give their memory
		// back, before the chronology, the exhibit and the files grow
		// this one's (their idle timeout would, seconds later).
		rest = h.Readers.Rest
	}
	run, err := runPipeline(ctx, env, h.Pipeline, h.Store, m, files, f.quiet, rest)
	if err != nil {
		return err
	}
	c, pr := run.chronology, run.progress
	// A matter reviewed in the web application (same database) is written
	// as its reviewers left it.
	if dec, ok := h.Store.(chronology.Decisions); ok {
		if err := chronology.ApplyDecisions(ctx, dec, m.ID, &c); err != nil {
			return err
		}
	}
	env.Log.Debug("writing outputs", "dir", f.out)
	// The exhibit is written while the letter is drafted and the other
	// files written; it is a convenience of the folder: a record that
	// cannot be stamped (a page pdfcpu cannot read) leaves it out, said on
	// one line, never the chronology and the letter.
	type exhibitResult struct {
		path string
		err  error
	}
	if err := os.MkdirAll(f.out, 0o755); err != nil {
		return fmt.Errorf("create output folder: %w", err)
	}
	exhibitDone := make(chan exhibitResult, 1)
	exCtx, stopExhibit := context.WithCancel(ctx)
	defer stopExhibit()
	go func() {
		p, err := export.WriteExhibit(exCtx, f.out, c, exhibitSources(exCtx, h.Pipeline, h.Store))
		exhibitDone <- exhibitResult{p, err}
	}()
	d := demand.Generate(c, demand.Options{Inputs: letterInputs})
	if tpl == nil {
		// Without a template of its own, the run takes the one an admin
		// uploaded in the web application (same database).
		if tpl, err = storedTemplate(ctx, h.Store); err != nil {
			return err
		}
	}
	paths, err := export.WriteAll(ctx, f.out, c, d, export.Options{Template: tpl})
	if err != nil {
		stopExhibit()
		<-exhibitDone
		return err
	}
	exr := <-exhibitDone
	ex, err := exr.path, exr.err
	switch {
	case errors.Is(err, exhibit.ErrNoDocuments):
		_ = os.Remove(filepath.Join(f.out, export.FileExhibit)) // never an exhibit of an earlier run beside this chronology
	case err != nil:
		if ctx.Err() != nil {
			return err
		}
		_ = os.Remove(filepath.Join(f.out, export.FileExhibit))
		fmt.Fprintf(env.Stderr, "medchron process: exhibit.pdf not written (%v); the chronology and the letter were\n", err)
	default:
		paths = append(paths, ex)
	}
	if !f.quiet {
		printSummary(env.Stdout, env.Settings, c, pr, run.took, paths)
	}
	if run.failed > 0 {
		return exitError{1}
	}
	return nil
}

// exhibitSources reads the exhibit's documents: each original from a file
// the pipeline decrypts it to (pipeline.OriginalFile), parsed part by part
// (a scanned bundle's original is tens of megabytes, which the parser's
// own copy of its streams need not meet in memory), the word boxes from
// st a window of pages at a time.
func exhibitSources(ctx context.Context, p *pipeline.Pipeline, st store.Queries) exhibit.Sources {
	return exhibit.Sources{
		Load: func(id string) ([]byte, error) { return st.DocumentBlob(ctx, id) },
		Open: func(id string) (io.ReadSeekCloser, error) {
			f, err := p.OriginalFile(ctx, id)
			if err != nil {
				return nil, err
			}
			return f, nil
		},
		Words: func(id string, first, last int) ([]extract.Page, error) {
			return st.PagesBetween(ctx, id, first, last)
		}}
}

// pipelineRun is what one run of the pipeline over a matter's files gave.
type pipelineRun struct {
	chronology chronology.Chronology
	progress   pipeline.Progress
	// failed counts the files that could not be read or processed.
	failed int
	took   time.Duration
}

// runPipeline submits files to the started pipeline p on store st under
// matter m (each streamed from disk into the store), waits for every
// stage, prints one line per unreadable file or page to env.Stderr, and
// returns the matter's chronology. It backs both "process" and "eval".
//
// rest, when not nil, is called once, when every page of the run is read.
func runPipeline(ctx context.Context, env *Env, p *pipeline.Pipeline, st matterReader, m chronology.Matter, files []string, quiet bool, rest func()) (pipelineRun, error) {
	start := time.Now()
	var run pipelineRun
	var inputs []pipeline.Input
	for _, path := range files {
		if err := checkFile(path); err != nil {
			fmt.Fprintf(env.Stderr, "%s: %v\n", shown(path), err)
			run.failed++
			continue
		}
		inputs = append(inputs, pipeline.Input{Name: filepath.Base(path), Open: func() (io.ReadCloser, error) { return os.Open(path) }})
	}
	docs, bad, err := p.Submit(ctx, m, inputs)
	if err != nil {
		return run, err
	}
	for _, b := range bad {
		fmt.Fprintln(env.Stderr, b.Error())
		run.failed++
	}
	if !quiet {
		fmt.Fprintf(env.Stderr, "matter %s: %d file(s) to process\n", m.ID, len(docs))
	}
	prog := newProgress(env.Stderr, quiet)
	pr, err := p.Wait(ctx, m.ID, func(pr pipeline.Progress) {
		prog.update(pr)
		if rest != nil && pr.Pages > 0 && pr.PagesDone >= pr.Pages {
			rest()
			rest = nil
		}
	})
	prog.finish(pr)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return run, errors.New("interrupted: run the same command again to resume")
		}
		return run, err
	}
	run.progress = pr
	run.failed += reportDocumentErrors(ctx, env.Stderr, st, m.ID)
	if run.chronology, _, err = st.Chronology(ctx, m.ID); err != nil {
		return run, err
	}
	run.took = time.Since(start)
	return run, nil
}

// parseInterleaved lets flags follow file names, as users type them.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

var nonSlug = lazyre.New(`[^a-z0-9]+`)

func slug(s string) string {
	s = strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
	if s == "" {
		return "matter"
	}
	return s
}

// recordExt are the extensions of record files taken from folders: PDFs,
// and scans that arrive as images (faxes as multi-page TIFF).
var recordExt = map[string]bool{".pdf": true, ".tif": true, ".tiff": true, ".jpg": true, ".jpeg": true, ".png": true}

// collectPDFs expands folders into the record files they hold (PDF, TIFF,
// JPEG, PNG; recursively, sorted);
// files named explicitly are taken whatever their extension, so that a
// wrong file gets a clear error rather than being skipped in silence.
func collectPDFs(inputs []string) ([]string, error) {
	var out []string
	for _, in := range inputs {
		st, err := os.Stat(in)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in, errors.Unwrap(err))
		}
		if !st.IsDir() {
			out = append(out, in)
			continue
		}
		var found []string
		err = filepath.WalkDir(in, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && recordExt[strings.ToLower(filepath.Ext(path))] {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no PDF, TIFF, JPEG or PNG files in this folder", in)
		}
		out = append(out, found...)
	}
	return out, nil
}

// checkFile refuses a file that cannot be read or is over the size limit
// before anything of it is stored.
func checkFile(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return errors.Unwrap(err)
	}
	if st.Size() > maxFileSize {
		return fmt.Errorf("file is %d MB; the limit is %d MB", st.Size()>>20, maxFileSize>>20)
	}
	return nil
}

// shown is a path as the terminal may print it: quoted (control
// characters escaped) when it holds any, as typed otherwise.
func shown(path string) string {
	for _, r := range path {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return strconv.Quote(path)
		}
	}
	return path
}

// reportDocumentErrors prints one line per failed document and per
// unreadable page, and returns the number of failed documents.
func reportDocumentErrors(ctx context.Context, w io.Writer, st matterReader, matterID string) int {
	docs, err := st.MatterDocuments(ctx, matterID)
	if err != nil {
		fmt.Fprintln(w, err)
		return 1
	}
	failed := 0
	for _, d := range docs {
		if d.Status == store.StatusFailed {
			fmt.Fprintf(w, "%s: %s\n", d.File, d.Error)
			failed++
			continue
		}
		pages, err := st.PageTexts(ctx, d.ID) // the source and error; the word boxes are not needed
		if err != nil {
			continue
		}
		for _, pg := range pages {
			if pg.Source == extract.SourceError {
				fmt.Fprintf(w, "%s page %d: could not be read: %s\n", d.File, pg.Number, strings.TrimPrefix(pg.Err, fmt.Sprintf("page %d: ", pg.Number)))
			}
		}
	}
	return failed
}

// printSummary prints what a run made; the LLM's cost is estimated when
// the environment gives the endpoint's prices.
func printSummary(w io.Writer, settings app.Environment, c chronology.Chronology, pr pipeline.Progress, took time.Duration, paths []string) {
	var text, ocr, empty int
	for _, d := range c.Documents {
		for _, s := range d.PageSources {
			switch s {
			case extract.SourceText:
				text++
			case extract.SourceOCR:
				ocr++
			default:
				empty++
			}
		}
	}
	ungrounded := 0
	for _, e := range c.Entries {
		if !e.Grounded {
			ungrounded++
		}
	}
	fmt.Fprintf(w, "%d document(s), %d page(s) (%d text layer, %d OCR, %d empty or unreadable) in %s\n",
		len(c.Documents), text+ocr+empty, text, ocr, empty, took.Round(100*time.Millisecond))
	fmt.Fprintf(w, "%d entries (%d ungrounded) from %d providers, %d bill lines totalling $%.2f, %d gap(s), %d flag(s)\n",
		len(c.Entries), ungrounded, len(c.Providers), len(c.Bills), c.Specials.TotalCharges, len(c.Gaps), len(c.Flags))
	if c.Usage != nil {
		fmt.Fprintf(w, "LLM tokens: %d prompt, %d completion", c.Usage.PromptTokens, c.Usage.CompletionTokens)
		if settings.HaveLLMPrices {
			fmt.Fprintf(w, "; estimated cost $%.2f", llm.Cost(*c.Usage, settings.LLMPriceIn, settings.LLMPriceOut))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "Wrote:")
	for _, p := range paths {
		fmt.Fprintln(w, "  "+p)
	}
}

// storedTemplate is the firm's Word template an admin uploaded to the
// store (store.FirmTemplate), nil when there is none.
func storedTemplate(ctx context.Context, s any) (*docx.Template, error) {
	ff, ok := s.(store.FirmFiles)
	if !ok {
		return nil, nil
	}
	src := firmtemplate.Source{Files: ff}
	return src.Template(ctx)
}
