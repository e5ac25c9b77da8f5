package postgres

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

// CheckKeys fails, naming the key, when originals are sealed under a key
// the store's ring does not hold: a wrong or missing MEDCHRON_KEY_FILE on
// this machine.
func (s *Store) CheckKeys(ctx context.Context) error {
	if s.keys == nil {
		return errNoKeys
	}
	ids, err := s.KeyIDs(ctx)
	if err != nil {
		return fmt.Errorf("check keys: %w", err)
	}
	for _, id := range ids {
		if !s.keys.Has(id) {
			return fmt.Errorf("originals in this database are sealed with key %s, which the key file does not hold (it holds %v): every machine needs a copy of the same MEDCHRON_KEY_FILE", id, s.keys.IDs())
		}
	}
	return nil
}

// sealLegacyBlobs seals originals stored in plain before sealing existed,
// one per transaction. Migrate calls it.
func (s *Store) sealLegacyBlobs(ctx context.Context) error {
	for {
		var sha string
		var data []byte
		if err := s.q.QueryRow(ctx, `SELECT sha256, data FROM blobs WHERE object_id = '' LIMIT 1`).Scan(&sha, &data); err != nil {
			return nil
		}
		err := s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
			t := tx.(*Store)
			object := seal.NewObjectID()
			w, err := seal.WriteChunks(bytes.NewReader(data), 0, s.keys, object, func(seq int, keyID string, sealed []byte) error {
				_, err := t.q.Exec(ctx, `INSERT INTO blob_chunks (object_id, seq, key_id, data) VALUES ($1, $2, $3, $4)`, object, seq, keyID, sealed)
				return err
			})
			if err != nil {
				return err
			}
			_, err = t.q.Exec(ctx, `UPDATE blobs SET data = '', object_id = $1, size = $2, chunks = $3 WHERE sha256 = $4 AND object_id = ''`, object, w.Size, w.Chunks, sha)
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
		n := 0
		err := s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
			t := tx.(*Store)
			rows, err := t.q.Query(ctx, `SELECT object_id, seq, key_id, data FROM blob_chunks WHERE key_id <> $1 LIMIT 32 FOR UPDATE SKIP LOCKED`, cur)
			if err != nil {
				return err
			}
			type row struct {
				object string
				seq    int
				c      seal.Chunk
			}
			var batch []row
			for rows.Next() {
				var r row
				if err := rows.Scan(&r.object, &r.seq, &r.c.KeyID, &r.c.Data); err != nil {
					rows.Close()
					return err
				}
				batch = append(batch, r)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
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
				if _, err := t.q.Exec(ctx, `UPDATE blob_chunks SET key_id = $1, data = $2 WHERE object_id = $3 AND seq = $4`, id, sealed, r.object, r.seq); err != nil {
					return err
				}
			}
			n = len(batch)
			return nil
		})
		if err != nil {
			return done, fmt.Errorf("reseal: %w", err)
		}
		if n == 0 {
			return done, nil
		}
		done += n
	}
}

// SweepBlobs removes what interrupted uploads left: chunks of no blob and
// blobs of no document, written before cutoff.
func (s *Store) SweepBlobs(ctx context.Context, cutoff time.Time) (int64, error) {
	tag, err := s.q.Exec(ctx, `
DELETE FROM blobs b WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = b.sha256)
AND b.object_id <> '' AND NOT EXISTS (SELECT 1 FROM blob_chunks c WHERE c.object_id = b.object_id AND c.created_at >= $1)`, cutoff)
	if err != nil {
		return 0, fmt.Errorf("sweep blobs: %w", err)
	}
	n := tag.RowsAffected()
	tag, err = s.q.Exec(ctx, `
DELETE FROM blob_chunks c WHERE c.created_at < $1 AND NOT EXISTS (SELECT 1 FROM blobs b WHERE b.object_id = c.object_id)`, cutoff)
	if err != nil {
		return n, fmt.Errorf("sweep blobs: %w", err)
	}
	return n + tag.RowsAffected(), nil
}
