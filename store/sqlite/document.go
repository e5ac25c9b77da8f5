package sqlite

import (
	"fmt"

	"context"
	"time"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// AddDocument implements store.Queries. The original bytes, when given,
// are stored once per content hash (sealed, as PutBlob stores them); with
// nil data the blob must have been stored by PutBlob. Linking a document
// to a matter twice is a no-op.
func (s *Store) AddDocument(ctx context.Context, matterID string, d store.Document, data []byte) (bool, error) {
	var created bool
	err := s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		var err error
		created, err = tx.(*Store).addDocument(ctx, matterID, d, data)
		return err
	})
	return created, rows.Wrap(err, "add document")
}

// addDocument is AddDocument inside a transaction, so that a failure (a
// missing matter) leaves no document behind.
func (s *Store) addDocument(ctx context.Context, matterID string, d store.Document, data []byte) (bool, error) {
	t := now()
	if data != nil {
		if err := s.putBlobBytes(ctx, d.SHA256, data); err != nil {
			return false, fmt.Errorf("add document: %w", err)
		}
	}
	res, err := s.q.ExecContext(ctx, `
INSERT INTO documents (id, sha256, file, size, pages, status, error, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, '', ?, ?) ON CONFLICT DO NOTHING`,
		d.ID, d.SHA256, d.File, d.Size, d.Pages, d.Status, t, t)
	if err != nil {
		return false, fmt.Errorf("add document: %w", err)
	}
	created, _ := res.RowsAffected()
	res, err = s.q.ExecContext(ctx, `
INSERT INTO matter_documents (matter_id, document_id, file, position, added_at)
VALUES (?, ?, ?, (SELECT COUNT(*) FROM matter_documents WHERE matter_id = ?), ?)
ON CONFLICT DO NOTHING`, matterID, d.ID, d.File, matterID, t)
	if err != nil {
		return false, fmt.Errorf("add document: %w", err)
	}
	if linked, _ := res.RowsAffected(); linked > 0 {
		if err := s.bumpMatters(ctx, `id = ?`, matterID); err != nil {
			return false, fmt.Errorf("add document: %w", err)
		}
	}
	return created > 0, nil
}

const documentColumns = `d.id, d.sha256, d.file, d.size, d.pages, d.status, d.error, d.created_at`

func scanDocument(sc interface{ Scan(...any) error }) (store.Document, error) {
	var d store.Document
	var created string
	err := sc.Scan(&d.ID, &d.SHA256, &d.File, &d.Size, &d.Pages, &d.Status, &d.Error, &created)
	d.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
	return d, rows.Wrap(err, "scan document")
}

// Document implements store.Queries.
func (s *Store) Document(ctx context.Context, id string) (store.Document, error) {
	d, err := scanDocument(s.q.QueryRowContext(ctx, `SELECT `+documentColumns+` FROM documents d WHERE d.id = ?`, id))
	return d, notFound(err, "document "+id)
}

// SetDocumentStatus implements store.Queries.
func (s *Store) SetDocumentStatus(ctx context.Context, id, status, errMsg string, pages int) error {
	_, err := s.q.ExecContext(ctx, `UPDATE documents SET status = ?, error = ?, pages = ?, updated_at = ? WHERE id = ?`,
		status, errMsg, pages, now(), id)
	return rows.Wrap(err, "set document status")
}

// MatterDocuments implements store.Queries.
func (s *Store) MatterDocuments(ctx context.Context, matterID string) ([]store.Document, error) {
	rows, err := s.q.QueryContext(ctx, `
SELECT `+documentColumns+`, md.file FROM matter_documents md JOIN documents d ON d.id = md.document_id
WHERE md.matter_id = ? ORDER BY md.position, d.id`, matterID)
	if err != nil {
		return nil, fmt.Errorf("matter documents: %w", err)
	}
	defer rows.Close()
	var out []store.Document
	for rows.Next() {
		var d store.Document
		var created, file string
		if err := rows.Scan(&d.ID, &d.SHA256, &d.File, &d.Size, &d.Pages, &d.Status, &d.Error, &created, &file); err != nil {
			return nil, fmt.Errorf("matter documents: %w", err)
		}
		d.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
		d.File = file
		out = append(out, d)
	}
	return out, rows.Err()
}

// DocumentMatters implements store.Queries.
func (s *Store) DocumentMatters(ctx context.Context, documentID string) ([]string, error) {
	rows, err := s.q.QueryContext(ctx, `SELECT matter_id FROM matter_documents WHERE document_id = ? ORDER BY matter_id`, documentID)
	if err != nil {
		return nil, fmt.Errorf("document matters: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("document matters: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// bumpMatters increases the version of the matters matching where.
func (s *Store) bumpMatters(ctx context.Context, where string, args ...any) error {
	_, err := s.q.ExecContext(ctx, `UPDATE matters SET version = version + 1, updated_at = ? WHERE `+where, append([]any{now()}, args...)...)
	return rows.Wrap(err, "bump matters")
}

// ResetDocument implements store.Queries.
func (s *Store) ResetDocument(ctx context.Context, id string) error {
	return rows.Wrap(s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		t := tx.(*Store)
		res, err := t.q.ExecContext(ctx, `UPDATE documents SET status = ?, error = '', updated_at = ? WHERE id = ?`, store.StatusQueued, now(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("document %s: %w", id, store.ErrNotFound)
		}
		_, err = t.q.ExecContext(ctx, `UPDATE pages SET source = '', error = '' WHERE document_id = ? AND source = ?`, id, string(extract.SourceError))
		return err
	}), "reset document")
}
