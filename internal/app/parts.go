package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/imagedoc"
	"github.com/medchron/medchron/extract/llm"
	"github.com/medchron/medchron/extract/ocr"
	"github.com/medchron/medchron/extract/rules"
	"github.com/medchron/medchron/extract/sandbox"
	"github.com/medchron/medchron/icd10"
	"github.com/medchron/medchron/internal/pdfsafe"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/search"
	"github.com/medchron/medchron/store"
)

// OCRDPI is the resolution pages are rendered at for OCR when their own
// image cannot be used as is.
const OCRDPI = 300

// newReaders returns the pool of document reader processes (extract/sandbox):
// PDF inspection, text layers, page images and OCR of untrusted files run
// there under memory and CPU limits, never in this process.
func newReaders(cfg Config) *sandbox.Pool {
	return sandbox.New(sandbox.Config{Size: cfg.Workers, DPI: OCRDPI, InProcess: cfg.InProcess})
}

// readerFiles is the pipeline's PDFReader over the reader processes: the
// cheap check of an upload runs here (pdfsafe.Sniff, which reads nothing
// but the first and last bytes), everything that parses a file runs in
// the reader processes.
type readerFiles struct{ *sandbox.Pool }

// Sniff implements pipeline.PDFReader: a PDF, or a TIFF, JPEG or PNG scan
// under a name that does not say .pdf (an image named .pdf is refused,
// saying what it is).
func (r readerFiles) Sniff(name string, head, tail []byte, size int64) error {
	if imagedoc.Sniff(head[:min(len(head), 16)]) != "" && !strings.EqualFold(filepath.Ext(name), ".pdf") {
		return nil
	}
	return pdfsafe.Sniff(name, head, tail, size)
}

// Inspect implements pipeline.PDFReader on the working copy at path
// (named by the document's id), which the reader process reads itself:
// it gets a name with the extension of what the file holds.
func (r readerFiles) Inspect(ctx context.Context, path string) (pipeline.Inspection, error) {
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	switch imagedoc.SniffFile(path) {
	case imagedoc.TIFF:
		name += ".tif"
	case imagedoc.JPEG:
		name += ".jpg"
	case imagedoc.PNG:
		name += ".png"
	default:
		name += ".pdf"
	}
	pages, weights, err := r.Pool.InspectFile(ctx, name, path)
	return pipeline.Inspection{Pages: pages, Weights: weights}, err
}

// newSearch returns search over the store when it can index, with the
// embedder cfg configures (the local one by default).
func newSearch(st store.Store, cfg Config) (*search.Service, error) {
	idx, ok := st.(search.Index)
	if !ok {
		return nil, nil
	}
	var emb search.Embedder = search.Local{}
	if cfg.Embedding != nil {
		o, err := search.NewOpenAI(*cfg.Embedding)
		if err != nil {
			return nil, err
		}
		emb = o
	}
	return &search.Service{Index: idx, Embedder: emb, Logger: cfg.Logger}, nil
}

// parts are the replaceable pieces a pipeline runs with.
type parts struct {
	pdf       pipeline.PDFReader
	readers   *sandbox.Pool
	ocr       pipeline.OCR
	extractor extract.Extractor
	// extractorFor gives a job's requested extractor and prompt version.
	extractorFor func(name, promptVersion string) (extract.Extractor, error)
	// fallback takes over a document the extractor failed on (nil: none).
	fallback extract.Extractor
	close    []func() error
}

// storeCache backs the LLM response cache with the store.
type storeCache struct{ q store.Cache }

func (c storeCache) Get(ctx context.Context, key string) ([]byte, bool, error) {
	return c.q.CacheGet(ctx, key)
}
func (c storeCache) Put(ctx context.Context, key string, val []byte) error {
	return c.q.CachePut(ctx, key, val)
}

