package pipeline

import (
	"context"
	"fmt"

	"github.com/riverqueue/river"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/store"
)

// RetryOptions choose how failed documents are processed again.
type RetryOptions struct {
	// Extractor and PromptVersion, when set, ask for that extractor for
	// documents whose pages are all read (as reprocess --extractor does);
	// the others are read again and extracted with the configured one.
	Extractor, PromptVersion string
}

// RetryFailed processes the matter's failed documents again from the
// start (pages that could not be read are tried again, pages read are
// kept) and returns how many it queued. Documents are shared between
// matters by content: a retry from one matter retries the document for
// every matter holding it.
func (p *Pipeline) RetryFailed(ctx context.Context, matterID string, opt RetryOptions) (int, error) {
	docs, err := p.cfg.Store.MatterDocuments(ctx, matterID)
	if err != nil {
		return 0, err
	}
	var failed []store.Document
	for _, d := range docs {
		if d.Status == store.StatusFailed {
			failed = append(failed, d)
		}
	}
	return len(failed), p.Retry(ctx, failed, opt)
}

// Retry processes the given documents again, each in one transaction:
// reset (ResetDocument), then either extraction with the requested
// extractor (all pages read) or ingest.
func (p *Pipeline) Retry(ctx context.Context, docs []store.Document, opt RetryOptions) error {
	if p.queue == nil {
		return fmt.Errorf("pipeline: no queue")
	}
	for _, d := range docs {
		err := p.cfg.Store.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
			if err := tx.ResetDocument(ctx, d.ID); err != nil {
				return err
			}
			var args river.JobArgs = IngestArgs{DocumentID: d.ID}
			if opt.Extractor != "" || opt.PromptVersion != "" {
				read, err := allPagesRead(ctx, tx, d)
				if err != nil {
					return err
				}
				if read {
					if err := tx.SetDocumentStatus(ctx, d.ID, store.StatusReading, "", d.Pages); err != nil {
						return err
					}
					args = ExtractArgs{DocumentID: d.ID, Extractor: opt.Extractor, PromptVersion: opt.PromptVersion}
				}
			}
			return p.queue.InsertTx(ctx, tx, river.InsertManyParams{Args: args})
		})
		if err != nil {
			return fmt.Errorf("retry document %s: %w", d.ID, err)
		}
	}
	return nil
}

// allPagesRead reports whether every page of d is stored and none waits
// for OCR.
func allPagesRead(ctx context.Context, q store.Queries, d store.Document) (bool, error) {
	if d.Pages == 0 {
		return false, nil
	}
	pending, err := q.PendingPages(ctx, d.ID)
	if err != nil || len(pending) > 0 {
		return false, err
	}
	pages, err := q.PageTexts(ctx, d.ID)
	return err == nil && len(pages) == d.Pages, err
}

// ChangeMatter changes a matter's settings in one transaction: the matter
// is locked, change edits it (and may record what it did, an audit row,
// through tx), the settings are stored as change left them, and a
// rebuild of the chronology is queued when they changed. An error from
// change leaves everything as it was.
func (p *Pipeline) ChangeMatter(ctx context.Context, id string, change func(ctx context.Context, tx store.Tx, before chronology.Matter, after *chronology.Matter) error) (changed bool, err error) {
	err = p.cfg.Store.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		before, err := tx.LockMatter(ctx, id)
		if err != nil {
			return err
		}
		after := before
		if err := change(ctx, tx, before, &after); err != nil {
			return err
		}
		after.ID = id
		if changed, err = tx.SetMatter(ctx, after); err != nil || !changed {
			return err
		}
		if p.queue == nil {
			return nil
		}
		return p.queueBuilds(ctx, tx, id)
	})
	return changed, err
}
