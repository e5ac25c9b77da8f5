package ui

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/exhibit"
	"github.com/medchron/medchron/web/internal/core"
)

// exhibitExport builds the Bates-stamped exhibit of the matter's records:
// the chronology's documents in Bates order, each under the provider of
// its earliest cited entry.
func exhibitExport(s *Handler, ctx context.Context, m chronology.Matter, w *bytes.Buffer) (string, error) {
	c, err := s.ReviewedChronology(ctx, m.ID)
	if core.IsNotFound(err) {
		return "", errNothingToExport
	}
	if err != nil {
		return "", err
	}
	providers := documentProviders(c)
	var docs []exhibit.Doc
	for _, d := range c.Documents {
		if d.BatesFirst == "" || d.Pages == 0 {
			continue // not numbered: the chronology cites none of its pages
		}
		id := d.ID
		load := func() ([]byte, error) { // read when its turn comes: one document in memory at a time
			data, err := s.Store.DocumentBlob(ctx, id)
			if err != nil {
				return nil, fmt.Errorf("exhibit: document %s: %w", id, err)
			}
			return data, nil
		}
		docs = append(docs, exhibit.Doc{Provider: providers[d.ID], Title: d.File, File: d.File, Load: load, BatesFirst: d.BatesFirst, BatesLast: d.BatesLast, Pages: d.Pages})
	}
	if len(docs) == 0 {
		return "", errNothingToExport
	}
	if err := exhibit.Build(ctx, w, docs, exhibit.Options{BatesPrefix: batesPrefix(docs[0].BatesFirst)}); err != nil {
		return "", err
	}
	return fmt.Sprintf("%d documents", len(docs)), nil
}

// documentProviders maps each document to the provider of the earliest
// dated entry citing it (undated entries count last).
func documentProviders(c chronology.Chronology) map[string]string {
	type seen struct {
		date     string
		provider string
	}
	best := map[string]seen{}
	for _, e := range c.Entries {
		date := e.Date.String()
		if date == "" {
			date = "9999"
		}
		for _, ct := range e.Citations {
			if b, ok := best[ct.DocumentID]; !ok || date < b.date {
				best[ct.DocumentID] = seen{date, e.Provider}
			}
		}
	}
	out := make(map[string]string, len(best))
	for id, b := range best {
		out[id] = b.provider
	}
	return out
}

// batesPrefix returns the letters before a Bates number's digits: the
// prefix the chronology was numbered with.
func batesPrefix(bates string) string {
	return strings.TrimRight(bates, "0123456789")
}
