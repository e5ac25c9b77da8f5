package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/medchron/medchron/extract/llm"
	"github.com/medchron/medchron/internal/docx"
	"github.com/medchron/medchron/search"
	"github.com/medchron/medchron/store/seal"
)

// Environment variables medchron reads. They are read in this file only;
// every package below internal/app takes plain values.
const (
	EnvDatabaseURL    = "DATABASE_URL"
	EnvDB             = "MEDCHRON_DB"
	EnvFallback       = "MEDCHRON_LLM_FALLBACK"
	EnvLLMBaseURL     = "OPENAI_BASE_URL"
	EnvLLMAPIKey      = "OPENAI_API_KEY"
	EnvLLMModel       = "MEDCHRON_LLM_MODEL"
	EnvEmbeddingModel = "MEDCHRON_EMBEDDING_MODEL"
	EnvExtractRetry   = "MEDCHRON_EXTRACT_RETRY"
	EnvOCRTimeout     = "MEDCHRON_OCR_TIMEOUT"
	EnvRescueAfter    = "MEDCHRON_RESCUE_AFTER"
	EnvSandbox        = "MEDCHRON_SANDBOX"
	EnvLLMPriceIn     = "MEDCHRON_LLM_PRICE_IN"
	EnvLLMPriceOut    = "MEDCHRON_LLM_PRICE_OUT"
	EnvAPIToken       = "MEDCHRON_API_TOKEN"
	EnvDebug          = "MEDCHRON_DEBUG"
	EnvCPUProfile     = "MEDCHRON_CPUPROFILE"
	EnvHeapProfile    = "MEDCHRON_HEAPPROFILE"
	EnvTrace          = "MEDCHRON_TRACE"
	EnvDOCXTemplate   = "MEDCHRON_DOCX_TEMPLATE"
	EnvTimeZone       = "MEDCHRON_TIME_ZONE"
)

// Environment is what the environment variables say, read once by ReadEnv
// when a command starts.
type Environment struct {
	// LLM configures the LLM extractor; nil when OPENAI_BASE_URL is unset.
	LLM *llm.Config
	// Embedding configures an OpenAI-compatible embedder; nil for the
	// built-in local one (MEDCHRON_EMBEDDING_MODEL unset).
	Embedding *search.OpenAIConfig
	// ExtractRetry, OCRTimeout and RescueAfter are 0 when unset: the
	// defaults of Config apply.
	ExtractRetry, OCRTimeout, RescueAfter time.Duration
	// InProcess is MEDCHRON_SANDBOX=off: read files without the reader
	// processes (debugging only).
	InProcess bool
	// LLMPriceIn and LLMPriceOut are US dollars per million prompt and
	// completion tokens; HaveLLMPrices reports whether both are set.
	LLMPriceIn, LLMPriceOut float64
	HaveLLMPrices           bool
	// APIToken lets scripts call the API without a session ("" for none).
	APIToken string
	// Debug turns on debug logging; CPUProfile names a file for a CPU
	// profile of the command, HeapProfile one for the heap profile at the
	// command's largest heap, and Trace one for its execution trace (""
	// for none).
	Debug       bool
	CPUProfile  string
	HeapProfile string
	Trace       string
}

// ReadEnv reads the environment through getenv (os.Getenv in a program, a
// map in tests). A value that does not parse is an error naming the
// variable; all such errors are reported together.
func ReadEnv(getenv func(string) string) (Environment, error) {
	get := func(name string) string { return strings.TrimSpace(getenv(name)) }
	var e Environment
	var errs []error
	duration := func(name string) time.Duration {
		v := get(name)
		if v == "" {
			return 0
		}
		d, err := time.ParseDuration(v)
		if err == nil && d < 0 {
			err = errors.New("negative")
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s=%q: want a duration such as 90s or 5m", name, v))
		}
		return d
	}
	price := func(name string) (float64, bool) {
		v := get(name)
		if v == "" {
			return 0, false
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 {
			errs = append(errs, fmt.Errorf("%s=%q: want dollars per million tokens, such as 2.5", name, v))
			return 0, false
		}
		return f, true
	}
	e.ExtractRetry = duration(EnvExtractRetry)
	e.OCRTimeout = duration(EnvOCRTimeout)
	e.RescueAfter = duration(EnvRescueAfter)
	var okIn, okOut bool
	e.LLMPriceIn, okIn = price(EnvLLMPriceIn)
	e.LLMPriceOut, okOut = price(EnvLLMPriceOut)
	e.HaveLLMPrices = okIn && okOut
	switch v := get(EnvSandbox); v {
	case "", "on":
	case "off":
		e.InProcess = true
	default:
		errs = append(errs, fmt.Errorf("%s=%q: want off (or nothing)", EnvSandbox, v))
	}
	base, key, model := get(EnvLLMBaseURL), get(EnvLLMAPIKey), get(EnvLLMModel)
	switch {
	case base == "":
	case model == "":
		errs = append(errs, fmt.Errorf("llm: %s is set but %s is not: name the model to use", EnvLLMBaseURL, EnvLLMModel))
	default:
		cfg := llm.Config{BaseURL: base, APIKey: key, Model: model}
		if err := cfg.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", EnvLLMBaseURL, err))
		} else {
			e.LLM = &cfg
		}
	}
	if em := get(EnvEmbeddingModel); em != "" {
		if base == "" {
			errs = append(errs, fmt.Errorf("embeddings: %s is set but %s is not: name the server (ending in /v1)", EnvEmbeddingModel, EnvLLMBaseURL))
		} else if _, err := llm.NormaliseBaseURL(base); err != nil {
			errs = append(errs, fmt.Errorf("embeddings: %s: %w", EnvLLMBaseURL, err))
		} else {
			e.Embedding = &search.OpenAIConfig{BaseURL: base, APIKey: key, Model: em}
		}
	}
	e.APIToken = getenv(EnvAPIToken)
	e.Debug = getenv(EnvDebug) != ""
	e.CPUProfile = getenv(EnvCPUProfile)
	e.HeapProfile = getenv(EnvHeapProfile)
	e.Trace = getenv(EnvTrace)
	return e, errors.Join(errs...)
}

