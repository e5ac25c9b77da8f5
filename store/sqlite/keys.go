package sqlite

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
	"github.com/medchron/medchron/store/seal"
)

// Option changes how Open opens a store.
type Option func(*Store)

// WithKeys seals originals under ring's current key and opens them with
// any of its keys. Without it the store reads and writes no originals.
func WithKeys(ring *seal.Ring) Option { return func(s *Store) { s.keys = ring } }

// KeyIDs lists the ids of the keys the stored originals are sealed under.
func (s *Store) KeyIDs(ctx context.Context) ([]string, error) {
	return rows.List(ctx, s.query, "key ids", rows.String, `SELECT DISTINCT key_id FROM blob_chunks ORDER BY key_id`)
}

// checkKeys fails, naming the key, when originals are sealed under a key
// the ring does not hold: a wrong or lost MEDCHRON_KEY_FILE.
func (s *Store) checkKeys(ctx context.Context) error {
	ids, err := s.KeyIDs(ctx)
	if err != nil {
		return fmt.Errorf("check keys: %w", err)
	}
	for _, id := range ids {
		if !s.keys.Has(id) {
			return fmt.Errorf("originals in this database are sealed with key %s, which the key file does not hold (it holds %v): point MEDCHRON_KEY_FILE at the key file this database was used with", id, s.keys.IDs())
		}
	}
	return nil
}

// sealLegacyBlobs seals originals stored in plain before sealing existed,
// one per transaction.
func (s *Store) sealLegacyBlobs(ctx context.Context) error {
	for {
		var sha string
		var data []byte
		err := s.db.QueryRowContext(ctx, `SELECT sha256, data FROM blobs WHERE object_id = '' LIMIT 1`).Scan(&sha, &data)
		if err != nil {
			return nil // none left (or the next open tries again)
		}
		err = s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
			t := tx.(*Store)
			object := seal.NewObjectID()
			at := ts(time.Now())
			w, err := seal.WriteChunks(bytes.NewReader(data), 0, s.keys, object, func(seq int, keyID string, sealed []byte) error {
				_, err := t.q.ExecContext(ctx, `INSERT INTO blob_chunks (object_id, seq, key_id, data, created_at) VALUES (?, ?, ?, ?, ?)`, object, seq, keyID, sealed, at)
				return err
			})
			if err != nil {
				return err
			}
			_, err = t.q.ExecContext(ctx, `UPDATE blobs SET data = x'', object_id = ?, size = ?, chunks = ? WHERE sha256 = ?`, object, w.Size, w.Chunks, sha)
			return err
		})
		if err != nil {
			return fmt.Errorf("seal stored original %s: %w", sha, err)
		}
	}
}

// Reseal seals every chunk not sealed under the ring's current key again
// under it (after a key rotation), in small transactions, and returns how
// many it resealed. Running it again after an interruption goes on.
func (s *Store) Reseal(ctx context.Context) (int, error) {
	if s.keys == nil {
		return 0, errNoKeys
	}
	cur := s.keys.Current()
	done := 0
	for {
		type row struct {
			object string
			seq    int
			c      seal.Chunk
		}
		var batch []row
		rows, err := s.db.QueryContext(ctx, `SELECT object_id, seq, key_id, data FROM blob_chunks WHERE key_id <> ? LIMIT 32`, cur)
		if err != nil {
			return done, fmt.Errorf("reseal: %w", err)
		}
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.object, &r.seq, &r.c.KeyID, &r.c.Data); err != nil {
				rows.Close()
				return done, fmt.Errorf("reseal: %w", err)
			}
			batch = append(batch, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return done, fmt.Errorf("reseal: %w", err)
		}
		if len(batch) == 0 {
			return done, nil
		}
		err = s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
			t := tx.(*Store)
			for _, r := range batch {
				ad := seal.ChunkAD(r.object, r.seq)
				plain, err := s.keys.Open(r.c.KeyID, r.c.Data, ad)
				if err != nil {
					return fmt.Errorf("chunk %d of object %s: %w", r.seq, r.object, err)
				}
				id, sealed, err := s.keys.Seal(plain, ad)
				if err != nil {
					return err
				}
				if _, err := t.q.ExecContext(ctx, `UPDATE blob_chunks SET key_id = ?, data = ? WHERE object_id = ? AND seq = ?`, id, sealed, r.object, r.seq); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return done, fmt.Errorf("reseal: %w", err)
		}
		done += len(batch)
	}
}

// SweepBlobs removes what interrupted uploads left: chunks of no blob and
// blobs of no document, written before cutoff.
func (s *Store) SweepBlobs(ctx context.Context, cutoff time.Time) (int64, error) {
	c := ts(cutoff)
	res, err := s.db.ExecContext(ctx, `
DELETE FROM blobs WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = blobs.sha256)
AND object_id <> '' AND NOT EXISTS (SELECT 1 FROM blob_chunks c WHERE c.object_id = blobs.object_id AND c.created_at >= ?)`, c)
	if err != nil {
		return 0, fmt.Errorf("sweep blobs: %w", err)
	}
	n, _ := res.RowsAffected()
	res, err = s.db.ExecContext(ctx, `
DELETE FROM blob_chunks WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM blobs b WHERE b.object_id = blob_chunks.object_id)`, c)
	if err != nil {
		return n, fmt.Errorf("sweep blobs: %w", err)
	}
	m, _ := res.RowsAffected()
	return n + m, nil
}
