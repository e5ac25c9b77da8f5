package llm

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// TestLive extracts one synthetic page through a real endpoint. It runs
// only when OPENAI_BASE_URL and MEDCHRON_LLM_MODEL are set.
func TestLive(t *testing.T) {
	cfg := Config{BaseURL: os.Getenv("OPENAI_BASE_URL"), APIKey: os.Getenv("OPENAI_API_KEY"), Model: os.Getenv("MEDCHRON_LLM_MODEL")}
	if cfg.BaseURL == "" || cfg.Model == "" {
		t.Skip("set OPENAI_BASE_URL and MEDCHRON_LLM_MODEL to run against a live endpoint")
	}
	e, err := New(cfg, NewMemoryCache())
	if err != nil {
		t.Fatal(err)
	}
	page := extract.Page{DocumentID: "live", Number: 1, Source: extract.SourceText, Text: "RIVERSIDE URGENT CARE\n" +
		"Patient: Test Patient   DOB: 01/02/1970\nDate of Service: 06/15/2024\n" +
		"Chief complaint: low back pain after slip and fall on 06/14/2024.\nPain 6/10.\n" +
		"Arrived by private vehicle.\nAssessment: Lumbar strain (S39.012A).\nPlan: Naproxen 500 mg. Follow up in 2 weeks.\n"}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	res, err := e.Extract(ctx, extract.Document{ID: "live", File: "live.pdf", Pages: 1}, []extract.Page{page})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("usage %+v, %d encounters, %d page classes, %d expected records, page errors %v",
		res.Usage, len(res.Encounters), len(res.Pages), len(res.Expected), res.PageErrors)
	if len(res.Pages) != 1 || res.Pages[0].Class == "" {
		t.Errorf("page classes %+v, want the page classed", res.Pages)
	}
	want := dates.New(2024, 6, 15)
	found := false
	for _, enc := range res.Encounters {
		found = found || enc.Date == want
		if enc.Date == dates.New(1970, 1, 2) {
			t.Error("date of birth returned as a date of service")
		}
	}
	if !found {
		t.Errorf("no encounter dated %s", want)
	}
}
