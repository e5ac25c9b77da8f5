package llm

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/medchron/medchron/prompts"
)

// Defaults applied by New to zero Config fields.
const (
	DefaultMaxConcurrency   = 2
	DefaultTimeout          = 3 * time.Minute
	DefaultMaxRetries       = 2
	DefaultMaxRetryWait     = 2 * time.Minute
	DefaultPagesPerChunk    = 6
	DefaultMaxCharsPerChunk = 20000
	// Temperature is sent instead of 0, which go-openai would omit.
	Temperature = 0.0001
	// Seed is sent with every request for repeatable answers where the
	// server supports it.
	Seed = 7
)

// Config configures the LLM extractor. Only BaseURL and Model are required.
type Config struct {
	// BaseURL is the API root ending in /v1, e.g. http://localhost:11434/v1.
	// A bare host (no path) gets /v1 appended.
	BaseURL string
	// APIKey is sent as a bearer token when set; local servers need none.
	APIKey string
	// Model is the model name the server knows.
	Model string
	// PromptVersion selects the prompt (default prompts.LatestExtraction).
	PromptVersion string
	// MaxConcurrency bounds requests in flight across all documents.
	MaxConcurrency int
	// Timeout bounds each HTTP request.
	Timeout time.Duration
	// MaxRetries is how many times a chunk is re-asked after a malformed
	// Answer, and how many times a request is retried after a 429, a 5xx or
	// a timeout (counted separately). 0 means DefaultMaxRetries; a negative
	// value means no retries.
	MaxRetries int
	// MaxRetryWait bounds the total time one chunk spends waiting between
	// retries; a Retry-After beyond it ends the retries.
	MaxRetryWait time.Duration
	// PagesPerChunk and MaxCharsPerChunk bound a chunk of consecutive pages.
	// A single page longer than MaxCharsPerChunk is sent alone.
	PagesPerChunk    int
	MaxCharsPerChunk int
	// ExtraBody is merged into every request's JSON body, for server
	// options go-openai has no field for, e.g.
	// {"options": {"num_ctx": 16384}} for Ollama. Nil sends nothing extra.
	ExtraBody map[string]any
	// HTTPClient is used for requests (default: a new client). Its
	// Transport is wrapped, not replaced.
	HTTPClient *http.Client
	// Logger receives retry and failure events, never page text
	// (default slog.Default()).
	Logger *slog.Logger
}

// Validate reports whether cfg can make an extractor: an http(s) base URL
// ending in /v1 (or a bare host) and a model. New checks the same.
func (cfg Config) Validate() error { return cfg.normalise() }

// NormaliseBaseURL checks that raw is an http(s) URL and returns it ending
// in /v1: a bare host gets /v1 appended, a trailing slash or
// /chat/completions is removed. Any other path is an error.
func NormaliseBaseURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("llm base URL %q: want http(s)://host[:port]/v1", raw)
	}
	p := strings.TrimRight(u.Path, "/")
	p = strings.TrimSuffix(p, "/chat/completions")
	switch {
	case p == "":
		p = "/v1"
	case !strings.HasSuffix(p, "/v1"):
		return "", fmt.Errorf("llm base URL %q: the path must end in /v1 (e.g. http://localhost:11434/v1)", raw)
	}
	u.Path, u.RawPath = p, ""
	u.RawQuery, u.Fragment = "", ""
	return u.String(), nil
}

// normalise checks cfg and fills defaults.
func (cfg *Config) normalise() error {
	base, err := NormaliseBaseURL(cfg.BaseURL)
	if err != nil {
		return err
	}
	cfg.BaseURL = base
	if strings.TrimSpace(cfg.Model) == "" {
		return errors.New("llm: no model configured")
	}
	if cfg.PromptVersion == "" {
		cfg.PromptVersion = prompts.LatestExtraction
	}
	if cfg.MaxConcurrency <= 0 {
		cfg.MaxConcurrency = DefaultMaxConcurrency
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	switch {
	case cfg.MaxRetries == 0:
		cfg.MaxRetries = DefaultMaxRetries
	case cfg.MaxRetries < 0:
		cfg.MaxRetries = 0
	}
	if cfg.MaxRetryWait <= 0 {
		cfg.MaxRetryWait = DefaultMaxRetryWait
	}
	if cfg.PagesPerChunk <= 0 {
		cfg.PagesPerChunk = DefaultPagesPerChunk
	}
	if cfg.MaxCharsPerChunk <= 0 {
		cfg.MaxCharsPerChunk = DefaultMaxCharsPerChunk
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return nil
}
