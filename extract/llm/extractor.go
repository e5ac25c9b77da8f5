package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/prompts"
	openai "github.com/sashabaranov/go-openai"
	"github.com/sashabaranov/go-openai/jsonschema"
)

// Extractor is an extract.Extractor backed by an OpenAI-compatible chat
// endpoint. It is safe for concurrent use; MaxConcurrency bounds the
// requests in flight across all its Extract calls.
type Extractor struct {
	cfg        Config
	prompt     prompts.Prompt
	system     string
	schema     *jsonschema.Definition
	schemaJSON string
	client     *openai.Client
	cache      Cache
	sem        chan struct{}
	// mode is the structured-output mode, lowered once for the rest of the
	// run when a server rejects it.
	mode atomic.Int32

	sleep  func(ctx context.Context, d time.Duration) error
	now    func() time.Time
	jitter func(n int64) int64
}

var _ extract.Extractor = (*Extractor)(nil)

// Structured-output modes, from strictest to none.
const (
	modeJSONSchema int32 = iota
	modeJSONObject
	modePlain
)

// New returns an Extractor for cfg. cache may be nil (no caching).
func New(cfg Config, cache Cache) (*Extractor, error) {
	if err := cfg.normalise(); err != nil {
		return nil, err
	}
	p, err := prompts.Extraction(cfg.PromptVersion)
	if err != nil {
		return nil, fmt.Errorf("llm: %w", err)
	}
	system, err := p.System()
	if err != nil {
		return nil, fmt.Errorf("llm: %w", err)
	}
	schema, err := answerSchema()
	if err != nil {
		return nil, fmt.Errorf("llm: %w", err)
	}
	schemaJSON, err := json.Marshal(schema)
	if err != nil {
		return nil, fmt.Errorf("llm: encode answer schema: %w", err)
	}
	oc := openai.DefaultConfig(cfg.APIKey)
	oc.BaseURL = cfg.BaseURL
	oc.HTTPClient = wrapClient(cfg.HTTPClient, cfg.ExtraBody)
	return &Extractor{
		cfg:        cfg,
		prompt:     p,
		system:     system,
		schema:     schema,
		schemaJSON: string(schemaJSON),
		client:     openai.NewClientWithConfig(oc),
		cache:      cache,
		sem:        make(chan struct{}, cfg.MaxConcurrency),
		sleep:      sleepCtx,
		now:        time.Now,
		jitter:     rand.Int64N,
	}, nil
}

// Name implements extract.Extractor: "llm:<model>".
func (e *Extractor) Name() string { return "llm:" + e.cfg.Model }

// PromptVersion implements extract.Extractor.
func (e *Extractor) PromptVersion() string { return e.prompt.Version }

// Extract implements extract.Extractor. Pages are sent in chunks; the facts
// of all chunks are returned in page order, without merging an encounter
// that spans two chunks (the caller merges by date and provider). Pages of
// a chunk that failed are listed in Result.PageErrors. Extract returns an
// error when ctx ends, when the endpoint refuses the credentials or model,
// or when every chunk failed.
func (e *Extractor) Extract(ctx context.Context, doc extract.Document, pages []extract.Page) (extract.Result, error) {
	chunks := chunkPages(pages, e.cfg.PagesPerChunk, e.cfg.MaxCharsPerChunk)
	if len(chunks) == 0 {
		return extract.Result{}, nil
	}
	// The layout's page classes and section providers, decided over the
	// whole document, are shown to the model with each page.
	infos := layout.Analyze(pages).PageInfos()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	ctx = context.WithValue(ctx, stopKey{}, cancel)
	parts := make([]extract.Result, len(chunks))
	errs := make([]error, len(chunks))
	var wg sync.WaitGroup
	for i, c := range chunks {
		wg.Go(func() {
			parts[i], errs[i] = e.extractChunk(ctx, doc.ID, c, infos)
			if isFatal(errs[i]) {
				cancel(errs[i])
			}
		})
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return extract.Result{}, fmt.Errorf("llm extract %s: %w", doc.File, err)
	}
	var res extract.Result
	var firstErr error
	failed := 0
	for i, c := range chunks {
		merge(&res, parts[i])
		if errs[i] == nil {
			continue
		}
		failed++
		if firstErr == nil {
			firstErr = errs[i]
		}
		if res.PageErrors == nil {
			res.PageErrors = map[int]string{}
		}
		for _, p := range c.pages {
			res.PageErrors[p.Number] = fmt.Sprintf("llm pages %d-%d: %v", c.first(), c.last(), errs[i])
		}
	}
	res.Pages = withLayout(res.Pages, infos)
	if failed == len(chunks) {
		return res, fmt.Errorf("llm extract %s: every chunk failed, first (pages %d-%d): %w",
			doc.File, chunks[0].first(), chunks[0].last(), firstErr)
	}
	return res, nil
}

