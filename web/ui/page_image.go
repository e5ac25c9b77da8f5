package ui

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/imagedoc"
	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/web/internal/core"
)

// Resolutions a page image is drawn at; the default suits a screen.
var pageDPIs = map[int]bool{72: true, 110: true, 150: true, 200: true}

const defaultPageDPI = 110

// renderPage draws a page, waiting up to renderWait for a free render
// slot (core.ErrBusy after that).
func (s *Handler) renderPage(ctx context.Context, blob []byte, n, dpi int) ([]byte, error) {
	release, err := s.renderSlots.Take(ctx, renderWait)
	if err != nil {
		return nil, err
	}
	defer release()
	if s.Renderer != nil {
		return s.Renderer.RenderPage(ctx, blob, n, dpi)
	}
	if imagedoc.Sniff(blob[:min(len(blob), 16)]) != "" {
		return imagedoc.RenderPage(blob, n, dpi)
	}
	return pdf.RenderPage(ctx, blob, n, dpi)
}

// maxPagePixels bounds a page image the browser may ask for: a page whose
// stored size at the asked resolution exceeds it is not drawn.
const maxPagePixels = 40 << 20

// tooLarge reports whether the stored page is too large to draw at dpi
// (width × height in points, when known).
func tooLarge(p extract.Page, dpi int) bool {
	w, h := p.Width*float64(dpi)/72, p.Height*float64(dpi)/72
	return w*h > maxPagePixels || w > 30000 || h > 30000
}

// PageImage answers a page of a document of the matter as PNG (?dpi= one
// of 72, 110, 150, 200). Every request is audited, cached or not.
func (s *Handler) PageImage(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	ctx := r.Context()
	docID, n, ok := s.matterDocumentPage(w, r, m)
	if !ok {
		return
	}
	dpi := defaultPageDPI
	if v := r.URL.Query().Get("dpi"); v != "" {
		if d, err := strconv.Atoi(v); err == nil && pageDPIs[d] {
			dpi = d
		}
	}
	key := pngKey{doc: docID, page: n, dpi: dpi}
	data, ok := s.pageImages.get(key)
	if !ok {
		doc, err := s.Store.Document(ctx, docID)
		if err != nil {
			s.ServerError(w, r, err)
			return
		}
		if doc.Pages > 0 && n > doc.Pages {
			s.NotFound(w, r)
			return
		}
		if pg, err := s.Store.Page(ctx, docID, n); err == nil && tooLarge(pg, dpi) {
			s.Error(w, r, http.StatusUnprocessableEntity, "This page is too large to draw.")
			return
		}
		blob, err := s.Store.DocumentBlob(ctx, docID)
		if err != nil {
			s.ServerError(w, r, err)
			return
		}
		if data, err = s.renderPage(ctx, blob, n, dpi); err != nil {
			if errors.Is(err, pdf.ErrNoPage) {
				s.NotFound(w, r)
				return
			}
			if errors.Is(err, core.ErrBusy) {
				s.Busy(w, r, "drawing other pages")
				return
			}
			s.ServerError(w, r, fmt.Errorf("render page %d of %s: %w", n, docID, err))
			return
		}
		s.pageImages.put(key, data)
	}
	if err := s.Audit(r, access.AuditPageView, m.ID, fmt.Sprintf("%s p%d", docID, n), ""); err != nil {
		s.ServerError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.Write(data)
}
