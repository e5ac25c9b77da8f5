package llm

import (
	"strings"

	"github.com/medchron/medchron/extract"
)

// chunk is a run of consecutive pages sent in one request.
type chunk struct {
	index int
	pages []extract.Page
}

// first and last are the chunk's first and last page numbers.
func (c chunk) first() int { return c.pages[0].Number }
func (c chunk) last() int  { return c.pages[len(c.pages)-1].Number }

// has reports whether page n is in the chunk.
func (c chunk) has(n int) bool {
	for _, p := range c.pages {
		if p.Number == n {
			return true
		}
	}
	return false
}

// chunkPages splits pages into chunks of at most maxPages pages and about
// maxChars characters of text, keeping page order. Pages without text are
// skipped: they hold nothing to extract. A page longer than maxChars forms
// a chunk of its own.
func chunkPages(pages []extract.Page, maxPages, maxChars int) []chunk {
	var out []chunk
	var cur []extract.Page
	size := 0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, chunk{index: len(out), pages: cur})
			cur, size = nil, 0
		}
	}
	for _, p := range pages {
		if strings.TrimSpace(p.Text) == "" {
			continue
		}
		n := len(p.Text)
		if len(cur) > 0 && (len(cur) >= maxPages || size+n > maxChars) {
			flush()
		}
		cur = append(cur, p)
		size += n
	}
	flush()
	return out
}
