package llmdraft

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/medchron/medchron/extract/llm"
	openai "github.com/sashabaranov/go-openai"
)

// Defaults applied by New to zero Config fields.
const (
	DefaultTimeout    = 3 * time.Minute
	DefaultMaxRetries = 1
)

// Config configures a Drafter. BaseURL and Model are required; the
// command line and the server fill it from the same settings as the LLM
// extractor's (OPENAI_BASE_URL, OPENAI_API_KEY, MEDCHRON_LLM_MODEL).
type Config struct {
	// BaseURL is the API root ending in /v1 (a bare host gets /v1).
	BaseURL string
	// APIKey is sent as a bearer token when set.
	APIKey string
	// Model is the model name the server knows.
	Model string
	// Timeout bounds each request.
	Timeout time.Duration
	// MaxRetries is how many times a malformed answer is re-asked, telling
	// the model what was wrong. 0 means DefaultMaxRetries; negative, none.
	MaxRetries int
	// HTTPClient is used for requests (default: a new client).
	HTTPClient *http.Client
	// Logger receives request failures, never record text (default
	// slog.Default()).
	Logger *slog.Logger
}

// Drafter drafts sections. It is safe for concurrent use.
type Drafter struct {
	cfg    Config
	client *openai.Client
}

// New returns a Drafter for cfg.
func New(cfg Config) (*Drafter, error) {
	base, err := llm.NormaliseBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	cfg.BaseURL = base
	if strings.TrimSpace(cfg.Model) == "" {
		return nil, errors.New("llm draft: no model configured")
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
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	oc := openai.DefaultConfig(cfg.APIKey)
	oc.BaseURL = cfg.BaseURL
	if cfg.HTTPClient != nil {
		oc.HTTPClient = cfg.HTTPClient
	}
	return &Drafter{cfg: cfg, client: openai.NewClientWithConfig(oc)}, nil
}

// FromExtractor returns the drafting configuration of the endpoint the LLM
// extractor is configured with (internal/app's Environment.LLM): the same
// server, key, model, HTTP client, timeout and logger.
func FromExtractor(cfg llm.Config) Config {
	return Config{BaseURL: cfg.BaseURL, APIKey: cfg.APIKey, Model: cfg.Model, Timeout: cfg.Timeout,
		HTTPClient: cfg.HTTPClient, Logger: cfg.Logger}
}

// Model returns the configured model name.
func (d *Drafter) Model() string { return d.cfg.Model }
