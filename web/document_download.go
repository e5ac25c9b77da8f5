package web

import (
	"bytes"
	"path/filepath"

	"github.com/medchron/medchron/extract/imagedoc"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
)

// documentDownload answers the original PDF of a document of the matter
// (/matters/{matter}/documents/{doc}.pdf), inline so that the browser's
// viewer opens it (at #page=N). Audited as a document view.
func (s *Server) documentDownload(w http.ResponseWriter, r *http.Request, rc *reqCtx, m chronology.Matter) {
	id, ok := strings.CutSuffix(r.PathValue("doc"), ".pdf")
	if !ok || id == "" {
		s.notFound(w, r)
		return
	}
	r.SetPathValue("doc", id)
	if _, ok := s.matterDocument(w, r, m); !ok {
		return
	}
	ctx := r.Context()
	name := id + ".pdf"
	docs, err := s.cfg.Store.MatterDocuments(ctx, m.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, d := range docs {
		if d.ID == id && d.File != "" {
			name = d.File
		}
	}
	data, err := s.cfg.Store.DocumentBlob(ctx, id)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if imagedoc.Sniff(data[:min(len(data), 16)]) != "" {
		// A scan that arrived as an image (a TIFF fax, say) is shown as the
		// PDF of its pages, which the browser's viewer opens at #page=N.
		var buf bytes.Buffer
		if err := imagedoc.WritePDF(&buf, id, data); err != nil {
			s.serverError(w, r, err)
			return
		}
		data = buf.Bytes()
		name = strings.TrimSuffix(name, filepath.Ext(name)) + ".pdf"
	}
	if err := s.audit(r, access.AuditDocumentView, m.ID, id, ""); err != nil {
		s.serverError(w, r, err)
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
