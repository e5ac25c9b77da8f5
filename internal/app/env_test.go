package app

import (
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/search"
)

func TestReadEnv(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		env  map[string]string
		// errs are the variables the error must name ("" for no error).
		errs  []string
		check func(t *testing.T, e Environment)
	}{
		{name: "nothing set", check: func(t *testing.T, e Environment) {
			if e.LLM != nil || e.Embedding != nil || e.ExtractRetry != 0 || e.OCRTimeout != 0 || e.InProcess || e.HaveLLMPrices {
				t.Errorf("%+v, want all unset", e)
			}
		}},
		{name: "durations", env: map[string]string{EnvExtractRetry: "20ms", EnvOCRTimeout: "90s", EnvRescueAfter: "40m"},
			check: func(t *testing.T, e Environment) {
				if e.ExtractRetry != 20*time.Millisecond || e.OCRTimeout != 90*time.Second || e.RescueAfter != 40*time.Minute {
					t.Errorf("%+v", e)
				}
			}},
		{name: "every bad value reported", env: map[string]string{EnvOCRTimeout: "ninety", EnvExtractRetry: "-1s", EnvLLMPriceIn: "cheap", EnvSandbox: "no"},
			errs: []string{EnvOCRTimeout, EnvExtractRetry, EnvLLMPriceIn, EnvSandbox}},
		{name: "ollama without key", env: map[string]string{EnvLLMBaseURL: "http://localhost:11434", EnvLLMModel: "llama3.1:8b"},
			check: func(t *testing.T, e Environment) {
				if e.LLM == nil || e.LLM.BaseURL != "http://localhost:11434" || e.LLM.Model != "llama3.1:8b" || e.LLM.APIKey != "" {
					t.Errorf("LLM = %+v", e.LLM)
				}
			}},
		{name: "llm without model", env: map[string]string{EnvLLMBaseURL: "http://localhost:11434/v1"}, errs: []string{EnvLLMModel}},
		{name: "llm bad path", env: map[string]string{EnvLLMBaseURL: "http://localhost:11434/api", EnvLLMModel: "m"}, errs: []string{EnvLLMBaseURL}},
		{name: "embeddings without server", env: map[string]string{EnvEmbeddingModel: "nomic-embed-text"}, errs: []string{EnvEmbeddingModel}},
		{name: "embeddings bad server", env: map[string]string{EnvEmbeddingModel: "e", EnvLLMBaseURL: "localhost:11434/v2"}, errs: []string{EnvLLMBaseURL}},
		{name: "embeddings", env: map[string]string{EnvEmbeddingModel: "nomic-embed-text", EnvLLMBaseURL: "http://localhost:11434", EnvLLMModel: "m", EnvLLMAPIKey: "k"},
			check: func(t *testing.T, e Environment) {
				want := search.OpenAIConfig{BaseURL: "http://localhost:11434", APIKey: "k", Model: "nomic-embed-text"}
				if e.Embedding == nil || *e.Embedding != want {
					t.Errorf("Embedding = %+v, want %+v", e.Embedding, want)
				}
			}},
		{name: "prices need both", env: map[string]string{EnvLLMPriceIn: "2.5"}, check: func(t *testing.T, e Environment) {
			if e.HaveLLMPrices {
				t.Error("prices with only the prompt price set")
			}
		}},
		{name: "prices and knobs", env: map[string]string{EnvLLMPriceIn: "2.5", EnvLLMPriceOut: "10", EnvSandbox: "off", EnvAPIToken: "tok", EnvDebug: "1"},
			check: func(t *testing.T, e Environment) {
				if !e.HaveLLMPrices || e.LLMPriceIn != 2.5 || e.LLMPriceOut != 10 || !e.InProcess || e.APIToken != "tok" || !e.Debug {
					t.Errorf("%+v", e)
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, err := ReadEnv(func(k string) string { return tc.env[k] })
			if len(tc.errs) == 0 && err != nil {
				t.Fatalf("error %v", err)
			}
			if len(tc.errs) > 0 && err == nil {
				t.Fatalf("no error, want one naming %q", tc.errs)
			}
			for _, name := range tc.errs {
				if !strings.Contains(err.Error(), name) {
					t.Errorf("error %q does not name %s", err, name)
				}
			}
			if tc.check != nil {
				tc.check(t, e)
			}
		})
	}
}

func TestApplyKeepsWhatTheCallerSet(t *testing.T) {
	t.Parallel()
	e := Environment{ExtractRetry: time.Second, OCRTimeout: time.Minute, InProcess: true}
	got := e.Apply(Config{ExtractRetry: 5 * time.Millisecond})
	if got.ExtractRetry != 5*time.Millisecond || got.OCRTimeout != time.Minute || !got.InProcess {
		t.Errorf("Apply = %+v", got)
	}
}

func TestLoadTimeZone(t *testing.T) {
	if loc, err := LoadTimeZone("America/Los_Angeles"); err != nil || loc.String() != "America/Los_Angeles" {
		t.Errorf("LoadTimeZone(America/Los_Angeles) = %v, %v", loc, err)
	}
	if loc, err := LoadTimeZone(""); err != nil || loc != time.Local {
		t.Errorf("empty name: %v, %v; want the machine's zone", loc, err)
	}
	if _, err := LoadTimeZone("Pacific Standard"); err == nil || !strings.Contains(err.Error(), "IANA") {
		t.Errorf("a name that is no zone: %v", err)
	}
}
