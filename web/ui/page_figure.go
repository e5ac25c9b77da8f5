package ui

import (
	"context"
	"fmt"
	"net/url"

	"github.com/medchron/medchron/web/internal/core"
)

// Letter size in points, for pages stored without a size.
const letterW, letterH = 612.0, 792.0

// pageFigure is a page image with the quoted words highlighted, drawn as
// an SVG whose user units are the page's points: the image fills the
// view box and each highlight is a rect over it. SVG presentation
// attributes need neither inline styles nor script.
type pageFigure struct {
	DocID, File string
	Page, Pages int
	Bates       string
	ImageURL    string
	ViewURL     string // the page view, for opening the page on its own
	OriginalURL string // the original PDF at this page
	PrevURL     string
	NextURL     string
	W, H        float64
	Rects       []hlRect
	Others      []hlRect // the other quotes of the same entry on this page
	Quote       string
	Located     bool // the quote was found on the page
	Stored      bool // the page's text is stored (processed)
	Source      string
}

// figure lays out page n of a document of the matter, highlighting quote
// when it is not empty, and more lightly the others.
func (s *Handler) figure(ctx context.Context, matterID string, ix docIndex, docID string, n int, quote string, others ...string) (pageFigure, error) {
	f := pageFigure{DocID: docID, File: ix.file(docID), Page: n, Bates: ix.bates(docID, n), Quote: quote, W: letterW, H: letterH}
	if d := ix[docID]; d != nil {
		f.Pages = d.Pages
	}
	base := pagePath(matterID, docID, n)
	f.ImageURL = base + "/image.png"
	f.ViewURL = base
	f.OriginalURL = fmt.Sprintf("/matters/%s/documents/%s.pdf#page=%d", url.PathEscape(matterID), url.PathEscape(docID), n)
	if n > 1 {
		f.PrevURL = pagePath(matterID, docID, n-1)
	}
	if f.Pages == 0 || n < f.Pages {
		f.NextURL = pagePath(matterID, docID, n+1)
	}
	p, err := s.Store.Page(ctx, docID, n)
	if core.IsNotFound(err) {
		return f, nil
	}
	if err != nil {
		return f, fmt.Errorf("page %d of document %s: %w", n, docID, err)
	}
	f.Stored, f.Source = true, string(p.Source)
	if p.Width > 0 && p.Height > 0 {
		f.W, f.H = p.Width, p.Height
	}
	if quote != "" {
		f.Rects, f.Located = highlightQuote(p, quote)
	}
	for _, q := range others {
		if q != quote {
			rs, _ := highlightQuote(p, q)
			f.Others = append(f.Others, rs...)
		}
	}
	return f, nil
}
