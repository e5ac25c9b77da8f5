package llmdraft

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/medchron/medchron/chronology/report/reporttest"
)

// TestLive drafts the treatment section of the sample matter through a
// real endpoint and logs how many sentences the checker passed. It runs
// only when OPENAI_BASE_URL and MEDCHRON_LLM_MODEL are set (with
// OPENAI_API_KEY where the server needs one), like extract/llm's.
func TestLive(t *testing.T) {
	base, model := os.Getenv("OPENAI_BASE_URL"), os.Getenv("MEDCHRON_LLM_MODEL")
	if base == "" || model == "" {
		t.Skip("set OPENAI_BASE_URL and MEDCHRON_LLM_MODEL to draft against a live endpoint")
	}
	d, err := New(Config{BaseURL: base, APIKey: os.Getenv("OPENAI_API_KEY"), Model: model})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out, err := d.Draft(ctx, Request{Section: "treatment", Chronology: reporttest.Sample(), Eligible: reviewed})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Sentences) == 0 {
		t.Fatal("no sentence drafted")
	}
	t.Logf("%d sentences, %d failed, usage %+v", len(out.Sentences), len(out.Failed()), out.Usage)
	for _, s := range out.Failed() {
		t.Logf("failed: %v", s.Reasons())
	}
}
