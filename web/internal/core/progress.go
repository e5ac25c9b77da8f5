package core

import (
	"context"
)

// ProgressReport is a matter's processing state: totals and, per file,
// pages done and left and any error.
type ProgressReport struct {
	Documents     int            `json:"documents"`
	DocumentsDone int            `json:"documents_done"`
	Pages         int            `json:"pages"`
	PagesDone     int            `json:"pages_done"`
	Failed        int            `json:"failed"`
	Done          bool           `json:"done"`
	Files         []FileProgress `json:"files"`
}

// FileProgress is one document's processing state.
type FileProgress struct {
	ID        string `json:"id"`
	File      string `json:"file"`
	Pages     int    `json:"pages"`
	PagesDone int    `json:"pages_done"`
	PagesLeft int    `json:"pages_left"`
	Status    string `json:"status"`
	Error     string `json:"error,omitempty"`
}

// Percent is the share of pages done, 0 to 100.
func (p ProgressReport) Percent() int {
	if p.Pages == 0 {
		if p.Done {
			return 100
		}
		return 0
	}
	return p.PagesDone * 100 / p.Pages
}

// Progress reports the matter's processing as the pipeline counts it:
// its totals and each document's pages done and left.
func (s *Core) Progress(ctx context.Context, matterID string) (ProgressReport, error) {
	pr, docs, err := s.Pipeline.ProgressByDocument(ctx, matterID)
	if err != nil {
		return ProgressReport{}, err
	}
	out := ProgressReport{Documents: pr.Documents, DocumentsDone: pr.DocumentsDone, Pages: pr.Pages, PagesDone: pr.PagesDone,
		Failed: pr.Failed, Done: pr.Done, Files: make([]FileProgress, 0, len(docs))}
	for _, dp := range docs {
		d := dp.Document
		out.Files = append(out.Files, FileProgress{ID: d.ID, File: d.File, Pages: d.Pages, PagesDone: dp.PagesDone,
			PagesLeft: d.Pages - dp.PagesDone, Status: d.Status, Error: d.Error})
	}
	return out, nil
}
