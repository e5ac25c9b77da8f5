package cli

import (
	"context"
	"runtime"

	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/search"
	"github.com/medchron/medchron/web"
)

// defaultWorkers is the number of OCR workers when none is asked for: one
// Tesseract client per core.
func defaultWorkers() int { return runtime.NumCPU() }

// searcherFor returns the search the HTTP API answers with, or nil.
func searcherFor(h *app.App) web.Searcher {
	if h.Search == nil {
		return nil
	}
	return webSearch{h.Search}
}

// webSearch adapts search.Service to web.Searcher.
type webSearch struct{ svc *search.Service }

func (s webSearch) Search(ctx context.Context, matterID, query string, limit int) ([]web.SearchHit, error) {
	hits, err := s.svc.Search(ctx, matterID, query, limit)
	if err != nil {
		return nil, err
	}
	out := make([]web.SearchHit, len(hits))
	for i, h := range hits {
		out[i] = web.SearchHit{Kind: h.Kind, DocumentID: h.DocumentID, File: h.File, Page: h.Page, EntryID: h.EntryID,
			Date: h.Date, Provider: h.Provider, Snippet: h.Snippet, Score: h.Score}
	}
	return out, nil
}
