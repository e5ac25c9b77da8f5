package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// PutPages implements store.Queries: it inserts or replaces the pages,
// in one round trip.
func (s *Store) PutPages(ctx context.Context, pages []extract.Page) error {
	if len(pages) == 0 {
		return nil
	}
	var b pgx.Batch
	for _, p := range pages {
		// jsonb writes invalid UTF-8 and NUL in words as U+FFFD.
		w, err := jsonb(p.Words)
		if err != nil {
			return fmt.Errorf("page %d of %s: %w", p.Number, p.DocumentID, err)
		}
		b.Queue(`
INSERT INTO pages (document_id, page, source, text, words, width, height, confidence, error)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
ON CONFLICT (document_id, page) DO UPDATE SET source = excluded.source, text = excluded.text,
    words = excluded.words, width = excluded.width, height = excluded.height,
    confidence = excluded.confidence, error = excluded.error`,
			p.DocumentID, p.Number, string(p.Source), clean(p.Text), string(w), p.Width, p.Height, p.Confidence, clean(p.Err))
	}
	if err := s.sendBatch(ctx, &b); err != nil {
		return fmt.Errorf("put pages of %s: %w", pages[0].DocumentID, err)
	}
	return nil
}

// PutPendingPages implements store.Queries: it records the pages as
// waiting for OCR, leaving pages already stored as they are.
func (s *Store) PutPendingPages(ctx context.Context, documentID string, pages []int) error {
	_, err := s.q.Exec(ctx, `
INSERT INTO pages (document_id, page, source)
SELECT $1, n, '' FROM unnest($2::integer[]) AS n
ON CONFLICT DO NOTHING`, documentID, pages)
	if err != nil {
		return fmt.Errorf("put pending pages of %s: %w", documentID, err)
	}
	return nil
}

// Pages implements store.Queries.
func (s *Store) Pages(ctx context.Context, documentID string) ([]extract.Page, error) {
	return s.pages(ctx, documentID, "words")
}

// PageTexts implements store.Queries: Pages without the words.
func (s *Store) PageTexts(ctx context.Context, documentID string) ([]extract.Page, error) {
	return s.pages(ctx, documentID, "NULL::jsonb")
}

// Page implements store.Queries.
func (s *Store) Page(ctx context.Context, documentID string, number int) (extract.Page, error) {
	ps, err := s.pagesWhere(ctx, documentID, "words", "AND page = $2", number)
	return rows.One(ps, err, fmt.Sprintf("page %d of %s", number, documentID))
}

// PagesBetween implements store.Queries.
func (s *Store) PagesBetween(ctx context.Context, documentID string, first, last int) ([]extract.Page, error) {
	return s.pagesWhere(ctx, documentID, "words", "AND page BETWEEN $2 AND $3", first, last)
}

func (s *Store) pages(ctx context.Context, documentID, wordsColumn string) ([]extract.Page, error) {
	return s.pagesWhere(ctx, documentID, wordsColumn, "")
}

func (s *Store) pagesWhere(ctx context.Context, documentID, wordsColumn, and string, args ...any) ([]extract.Page, error) {
	query := `SELECT ` + fmt.Sprintf(rows.PageColumns, wordsColumn) + ` FROM pages WHERE document_id = $1 ` + and + ` ORDER BY page`
	return rows.List(ctx, s.query, "pages of "+documentID, rows.Page(documentID), query, append([]any{documentID}, args...)...)
}

// PendingPages implements store.Queries.
func (s *Store) PendingPages(ctx context.Context, documentID string) ([]int, error) {
	return rows.List(ctx, s.query, "pending pages of "+documentID, rows.Int, `SELECT page FROM pages WHERE document_id = $1 AND source = '' ORDER BY page`, documentID)
}

// sendBatch runs the queued statements in one round trip, atomically.
func (s *Store) sendBatch(ctx context.Context, b *pgx.Batch) error {
	return rows.Wrap(s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		return tx.(*Store).tx.SendBatch(ctx, b).Close()
	}), "send batch")
}
