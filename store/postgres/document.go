package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// AddDocument implements store.Queries. The original bytes, when given,
// are stored once per content hash (sealed, as PutBlob stores them); with
// nil data the blob must have been stored by PutBlob. Linking a document
// to a matter twice is a no-op.
// A new link bumps the matter's version. The matter row is locked so that
// concurrent uploads to one matter get distinct positions.
func (s *Store) AddDocument(ctx context.Context, matterID string, d store.Document, data []byte) (bool, error) {
	var created bool
	err := s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		t := tx.(*Store)
		var one int
		err := t.q.QueryRow(ctx, `SELECT 1 FROM matters WHERE id = $1 FOR UPDATE`, matterID).Scan(&one)
		if err != nil {
			return notFound(err, "matter "+matterID)
		}
		if data != nil {
			if err := t.putBlobBytes(ctx, d.SHA256, data); err != nil {
				return err
			}
		}
		tag, err := t.q.Exec(ctx, `
INSERT INTO documents (id, sha256, file, size, pages, status, error)
VALUES ($1, $2, $3, $4, $5, $6, '') ON CONFLICT DO NOTHING`,
			d.ID, d.SHA256, clean(d.File), d.Size, d.Pages, d.Status)
		if err != nil {
			return err
		}
		created = tag.RowsAffected() > 0
		tag, err = t.q.Exec(ctx, `
INSERT INTO matter_documents (matter_id, document_id, file, position)
VALUES ($1, $2, $3, (SELECT COALESCE(MAX(position) + 1, 0) FROM matter_documents WHERE matter_id = $1))
ON CONFLICT DO NOTHING`, matterID, d.ID, clean(d.File))
		if err != nil {
			return err
		}
		if tag.RowsAffected() > 0 {
			return t.bumpMatters(ctx, `id = $1`, matterID)
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("add document %s to matter %s: %w", d.ID, matterID, err)
	}
	return created, nil
}

const documentColumns = `d.id, d.sha256, d.file, d.size, d.pages, d.status, d.error, d.created_at`

// scanDocument scans documentColumns, then extra.
func scanDocument(row pgx.Row, extra ...any) (store.Document, error) {
	var d store.Document
	err := row.Scan(append([]any{&d.ID, &d.SHA256, &d.File, &d.Size, &d.Pages, &d.Status, &d.Error, &d.CreatedAt}, extra...)...)
	d.CreatedAt = d.CreatedAt.UTC()
	return d, rows.Wrap(err, "scan document")
}

// Document implements store.Queries.
func (s *Store) Document(ctx context.Context, id string) (store.Document, error) {
	d, err := scanDocument(s.q.QueryRow(ctx, `SELECT `+documentColumns+` FROM documents d WHERE d.id = $1`, id))
	return d, notFound(err, "document "+id)
}

// SetDocumentStatus implements store.Queries.
func (s *Store) SetDocumentStatus(ctx context.Context, id, status, errMsg string, pages int) error {
	_, err := s.q.Exec(ctx, `UPDATE documents SET status = $1, error = $2, pages = $3, updated_at = now() WHERE id = $4`,
		status, clean(errMsg), pages, id)
	if err != nil {
		return fmt.Errorf("set status of document %s: %w", id, err)
	}
	return nil
}

// MatterDocuments implements store.Queries.
func (s *Store) MatterDocuments(ctx context.Context, matterID string) ([]store.Document, error) {
	rows, err := s.q.Query(ctx, `
SELECT `+documentColumns+`, md.file FROM matter_documents md JOIN documents d ON d.id = md.document_id
WHERE md.matter_id = $1 ORDER BY md.position, d.id`, matterID)
	if err != nil {
		return nil, fmt.Errorf("documents of matter %s: %w", matterID, err)
	}
	defer rows.Close()
	var out []store.Document
	for rows.Next() {
		var file string
		d, err := scanDocument(rows, &file)
		if err != nil {
			return nil, fmt.Errorf("documents of matter %s: %w", matterID, err)
		}
		d.File = file
		out = append(out, d)
	}
	return out, rows.Err()
}

// DocumentMatters implements store.Queries.
func (s *Store) DocumentMatters(ctx context.Context, documentID string) ([]string, error) {
	rows, err := s.q.Query(ctx, `SELECT matter_id FROM matter_documents WHERE document_id = $1 ORDER BY matter_id`, documentID)
	if err != nil {
		return nil, fmt.Errorf("matters of document %s: %w", documentID, err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("matters of document %s: %w", documentID, err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// ResetDocument implements store.Queries.
func (s *Store) ResetDocument(ctx context.Context, id string) error {
	return rows.Wrap(s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		t := tx.(*Store)
		tag, err := t.q.Exec(ctx, `UPDATE documents SET status = $1, error = '', updated_at = now() WHERE id = $2`, store.StatusQueued, id)
		if err != nil {
			return fmt.Errorf("reset document %s: %w", id, err)
		}
		if tag.RowsAffected() == 0 {
			return fmt.Errorf("document %s: %w", id, store.ErrNotFound)
		}
		_, err = t.q.Exec(ctx, `UPDATE pages SET source = '', error = '' WHERE document_id = $1 AND source = $2`, id, string(extract.SourceError))
		return err
	}), "reset document")
}
