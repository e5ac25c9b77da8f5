package web

import (
	"context"
	"net/http"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/web/internal/respond"
)

// progressReport is a matter's processing state: totals and, per file,
// pages done and left and any error.
type progressReport struct {
	Documents     int            `json:"documents"`
	DocumentsDone int            `json:"documents_done"`
	Pages         int            `json:"pages"`
	PagesDone     int            `json:"pages_done"`
	Failed        int            `json:"failed"`
	Done          bool           `json:"done"`
	Files         []fileProgress `json:"files"`
}

// fileProgress is one document's processing state.
type fileProgress struct {
	ID        string `json:"id"`
	File      string `json:"file"`
	Pages     int    `json:"pages"`
	PagesDone int    `json:"pages_done"`
	PagesLeft int    `json:"pages_left"`
	Status    string `json:"status"`
	Error     string `json:"error,omitempty"`
}

// Percent is the share of pages done, 0 to 100.
func (p progressReport) Percent() int {
	if p.Pages == 0 {
		if p.Done {
			return 100
		}
		return 0
	}
	return p.PagesDone * 100 / p.Pages
}

// progress reports the matter's processing: the pipeline's totals and
// each document's pages done (OCR pages still pending are left).
func (s *Server) progress(ctx context.Context, matterID string) (progressReport, error) {
	pr, err := s.cfg.Pipeline.Progress(ctx, matterID)
	if err != nil {
		return progressReport{}, err
	}
	docs, err := s.cfg.Store.MatterDocuments(ctx, matterID)
	if err != nil {
		return progressReport{}, err
	}
	out := progressReport{Documents: pr.Documents, DocumentsDone: pr.DocumentsDone, Pages: pr.Pages, PagesDone: pr.PagesDone, Failed: pr.Failed, Done: pr.Done, Files: []fileProgress{}}
	for _, d := range docs {
		f := fileProgress{ID: d.ID, File: d.File, Pages: d.Pages, Status: d.Status, Error: d.Error}
		switch d.Status {
		case pipeline.StatusExtracted, pipeline.StatusFailed:
			f.PagesDone = d.Pages
		case pipeline.StatusReading:
			pending, err := s.cfg.Store.PendingPages(ctx, d.ID)
			if err != nil {
				return progressReport{}, err
			}
			f.PagesDone = d.Pages - len(pending)
		}
		f.PagesLeft = d.Pages - f.PagesDone
		out.Files = append(out.Files, f)
	}
	return out, nil
}

// matterProgressPage answers progress.json, which the matter page polls
// while records are processed.
func (s *Server) matterProgressPage(w http.ResponseWriter, r *http.Request, _ *reqCtx, m chronology.Matter) {
	p, err := s.progress(r.Context(), m.ID)
	if err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	respond.JSON(w, http.StatusOK, p)
}
