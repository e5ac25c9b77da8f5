package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/llm"
	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/internal/eval"
	"github.com/medchron/medchron/internal/fixture"
	"github.com/medchron/medchron/internal/oracle"
)

func main() {
	ctx := context.Background()
	for _, dir := range os.Args[1:] {
		truth, _ := fixture.LoadTruth(filepath.Join(dir, "truth.json"))
		pages, _ := pdf.TextLayer(ctx, filepath.Join(dir, "born-digital.pdf"))
		srv := oracle.New(truth)
		hs := httptest.NewServer(srv)
		ex, _ := llm.New(llm.Config{BaseURL: hs.URL + "/v1", Model: oracle.Model, Logger: slog.New(slog.DiscardHandler)}, nil)
		res, _ := ex.Extract(ctx, extract.Document{ID: "doc", File: "b.pdf", Pages: len(pages)}, pages)
		hs.Close()
		doc := chronology.Document{ID: "doc", File: "b.pdf", SHA256: strings.Repeat("0", 64), Pages: len(pages)}
		c := chronology.Build(chronology.Matter{ID: "m", DateOfIncident: truth.IncidentDate, GapDays: truth.GapDays},
			[]chronology.Source{{Document: doc, Pages: pages, Result: res}}, chronology.Options{})
		r := eval.Compare(c, truth)
		fmt.Println("==", dir, "misses", srv.Misses())
		for _, s := range r.Scores {
			if s.F1() < 1 {
				fmt.Println(" ", s.Field, s.F1(), "missed", s.Missed, "extra", s.Extra)
			}
		}
		for _, f := range c.Flags {
			switch f.Kind {
			case "bill_total_mismatch", "unknown_provider", "date_not_quoted", "unverified":
				fmt.Println("  FLAG", f.Kind, f.Message)
			}
		}
	}
}
