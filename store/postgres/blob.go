package postgres

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
	"github.com/medchron/medchron/store/seal"
)

// errNoKeys reports a blob operation on a store opened without keys.
var errNoKeys = errors.New("the store was opened without an encryption key (MEDCHRON_KEY_FILE)")

// PutBlob implements store.Queries: it seals r's bytes chunk by chunk
// as they arrive (one chunk in memory), each chunk in its own statement so
// that a slow upload never holds a transaction open, then records the
// blob under its SHA-256. Content already stored is kept once: the new
// chunks are dropped. On failure nothing stays behind.
func (s *Store) PutBlob(ctx context.Context, r io.Reader, limit int64) (store.Blob, error) {
	if s.keys == nil {
		return store.Blob{}, errNoKeys
	}
	object := seal.NewObjectID()
	w, err := seal.WriteChunks(r, limit, s.keys, object, func(seq int, keyID string, sealed []byte) error {
		_, err := s.q.Exec(ctx, `INSERT INTO blob_chunks (object_id, seq, key_id, data) VALUES ($1, $2, $3, $4)`, object, seq, keyID, sealed)
		return err
	})
	if err == nil {
		tag, ierr := s.q.Exec(ctx, `INSERT INTO blobs (sha256, data, object_id, size, chunks) VALUES ($1, '', $2, $3, $4) ON CONFLICT DO NOTHING`,
			w.SHA256, object, w.Size, w.Chunks)
		if ierr == nil && tag.RowsAffected() > 0 {
			return store.Blob{SHA256: w.SHA256, Size: w.Size}, nil
		}
		err = ierr
	}
	// A failure, or content stored before: drop this copy's chunks.
	if _, derr := s.q.Exec(context.WithoutCancel(ctx), `DELETE FROM blob_chunks WHERE object_id = $1`, object); derr != nil && err == nil {
		err = derr
	}
	if err != nil {
		return store.Blob{}, fmt.Errorf("store original: %w", err)
	}
	return store.Blob{SHA256: w.SHA256, Size: w.Size}, nil
}

// putBlobBytes stores data as PutBlob does, for AddDocument's callers that
// hold the bytes already.
func (s *Store) putBlobBytes(ctx context.Context, sha string, data []byte) error {
	var have int
	if err := s.q.QueryRow(ctx, `SELECT 1 FROM blobs WHERE sha256 = $1`, sha).Scan(&have); err == nil {
		return nil
	}
	b, err := s.PutBlob(ctx, bytes.NewReader(data), 0)
	if err != nil {
		return fmt.Errorf("put blob bytes: %w", err)
	}
	if b.SHA256 != sha {
		return fmt.Errorf("store original: content hash %s, the document says %s", b.SHA256, sha)
	}
	return nil
}

// OpenBlob implements store.Queries: the original's bytes, unsealed
// one chunk at a time and checked against its hash at the end.
func (s *Store) OpenBlob(ctx context.Context, sha string) (io.ReadCloser, error) {
	var object string
	var legacy []byte
	w := seal.Written{SHA256: sha}
	err := s.q.QueryRow(ctx, `SELECT object_id, size, chunks, data FROM blobs WHERE sha256 = $1`, sha).Scan(&object, &w.Size, &w.Chunks, &legacy)
	if err != nil {
		return nil, notFound(err, "original "+sha)
	}
	if object == "" {
		return io.NopCloser(bytes.NewReader(legacy)), nil
	}
	if s.keys == nil {
		return nil, errNoKeys
	}
	return io.NopCloser(seal.Reader(s.keys, object, w, func(seq int) (seal.Chunk, error) {
		var c seal.Chunk
		err := s.q.QueryRow(ctx, `SELECT key_id, data FROM blob_chunks WHERE object_id = $1 AND seq = $2`, object, seq).Scan(&c.KeyID, &c.Data)
		return c, notFound(err, "chunk")
	})), nil
}

// DocumentBlob implements store.Queries.
func (s *Store) DocumentBlob(ctx context.Context, id string) ([]byte, error) {
	var sha string
	if err := s.q.QueryRow(ctx, `SELECT sha256 FROM documents WHERE id = $1`, id).Scan(&sha); err != nil {
		return nil, notFound(err, "document "+id)
	}
	rc, err := s.OpenBlob(ctx, sha)
	if err != nil {
		return nil, fmt.Errorf("document blob: %w", err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return nil, fmt.Errorf("original of document %s: %w", id, err)
	}
	return data, nil
}

// DropBlob implements store.Queries: it removes a blob no document
// refers to (an upload that was refused) with its chunks.
func (s *Store) DropBlob(ctx context.Context, sha string) error {
	return rows.Wrap(s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		t := tx.(*Store)
		var object string
		err := t.q.QueryRow(ctx, `
DELETE FROM blobs WHERE sha256 = $1 AND NOT EXISTS (SELECT 1 FROM documents WHERE sha256 = $1) RETURNING object_id`, sha).Scan(&object)
		if err != nil {
			return nil // referenced or gone
		}
		_, err = t.q.Exec(ctx, `DELETE FROM blob_chunks WHERE object_id = $1`, object)
		return err
	}), "drop blob")
}
