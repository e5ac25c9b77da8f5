package ui

import (
	"context"
	"io"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/web/internal/core"
)

// demandExport exports the stored demand letter as it stands: the latest
// version of every section. Until every section's latest version is
// approved the writers mark it DRAFT (a page header in the DOCX, a notice
// and per-section banners in both).
func demandExport(docx bool) func(*Handler, context.Context, chronology.Matter, io.Writer) (string, error) {
	return func(s *Handler, ctx context.Context, m chronology.Matter, w io.Writer) (string, error) {
		rec, err := s.Store.DemandRecord(ctx, m.ID)
		if core.IsNotFound(err) {
			return "", errNothingToExport
		}
		if err != nil {
			return "", err
		}
		d := rec.Draft()
		d.Matter = m
		detail := "draft, watermarked"
		if d.Approved() {
			detail = "approved"
		}
		if docx {
			tpl, err := s.Template(ctx)
			if err != nil {
				return "", err
			}
			return detail, demand.WriteDOCXTemplate(w, d, tpl)
		}
		return detail, demand.WriteMarkdown(w, d)
	}
}
