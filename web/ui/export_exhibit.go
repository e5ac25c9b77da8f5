package ui

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/exhibit"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/web/internal/core"
)

// exhibitExport builds the Bates-stamped exhibit of the matter's records
// (exhibit.WriteMatter, as medchron process writes it): the chronology's
// documents in Bates order, each under the provider of its earliest cited
// entry.
func exhibitExport(s *Handler, ctx context.Context, m chronology.Matter, w io.Writer) (string, error) {
	c, err := s.ReviewedChronology(ctx, m.ID)
	if core.IsNotFound(err) {
		return "", errNothingToExport
	}
	if err != nil {
		return "", err
	}
	n, err := exhibit.WriteMatter(ctx, w, c, exhibit.Sources{
		Load: func(id string) ([]byte, error) {
			data, err := s.Store.DocumentBlob(ctx, id)
			if err != nil {
				return nil, fmt.Errorf("exhibit: document %s: %w", id, err)
			}
			return data, nil
		},
		// Each original parsed part by part from a decrypted file, not
		// held whole beside the parser's copy of its streams.
		Open: func(id string) (io.ReadSeekCloser, error) {
			f, err := s.Pipeline.OriginalFile(ctx, id)
			if err != nil {
				return nil, fmt.Errorf("exhibit: document %s: %w", id, err)
			}
			return f, nil
		},
		Words: func(id string, first, last int) ([]extract.Page, error) {
			return s.Store.PagesBetween(ctx, id, first, last)
		},
	})
	if errors.Is(err, exhibit.ErrNoDocuments) {
		return "", errNothingToExport
	}
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d documents", n), nil
}
