package ui

import (
	"bytes"
	"context"
	"errors"
	"mime"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/imagedoc"
	"github.com/medchron/medchron/internal/pdfsafe"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/web/internal/core"
)

// DocumentDownload answers the original PDF of a document of the matter
// (/matters/{matter}/documents/{doc}.pdf), inline so that the browser's
// viewer opens it (at #page=N), as a copy without active content
// (pdfsafe.Clean: no JavaScript, launch, link-out, form-submit or other
// actions, no embedded files). Audited as a document view.
func (s *Handler) DocumentDownload(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	id, ok := strings.CutSuffix(r.PathValue("doc"), ".pdf")
	if !ok || id == "" {
		s.NotFound(w, r)
		return
	}
	r.SetPathValue("doc", id)
	if _, ok := s.matterDocument(w, r, m); !ok {
		return
	}
	ctx := r.Context()
	name := id + ".pdf"
	docs, err := s.Store.MatterDocuments(ctx, m.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	status := ""
	for _, d := range docs {
		if d.ID == id {
			status = d.Status
			if d.File != "" {
				name = d.File
			}
		}
	}
	if status == store.StatusFailed {
		// It never passed the checks of the reader processes: this process
		// does not parse it either.
		s.Error(w, r, http.StatusUnprocessableEntity, "This file could not be read, so it is not shown; the matter page says why.")
		return
	}
	data, err := s.cleanOriginal(ctx, id)
	if errors.Is(err, core.ErrBusy) {
		s.Busy(w, r, "preparing other documents")
		return
	}
	if err != nil {
		s.Logger.Warn("original not shown: it could not be cleaned of active content", "document", id, "error", pipeline.SafeError(err))
		s.Error(w, r, http.StatusUnprocessableEntity, "This PDF cannot be shown: it could not be checked for scripts and other active content.")
		return
	}
	name = strings.TrimSuffix(name, filepath.Ext(name)) + ".pdf" // a scan that arrived as an image is shown as a PDF
	if err := s.Audit(r, access.AuditDocumentView, m.ID, id, ""); err != nil {
		s.ServerError(w, r, err)
		return
	}
	h := w.Header()
	// Chrome's PDF viewer is an embedded plugin with inline styles: the
	// application's policy (default-src 'none') would blank it.
	h.Set("Content-Security-Policy", "object-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": name}))
	w.Write(data)
}

// cleanOriginal returns the document's original without active content,
// cleaned once and kept in a small cache; cleaning waits for a render
// slot, since it parses the whole file.
func (s *Handler) cleanOriginal(ctx context.Context, id string) ([]byte, error) {
	key := pngKey{doc: id}
	if data, ok := s.cleaned.get(key); ok {
		return data, nil
	}
	release, err := s.renderSlots.Take(ctx, renderWait)
	if err != nil {
		return nil, err
	}
	defer release()
	blob, err := s.Store.DocumentBlob(ctx, id)
	if err != nil {
		return nil, err
	}
	var data []byte
	if imagedoc.Sniff(blob[:min(len(blob), 16)]) != "" {
		// A scan that arrived as an image (a TIFF fax, say) is shown as the
		// PDF of its pages, which the browser's viewer opens at #page=N; it
		// holds nothing but the images.
		var buf bytes.Buffer
		if err := imagedoc.WritePDF(&buf, id, blob); err != nil {
			return nil, err
		}
		data = buf.Bytes()
	} else if data, _, err = pdfsafe.Clean(ctx, id, blob); err != nil {
		return nil, err
	}
	s.cleaned.put(key, data)
	return data, nil
}

// Cleaned originals kept in memory: a few at a time.
const (
	cleanCacheEntries = 8
	cleanCacheBytes   = 64 << 20
)
