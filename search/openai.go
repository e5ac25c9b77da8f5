package search

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/medchron/medchron/extract/llm"
)

// Defaults applied by NewOpenAI to zero OpenAIConfig fields.
const (
	DefaultBatchSize  = 64
	DefaultMaxRetries = 3
	DefaultRetryWait  = time.Second
	DefaultTimeout    = 2 * time.Minute
)

// OpenAIConfig configures an OpenAI-compatible embedder.
type OpenAIConfig struct {
	// BaseURL is the API root ending in /v1 (a bare host gets /v1).
	BaseURL string
	// APIKey is sent as a bearer token when set.
	APIKey string
	// Model is the embedding model the server knows.
	Model string
	// BatchSize is the most texts sent in one request.
	BatchSize int
	// MaxRetries is how many times a request is retried after a 429, a
	// 5xx or a network error; negative means none.
	MaxRetries int
	// RetryWait is the first wait between retries; it doubles each time.
	RetryWait time.Duration
	// Timeout bounds each request.
	Timeout time.Duration
	// HTTPClient sends the requests (default: a new client with Timeout).
	HTTPClient *http.Client
}

// OpenAI embeds through an OpenAI-compatible /v1/embeddings endpoint. It
// is safe for concurrent use.
type OpenAI struct {
	cfg    OpenAIConfig
	client *openai.Client

	mu  sync.Mutex
	dim int
}

// NewOpenAI returns an embedder for cfg.
func NewOpenAI(cfg OpenAIConfig) (*OpenAI, error) {
	base, err := llm.NormaliseBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, fmt.Errorf("embeddings: %w", err)
	}
	if strings.TrimSpace(cfg.Model) == "" {
		return nil, errors.New("embeddings: no model configured")
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = DefaultBatchSize
	}
	switch {
	case cfg.MaxRetries == 0:
		cfg.MaxRetries = DefaultMaxRetries
	case cfg.MaxRetries < 0:
		cfg.MaxRetries = 0
	}
	if cfg.RetryWait <= 0 {
		cfg.RetryWait = DefaultRetryWait
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: cfg.Timeout}
	}
	oc := openai.DefaultConfig(cfg.APIKey)
	oc.BaseURL = base
	oc.HTTPClient = cfg.HTTPClient
	return &OpenAI{cfg: cfg, client: openai.NewClientWithConfig(oc)}, nil
}

// Model implements Embedder.
func (o *OpenAI) Model() string { return o.cfg.Model }

// Dim implements Embedder: 0 until the server has answered once.
func (o *OpenAI) Dim() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.dim
}

// Embed implements Embedder, sending the texts in batches. Empty texts
// get a zero vector without being sent.
func (o *OpenAI) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	var idx []int
	var batch []string
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		vecs, err := o.embedBatch(ctx, batch)
		if err != nil {
			return err
		}
		for j, i := range idx {
			out[i] = vecs[j]
		}
		idx, batch = idx[:0], batch[:0]
		return nil
	}
	for i, t := range texts {
		if strings.TrimSpace(t) == "" {
			continue
		}
		idx, batch = append(idx, i), append(batch, t)
		if len(batch) == o.cfg.BatchSize {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	dim := o.Dim()
	for i := range out {
		if out[i] == nil {
			out[i] = make([]float32, dim)
		}
	}
	return out, nil
}

// embedBatch sends one request, retrying transient failures.
func (o *OpenAI) embedBatch(ctx context.Context, texts []string) ([][]float32, error) {
	req := openai.EmbeddingRequestStrings{Input: texts, Model: openai.EmbeddingModel(o.cfg.Model)}
	wait := o.cfg.RetryWait
	for attempt := 0; ; attempt++ {
		res, err := o.client.CreateEmbeddings(ctx, req)
		if err == nil {
			return o.vectors(res, len(texts))
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if attempt >= o.cfg.MaxRetries || !retryable(err) {
			return nil, fmt.Errorf("embeddings from model %s: %w", o.cfg.Model, safeError(err))
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
		wait *= 2
	}
}

// vectors checks an answer: one vector per text, every one of the
// dimension of the first answer ever received.
func (o *OpenAI) vectors(res openai.EmbeddingResponse, n int) ([][]float32, error) {
	if len(res.Data) != n {
		return nil, fmt.Errorf("embeddings from model %s: %d vectors for %d texts", o.cfg.Model, len(res.Data), n)
	}
	out := make([][]float32, n)
	o.mu.Lock()
	defer o.mu.Unlock()
	for i, d := range res.Data {
		j := d.Index
		if j < 0 || j >= n || out[j] != nil {
			j = i // servers that leave index out answer in order
		}
		if len(d.Embedding) == 0 {
			return nil, fmt.Errorf("embeddings from model %s: empty vector", o.cfg.Model)
		}
		if o.dim == 0 {
			o.dim = len(d.Embedding)
		}
		if len(d.Embedding) != o.dim {
			return nil, fmt.Errorf("embeddings from model %s: a vector of %d dimensions, earlier ones had %d", o.cfg.Model, len(d.Embedding), o.dim)
		}
		out[j] = d.Embedding
	}
	return out, nil
}

// retryable reports whether err is a rate limit, a server error or a
// network failure.
func retryable(err error) bool {
	if code := statusOf(err); code != 0 {
		return code == http.StatusTooManyRequests || code >= 500
	}
	return true // no HTTP status: the request did not complete
}

func statusOf(err error) int {
	var apiErr *openai.APIError
	if errors.As(err, &apiErr) {
		return apiErr.HTTPStatusCode
	}
	var reqErr *openai.RequestError
	if errors.As(err, &reqErr) {
		return reqErr.HTTPStatusCode
	}
	return 0
}

// safeError drops a server's error body, which may quote the texts sent
// (page text is PHI), keeping the status.
func safeError(err error) error {
	if code := statusOf(err); code != 0 {
		return fmt.Errorf("HTTP %d %s", code, http.StatusText(code))
	}
	return err
}