// Apply fills the fields of cfg that the environment sets and cfg leaves
// at their zero value, and returns it.
func (e Environment) Apply(cfg Config) Config {
	if cfg.LLM == nil {
		cfg.LLM = e.LLM
	}
	if cfg.Embedding == nil {
		cfg.Embedding = e.Embedding
	}
	if cfg.ExtractRetry == 0 {
		cfg.ExtractRetry = e.ExtractRetry
	}
	if cfg.OCRTimeout == 0 {
		cfg.OCRTimeout = e.OCRTimeout
	}
	if cfg.RescueAfter == 0 {
		cfg.RescueAfter = e.RescueAfter
	}
	cfg.InProcess = cfg.InProcess || e.InProcess
	return cfg
}

// DatabaseURL returns $DATABASE_URL, the default of --database-url.
func DatabaseURL() string { return os.Getenv(EnvDatabaseURL) }

// Fallback returns $MEDCHRON_LLM_FALLBACK, the default of the commands'
// --llm-fallback flag.
func Fallback() string { return os.Getenv(EnvFallback) }

// DOCXTemplate is $MEDCHRON_DOCX_TEMPLATE: the firm's Word template for
// chronology.docx and demand.docx, or empty.
func DOCXTemplate() string { return os.Getenv(EnvDOCXTemplate) }

// TimeZone is $MEDCHRON_TIME_ZONE: the firm's time zone, or empty.
func TimeZone() string { return os.Getenv(EnvTimeZone) }

// LoadTimeZone reads an IANA time zone name ("America/Chicago"); an empty
// name is the machine's zone (time.Local).
func LoadTimeZone(name string) (*time.Location, error) {
	if name == "" {
		return time.Local, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("time zone %q: want an IANA name such as America/New_York: %w", name, err)
	}
	return loc, nil
}

// maxTemplateFile bounds a Word template file.
const maxTemplateFile = 64 << 20

// LoadDOCXTemplate reads the firm's Word template at path; an empty path
// is no template (nil, nil). Errors name the file.
func LoadDOCXTemplate(path string) (*docx.Template, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("Word template: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxTemplateFile+1))
	if err != nil {
		return nil, fmt.Errorf("Word template %s: %w", path, err)
	}
	if len(b) > maxTemplateFile {
		return nil, fmt.Errorf("Word template %s: larger than %d MB", path, maxTemplateFile>>20)
	}
	t, err := docx.ParseTemplate(b)
	if err != nil {
		return nil, fmt.Errorf("Word template %s: %w", path, err)
	}
	return t, nil
}

// DefaultDBPath is $MEDCHRON_DB, or medchron.db in the user's data folder
// ($XDG_DATA_HOME/medchron, ~/.local/share/medchron).
func DefaultDBPath() string {
	if p := os.Getenv(EnvDB); p != "" {
		return p
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "medchron.db"
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "medchron", "medchron.db")
}

// EmbeddedKeyFile is the key file of the embedded database at dbPath:
// $MEDCHRON_KEY_FILE, else the file beside the database named like it
// with ".key" added. It is kept out of the database file, so that a copy
// of the database alone (a backup, a lost laptop's disk image taken
// without it) does not open the originals.
func EmbeddedKeyFile(dbPath string) string {
	if p := os.Getenv(seal.EnvKeyFile); p != "" {
		return p
	}
	return dbPath + ".key"
}

// ServerKeyFile is the key file of the server mode: $MEDCHRON_KEY_FILE,
// else medchron/medchron.key in the user's configuration folder. Every
// machine running medchron on one database needs a copy of the same file.
func ServerKeyFile() (string, error) {
	if p := os.Getenv(seal.EnvKeyFile); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no configuration folder for the key file (set %s): %w", seal.EnvKeyFile, err)
	}
	return filepath.Join(dir, "medchron", "medchron.key"), nil
}
