package pipeline

import (
	"context"
	"errors"

	"github.com/medchron/medchron/store"
)

// DocumentProgress is one document's share of a matter's Progress: its
// record and how many of its pages are done (read, or given up on).
type DocumentProgress struct {
	Document  store.Document
	PagesDone int
}

// ProgressByDocument is Progress with each document's share, in the order
// of Store.MatterDocuments. A document extracted or failed has all its
// pages done, a queued one none, one being read those not pending OCR.
func (p *Pipeline) ProgressByDocument(ctx context.Context, matterID string) (Progress, []DocumentProgress, error) {
	var pr Progress
	docs, err := p.cfg.Store.MatterDocuments(ctx, matterID)
	if err != nil {
		return pr, nil, err
	}
	byDoc := make([]DocumentProgress, 0, len(docs))
	for _, d := range docs {
		pr.Documents++
		pr.Pages += d.Pages
		dp := DocumentProgress{Document: d}
		switch d.Status {
		case store.StatusExtracted:
			pr.DocumentsDone++
			dp.PagesDone = d.Pages
		case store.StatusFailed:
			pr.DocumentsDone++
			pr.Failed++
			dp.PagesDone = d.Pages
		case store.StatusQueued:
		default:
			pending, err := p.cfg.Store.PendingPages(ctx, d.ID)
			if err != nil {
				return pr, nil, err
			}
			dp.PagesDone = d.Pages - len(pending)
		}
		pr.PagesDone += dp.PagesDone
		byDoc = append(byDoc, dp)
	}
	if pr.DocumentsDone < pr.Documents {
		return pr, byDoc, nil
	}
	mv, err := p.cfg.Store.MatterVersion(ctx, matterID)
	if err != nil {
		return pr, nil, err
	}
	cv, err := p.cfg.Store.ChronologyVersion(ctx, matterID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return pr, nil, err
	}
	pr.Done = err == nil && cv == mv
	return pr, byDoc, nil
}