// extractorsFor returns the lookup of extractors by name and prompt
// version: rules, or the configured LLM with any embedded prompt version
// (built once per version).
func extractorsFor(ruleEx, llmEx extract.Extractor, llmCfg llm.Config, st store.Store) func(string, string) (extract.Extractor, error) {
	var mu sync.Mutex
	byVersion := map[string]extract.Extractor{}
	return func(name, version string) (extract.Extractor, error) {
		switch {
		case name == "rules" || name == "" && llmEx == nil:
			return ruleEx, nil
		case name != "llm" && name != "" && (llmEx == nil || name != llmEx.Name()):
			return nil, fmt.Errorf("extractor %q is not configured on this worker", name)
		case llmEx == nil:
			return nil, errors.New("the LLM extractor is not configured on this worker (OPENAI_BASE_URL, MEDCHRON_LLM_MODEL)")
		case version == "" || version == llmEx.PromptVersion():
			return llmEx, nil
		}
		mu.Lock()
		defer mu.Unlock()
		if ex, ok := byVersion[version]; ok {
			return ex, nil
		}
		c := llmCfg
		c.PromptVersion = version
		ex, err := llm.New(c, storeCache{q: st})
		if err != nil {
			return nil, err
		}
		byVersion[version] = ex
		return ex, nil
	}
}

// codeBookStore is a store that may hold an imported ICD-10-CM table
// ("medchron codes import"); both stores are.
type codeBookStore interface {
	// CodeBook returns the imported table, or nil when none was imported.
	CodeBook(ctx context.Context) (*icd10.Book, error)
}

// codeBook returns the store's imported ICD-10-CM table as a code book for
// the rules extractor, or nil when there is none.
func codeBook(ctx context.Context, st store.Store) (rules.CodeBook, error) {
	cs, ok := st.(codeBookStore)
	if !ok {
		return nil, nil
	}
	b, err := cs.CodeBook(ctx)
	if err != nil || b == nil {
		return nil, err // never a typed nil in the interface
	}
	return b, nil
}

// newParts builds the PDF reader, the OCR pool and the extractors. When
// the store holds an imported ICD-10-CM table, the rules extractor drops
// codes it does not know and describes the ones the record leaves bare.
func newParts(ctx context.Context, cfg Config, st store.Store) (*parts, error) {
	readers := newReaders(cfg)
	p := &parts{pdf: readerFiles{readers}, readers: readers}
	p.close = append(p.close, readers.Close)
	if !cfg.NoOCR {
		if !readers.Isolated() && !ocr.ThreadLimitSet() {
			// OCR in this process (the reader processes are started with
			// it set).
			cfg.Logger.Warn("OMP_THREAD_LIMIT is not set: OCR will be several times slower (set OMP_THREAD_LIMIT=1 before starting)")
		}
		p.ocr = readers
	}
	book, err := codeBook(ctx, st)
	if err != nil {
		return nil, err
	}
	ruleEx := rules.New(rules.Options{Codes: book})
	var llmCfg llm.Config
	var llmEx extract.Extractor
	if cfg.LLM != nil {
		llmCfg = *cfg.LLM
		llmCfg.Logger = cfg.Logger
		ex, err := llm.New(llmCfg, storeCache{q: st})
		if err != nil {
			return nil, err
		}
		llmEx = ex
	}
	p.extractorFor = extractorsFor(ruleEx, llmEx, llmCfg, st)
	switch cfg.Extractor {
	case "", "auto":
		p.extractor = ruleEx
		if llmEx != nil {
			p.extractor = llmEx
		}
	case "rules":
		p.extractor = ruleEx
	case "llm":
		if llmEx == nil {
			return nil, errors.New("--extractor llm needs OPENAI_BASE_URL and MEDCHRON_LLM_MODEL (and OPENAI_API_KEY where the endpoint needs one)")
		}
		p.extractor = llmEx
	default:
		return nil, fmt.Errorf("unknown extractor %q: want rules or llm", cfg.Extractor)
	}
	switch cfg.Fallback {
	case "", "none":
	case "rules":
		if p.extractor != ruleEx {
			p.fallback = ruleEx
		}
	default:
		return nil, fmt.Errorf("unknown fallback extractor %q (%s): want rules or none", cfg.Fallback, EnvFallback)
	}
	return p, nil
}
