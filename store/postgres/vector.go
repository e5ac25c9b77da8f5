package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/jackc/pgx/v5"
	"github.com/pgvector/pgvector-go"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/search"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// indexedDim is the dimension of the vectors the HNSW index of migration
// 0001 covers (embeddings_hnsw_256): the local embedder's.
const indexedDim = 256

// PutPageVectors implements search.Index. A page vector belongs to its
// document (every matter holding the document shares it), and its page
// must be stored. Empty vectors are skipped: they match nothing.
func (s *Store) PutPageVectors(ctx context.Context, documentID, model string, vecs map[int][]float32) error {
	var b pgx.Batch
	b.Queue(`DELETE FROM embeddings WHERE document_id = $1 AND model = $2`, documentID, model)
	for _, page := range sortedKeys(vecs) {
		v := vecs[page]
		if len(v) == 0 {
			continue
		}
		b.Queue(`INSERT INTO embeddings (document_id, page, model, dim, embedding) VALUES ($1, $2, $3, $4, $5)`,
			documentID, page, model, len(v), pgvector.NewVector(v))
	}
	return rows.Wrap(s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		if err := tx.(*Store).sendBatch(ctx, &b); err != nil {
			return fmt.Errorf("vectors of document %s: %w", documentID, err)
		}
		return nil
	}), "put page vectors")
}

// PutEntryVectors implements search.Index. Entry vectors are kept by
// (matter, entry id, model); those of entries a rebuilt chronology no
// longer holds are never returned by SearchVectors.
func (s *Store) PutEntryVectors(ctx context.Context, matterID, model string, vecs map[string][]float32) error {
	var b pgx.Batch
	b.Queue(`DELETE FROM embeddings WHERE matter_id = $1 AND model = $2`, matterID, model)
	for _, id := range sortedKeys(vecs) {
		v := vecs[id]
		if len(v) == 0 {
			continue
		}
		b.Queue(`INSERT INTO embeddings (matter_id, entry_id, model, dim, embedding) VALUES ($1, $2, $3, $4, $5)`,
			matterID, id, model, len(v), pgvector.NewVector(v))
	}
	return rows.Wrap(s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		if err := tx.(*Store).sendBatch(ctx, &b); err != nil {
			return fmt.Errorf("entry vectors of matter %s: %w", matterID, err)
		}
		return nil
	}), "put entry vectors")
}

func sortedKeys[K int | string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// VectorModels implements search.Index.
func (s *Store) VectorModels(ctx context.Context, matterID string) ([]string, error) {
	rows, err := s.q.Query(ctx, `
SELECT DISTINCT e.model FROM matter_documents md JOIN embeddings e ON e.document_id = md.document_id
WHERE md.matter_id = $1
UNION
SELECT DISTINCT model FROM embeddings WHERE matter_id = $1
ORDER BY 1`, matterID)
	if err != nil {
		return nil, fmt.Errorf("vector models of matter %s: %w", matterID, err)
	}
	models, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("vector models of matter %s: %w", matterID, err)
	}
	return models, nil
}

// SearchVectors implements search.Index with pgvector's cosine distance.
// Only vectors of model and of q's dimension are compared; those not
// similar at all (cosine ≤ 0) are left out. 256-dimension vectors are
// searched through the HNSW index, with an iterative scan so that the
// matter and model filters do not starve the result (its order is relaxed,
// so the hits are sorted again after it); other dimensions by an exact scan.
func (s *Store) SearchVectors(ctx context.Context, matterID, model string, q []float32, limit int) ([]search.Hit, error) {
	if limit <= 0 || len(q) == 0 || norm(q) == 0 {
		return nil, nil
	}
	// The distance expression must be the indexed one for the planner to
	// use the HNSW index.
	dist := `e.embedding <=> $1::vector`
	if len(q) == indexedDim {
		dist = `e.embedding::vector(256) <=> $1::vector(256)`
	}
	query := `
WITH c AS MATERIALIZED (
    SELECT e.id, ` + dist + ` AS dist
    FROM embeddings e
    WHERE e.dim = ` + strconv.Itoa(len(q)) + ` AND e.model = $2
      AND (e.document_id IN (SELECT document_id FROM matter_documents WHERE matter_id = $3)
           OR (e.matter_id = $3 AND EXISTS (SELECT 1 FROM entries x WHERE x.matter_id = $3 AND x.id = e.entry_id)))
    ORDER BY dist LIMIT $4
)
SELECT c.dist, e.entry_id IS NOT NULL, coalesce(e.document_id, ''), coalesce(e.page, 0), coalesce(md.file, ''),
       coalesce(left(p.text, 1000), ''), coalesce(e.entry_id, ''), coalesce(to_char(x.date, 'YYYY-MM-DD'), ''), x.data
FROM c JOIN embeddings e ON e.id = c.id
LEFT JOIN matter_documents md ON md.matter_id = $3 AND md.document_id = e.document_id
LEFT JOIN pages p ON p.document_id = e.document_id AND p.page = e.page
LEFT JOIN entries x ON x.matter_id = e.matter_id AND x.id = e.entry_id
WHERE c.dist < 1
ORDER BY c.dist, c.id`
	var out []search.Hit
	err := s.inTx(ctx, func(ctx context.Context, qr pgx.Tx) error {
		if len(q) == indexedDim {
			// relaxed_order: the index scan goes on until limit rows pass
			// the filters; ef_search: candidates per step of the scan.
			_, err := qr.Exec(ctx, `SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', $1, true)`,
				strconv.Itoa(min(max(40, 2*limit), 1000)))
			if err != nil {
				return err
			}
		}
		rows, err := qr.Query(ctx, query, pgvector.NewVector(q), model, matterID, limit)
		if err != nil {
			return err
		}
		out, err = pgx.CollectRows(rows, scanVectorHit)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("vector search of matter %s: %w", matterID, err)
	}
	return out, nil
}

// scanVectorHit reads a row of SearchVectors: for a page its first words
// as snippet, for an entry its search.EntryText.
func scanVectorHit(row pgx.CollectableRow) (search.Hit, error) {
	var h search.Hit
	var dist float64
	var entry bool
	var text string
	var data []byte
	if err := row.Scan(&dist, &entry, &h.DocumentID, &h.Page, &h.File, &text, &h.EntryID, &h.Date, &data); err != nil {
		return h, fmt.Errorf("scan vector hit: %w", err)
	}
	h.Kind, h.Score = search.KindPage, 1-dist
	if entry {
		var e chronology.Entry
		if err := json.Unmarshal(data, &e); err != nil {
			return h, fmt.Errorf("entry %s: %w", h.EntryID, err)
		}
		h.Kind, h.Provider, text = search.KindEntry, e.Provider, search.EntryText(e)
	}
	h.Snippet = search.Snippet(text)
	return h, nil
}

// inTx runs fn in a transaction: the store's own when it is bound to one,
// else a new one, committed when fn succeeds.
func (s *Store) inTx(ctx context.Context, fn func(ctx context.Context, tx pgx.Tx) error) error {
	if s.tx != nil {
		return fn(ctx, s.tx)
	}
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error { return fn(ctx, tx) })
}

func norm(v []float32) float64 {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	return math.Sqrt(s)
}
