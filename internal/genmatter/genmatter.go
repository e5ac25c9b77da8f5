// Package genmatter builds the chronology of a generated record bundle the
// way the pipeline would, without a database: the bundle (internal/fixture)
// is written as a born-digital PDF, its text layer read with poppler's
// pdftotext, its facts extracted by the rules extractor and the chronology
// built. Tests of the demand letter, its checker and the adjuster's read use
// it to run on a realistic matter.
package genmatter

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/extract/rules"
	"github.com/medchron/medchron/internal/fixture"
)

// Chronology writes the bundle of spec into dir and returns its
// chronology (every entry as extracted: unreviewed) and its truth.
func Chronology(ctx context.Context, dir string, spec fixture.Spec) (chronology.Chronology, fixture.Truth, error) {
	tr, err := fixture.WriteBornDigitalBundle(ctx, dir, spec)
	if err != nil {
		return chronology.Chronology{}, tr, fmt.Errorf("generated matter: %w", err)
	}
	pages, err := pdf.TextLayer(ctx, filepath.Join(dir, fixture.BornDigitalFile))
	if err != nil {
		return chronology.Chronology{}, tr, fmt.Errorf("generated matter: %w", err)
	}
	for i := range pages {
		pages[i].DocumentID = "doc-1"
	}
	doc := extract.Document{ID: "doc-1", File: fixture.BornDigitalFile, SHA256: "generated", Pages: len(pages)}
	res, err := rules.New(rules.Options{}).Extract(ctx, doc, pages)
	if err != nil {
		return chronology.Chronology{}, tr, fmt.Errorf("generated matter: %w", err)
	}
	m := chronology.Matter{ID: "M-GEN", Client: tr.Patient, DateOfIncident: tr.IncidentDate, GapDays: tr.GapDays}
	c := chronology.Build(m, []chronology.Source{{Document: chronology.Document{Document: doc}, Pages: pages,
		Result: res, Extractor: "rules"}}, chronology.Options{})
	return c, tr, nil
}