// extractChunk returns the facts of one chunk, from the cache or the model.
// The returned Result carries the tokens spent even when it fails.
func (e *Extractor) extractChunk(ctx context.Context, docID string, c chunk, infos []extract.PageInfo) (extract.Result, error) {
	user, err := e.prompt.User(c.pages, infos...)
	if err != nil {
		return extract.Result{}, err
	}
	key := CacheKey(e.cfg.Model, e.prompt.Version, contentHash(user))
	if e.cache != nil {
		val, ok, err := e.cache.Get(ctx, key)
		if err != nil {
			e.cfg.Logger.Warn("llm cache read failed", "pages", pageRange(c), "err", err)
		}
		if ok {
			if a, err := parseCached(val, c); err == nil {
				return toResult(docID, a), nil
			}
		}
	}
	a, usage, err := e.ask(ctx, c, user)
	if err != nil {
		return extract.Result{Usage: usage}, err
	}
	if e.cache != nil {
		if val, err := json.Marshal(a); err == nil {
			if err := e.cache.Put(ctx, key, val); err != nil {
				e.cfg.Logger.Warn("llm cache write failed", "pages", pageRange(c), "err", err)
			}
		}
	}
	r := toResult(docID, a)
	r.Usage = usage
	return r, nil
}

// ask sends the chunk and re-asks, telling the model what was wrong, while
// the answer is malformed, at most MaxRetries times.
func (e *Extractor) ask(ctx context.Context, c chunk, user string) (Answer, extract.Usage, error) {
	var usage extract.Usage
	convo := []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: user}}
	var lastErr error
	for attempt := 0; attempt <= e.cfg.MaxRetries; attempt++ {
		resp, err := e.send(ctx, c, convo)
		if err != nil {
			return Answer{}, usage, err
		}
		usage.PromptTokens += resp.Usage.PromptTokens
		usage.CompletionTokens += resp.Usage.CompletionTokens
		content, finish := "", openai.FinishReason("")
		if len(resp.Choices) > 0 {
			content, finish = resp.Choices[0].Message.Content, resp.Choices[0].FinishReason
		}
		a, err := parseAnswer(e.schema, content, c)
		if err == nil {
			return a, usage, nil
		}
		if finish == openai.FinishReasonLength {
			err = fmt.Errorf("%w (cut off at the output token limit)", err)
		}
		lastErr = err
		e.cfg.Logger.Warn("llm answer rejected", "pages", pageRange(c), "attempt", attempt+1, "reason", err)
		convo = []openai.ChatCompletionMessage{
			convo[0],
			{Role: openai.ChatMessageRoleAssistant, Content: content},
			{Role: openai.ChatMessageRoleUser, Content: fmt.Sprintf(
				"Your previous answer was rejected: %v. Reply again with the complete JSON object for pages %d to %d, following the schema, citing only those pages, with quotes copied exactly.",
				err, c.first(), c.last())},
		}
	}
	return Answer{}, usage, fmt.Errorf("%d answers rejected, last: %w", e.cfg.MaxRetries+1, lastErr)
}

// request builds the chat request for the current structured-output mode.
func (e *Extractor) request(mode int32, convo []openai.ChatCompletionMessage) openai.ChatCompletionRequest {
	msgs := []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleSystem, Content: e.system}}
	if mode != modeJSONSchema {
		msgs = append(msgs, openai.ChatCompletionMessage{Role: openai.ChatMessageRoleSystem,
			Content: "Your reply must be one JSON object valid against this JSON schema:\n" + e.schemaJSON})
	}
	seed := Seed
	req := openai.ChatCompletionRequest{
		Model:       e.cfg.Model,
		Messages:    append(msgs, convo...),
		Temperature: Temperature,
		Seed:        &seed,
	}
	switch mode {
	case modeJSONSchema:
		req.ResponseFormat = &openai.ChatCompletionResponseFormat{
			Type: openai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{
				Name: schemaName, Schema: e.schema, Strict: true,
			},
		}
	case modeJSONObject:
		req.ResponseFormat = &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
	}
	if openai.NewReasoningValidator().Validate(req) != nil {
		req.Temperature = 0 // reasoning models refuse a temperature
	}
	return req
}

func pageRange(c chunk) string { return fmt.Sprintf("%d-%d", c.first(), c.last()) }

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// errFatal marks an error no other chunk can avoid: bad credentials, an
// unknown model or endpoint.
var errFatal = errors.New("endpoint refused the request")

func isFatal(err error) bool { return errors.Is(err, errFatal) }

// stopKey holds, in an Extract's context, the cancel function that stops
// the document's chunks when one of them meets a fatal refusal.
type stopKey struct{}
