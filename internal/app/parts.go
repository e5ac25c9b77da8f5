package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/icd10"
	"github.com/medchron/medchron/extract/llm"
	"github.com/medchron/medchron/extract/ocr"
	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/extract/rules"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/search"
)

// OCRDPI is the resolution pages are rendered at for OCR when their own
// image cannot be used as is.
const OCRDPI = 300

// pdfReader implements pipeline.PDFReader with package extract/pdf.
type pdfReader struct{}

func (pdfReader) Inspect(ctx context.Context, name string, data []byte) (int, error) {
	info, err := pdf.Inspect(ctx, name, data)
	if err != nil {
		return 0, err
	}
	return info.PageCount(), nil
}

func (pdfReader) TextLayer(ctx context.Context, path string) ([]extract.Page, error) {
	return pdf.TextLayer(ctx, path)
}

func (pdfReader) PageImage(ctx context.Context, path string, page int) ([]byte, int, error) {
	img, err := pdf.PageImage(ctx, path, page, OCRDPI)
	if err != nil {
		return nil, 0, err
	}
	return img.Data, img.DPI, nil
}

// lazyOCR starts the Tesseract pool on the first page that needs it, so a
// run over born-digital records never pays for it.
type lazyOCR struct {
	size int
	once sync.Once
	pool *ocr.Pool
	err  error
}

func (l *lazyOCR) Recognize(ctx context.Context, img []byte, dpi int, docID string, page int) (extract.Page, error) {
	l.once.Do(func() {
		l.pool, l.err = ocr.NewPool(l.size, ocr.Options{})
		if l.err != nil {
			l.err = fmt.Errorf("start OCR (is tesseract-ocr installed? run scripts/setup-debian.sh): %w", l.err)
		}
	})
	if l.err != nil {
		return extract.Page{}, l.err
	}
	return l.pool.Recognize(ctx, img, dpi, docID, page)
}

func (l *lazyOCR) Close() error {
	l.once.Do(func() {}) // no pool may start after Close
	if l.pool != nil {
		l.pool.Close()
	}
	return nil
}

// newSearch returns search over the store when it can index, with the
// embedder the environment configures (the local one by default).
func newSearch(st pipeline.Store, log *slog.Logger) (*search.Service, error) {
	idx, ok := st.(search.Index)
	if !ok {
		return nil, nil
	}
	emb, err := search.FromEnv()
	if err != nil {
		return nil, err
	}
	return &search.Service{Index: idx, Embedder: emb, Logger: log}, nil
}

// parts are the replaceable pieces a pipeline runs with.
type parts struct {
	pdf       pipeline.PDFReader
	ocr       pipeline.OCR
	extractor extract.Extractor
	// extractorFor gives a job's requested extractor and prompt version.
	extractorFor func(name, promptVersion string) (extract.Extractor, error)
	close        []func() error
}

// storeCache backs the LLM response cache with the store.
type storeCache struct{ q pipeline.Queries }

func (c storeCache) Get(ctx context.Context, key string) ([]byte, bool, error) {
	return c.q.CacheGet(ctx, key)
}
func (c storeCache) Put(ctx context.Context, key string, val []byte) error {
	return c.q.CachePut(ctx, key, val)
}

// extractorsFor returns the lookup of extractors by name and prompt
// version: rules, or the configured LLM with any embedded prompt version
// (built once per version).
func extractorsFor(ruleEx, llmEx extract.Extractor, llmCfg llm.Config, st pipeline.Store) func(string, string) (extract.Extractor, error) {
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
func codeBook(ctx context.Context, st pipeline.Store) (rules.CodeBook, error) {
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
func newParts(ctx context.Context, cfg Config, st pipeline.Store) (*parts, error) {
	p := &parts{pdf: pdfReader{}}
	if !cfg.NoOCR {
		if !ocr.ThreadLimitSet() {
			cfg.Logger.Warn("OMP_THREAD_LIMIT is not set: OCR will be several times slower (set OMP_THREAD_LIMIT=1 before starting)")
		}
		lazy := &lazyOCR{size: cfg.Workers}
		p.ocr = lazy
		p.close = append(p.close, lazy.Close)
	}
	book, err := codeBook(ctx, st)
	if err != nil {
		return nil, err
	}
	ruleEx := rules.New(rules.Options{Codes: book})
	llmCfg, err := llm.ConfigFromEnv()
	if cfg.LLM != nil {
		llmCfg, err = *cfg.LLM, nil
	}
	haveLLM := err == nil
	if err != nil && !errors.Is(err, llm.ErrNotConfigured) {
		return nil, err
	}
	var llmEx extract.Extractor
	if haveLLM {
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
	return p, nil
}
