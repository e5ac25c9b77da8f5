package cli

import (
	"runtime"

	"github.com/medchron/medchron/internal/app"
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
	return h.Search
}
