package sqlite

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/store/internal/rows"
)

// PutPages implements store.Queries. The pages' words are encoded as JSON
// ahead of the inserts, beside them.
func (s *Store) PutPages(ctx context.Context, pages []extract.Page) error {
	type encoded struct {
		words []byte
		err   error
	}
	enc := make(chan encoded, 16)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for _, p := range pages {
			b, err := json.Marshal(p.Words)
			select {
			case enc <- encoded{b, err}:
			case <-stop:
				return
			}
		}
	}()
	err := s.execEach(ctx, `
INSERT INTO pages (document_id, page, source, text, words, width, height, confidence, error)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (document_id, page) DO UPDATE SET source = excluded.source, text = excluded.text,
    words = excluded.words, width = excluded.width, height = excluded.height,
    confidence = excluded.confidence, error = excluded.error`, len(pages), func(i int) ([]any, error) {
		p, e := pages[i], <-enc
		return []any{p.DocumentID, p.Number, string(p.Source), p.Text, string(e.words), p.Width, p.Height, p.Confidence, p.Err}, e.err
	})
	if err != nil {
		return fmt.Errorf("put pages: %w", err)
	}
	return nil
}

// PutPendingPages implements store.Queries.
func (s *Store) PutPendingPages(ctx context.Context, documentID string, pages []int) error {
	err := s.execEach(ctx, `INSERT INTO pages (document_id, page, source) VALUES (?, ?, '') ON CONFLICT DO NOTHING`, len(pages),
		func(i int) ([]any, error) { return []any{documentID, pages[i]}, nil })
	if err != nil {
		return fmt.Errorf("put pending pages: %w", err)
	}
	return nil
}

// Pages implements store.Queries.
func (s *Store) Pages(ctx context.Context, documentID string) ([]extract.Page, error) {
	return s.pages(ctx, documentID, "words")
}

// PageTexts implements store.Queries.
func (s *Store) PageTexts(ctx context.Context, documentID string) ([]extract.Page, error) {
	return s.pages(ctx, documentID, "'[]'")
}

// Page implements store.Queries.
func (s *Store) Page(ctx context.Context, documentID string, number int) (extract.Page, error) {
	ps, err := s.pagesWhere(ctx, documentID, "words", "AND page = ?", number)
	return rows.One(ps, err, fmt.Sprintf("page %d of %s", number, documentID))
}

// PagesBetween implements store.Queries.
func (s *Store) PagesBetween(ctx context.Context, documentID string, first, last int) ([]extract.Page, error) {
	return s.pagesWhere(ctx, documentID, "words", "AND page BETWEEN ? AND ?", first, last)
}

func (s *Store) pages(ctx context.Context, documentID, wordsColumn string) ([]extract.Page, error) {
	return s.pagesWhere(ctx, documentID, wordsColumn, "")
}

func (s *Store) pagesWhere(ctx context.Context, documentID, wordsColumn, and string, args ...any) ([]extract.Page, error) {
	query := `SELECT ` + fmt.Sprintf(rows.PageColumns, wordsColumn) + ` FROM pages WHERE document_id = ? ` + and + ` ORDER BY page`
	return rows.List(ctx, s.query, "pages of "+documentID, rows.Page(documentID), query, append([]any{documentID}, args...)...)
}

// PendingPages implements store.Queries.
func (s *Store) PendingPages(ctx context.Context, documentID string) ([]int, error) {
	return rows.List(ctx, s.query, "pending pages of "+documentID, rows.Int, `SELECT page FROM pages WHERE document_id = ? AND source = '' ORDER BY page`, documentID)
}
