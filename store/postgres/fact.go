package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/medchron/medchron/store"
)

// PutResult implements store.Queries: it replaces the document's facts
// and bumps the version of every matter holding the document.
func (s *Store) PutResult(ctx context.Context, documentID string, r store.StoredResult) error {
	var b pgx.Batch
	b.Queue(`DELETE FROM facts WHERE document_id = $1`, documentID)
	for i, f := range store.FactRows(r.Result) {
		data, err := jsonb(f.Value)
		if err != nil {
			return fmt.Errorf("put facts of %s: %w", documentID, err)
		}
		b.Queue(`INSERT INTO facts (document_id, seq, kind, page, data) VALUES ($1, $2, $3, $4, $5)`,
			documentID, i+1, f.Kind, f.Page, string(data))
	}
	meta, err := jsonb(store.MetaOf(r.Result))
	if err != nil {
		return fmt.Errorf("put facts of %s: %w", documentID, err)
	}
	b.Queue(`
INSERT INTO extractions (document_id, extractor, prompt_version, meta) VALUES ($1, $2, $3, $4)
ON CONFLICT (document_id) DO UPDATE SET extractor = excluded.extractor, prompt_version = excluded.prompt_version,
    meta = excluded.meta, created_at = now()`,
		documentID, r.Extractor, r.PromptVersion, string(meta))
	// Lock the matters in id order: two workers storing facts of documents
	// shared by the same matters then wait for each other, never deadlock.
	b.Queue(`
WITH held AS (
    SELECT id FROM matters WHERE id IN (SELECT matter_id FROM matter_documents WHERE document_id = $1)
    ORDER BY id FOR UPDATE
)
UPDATE matters m SET version = m.version + 1, updated_at = now() FROM held WHERE m.id = held.id`, documentID)
	if err := s.sendBatch(ctx, &b); err != nil {
		return fmt.Errorf("put facts of %s: %w", documentID, err)
	}
	return nil
}

// Result implements store.Queries.
func (s *Store) Result(ctx context.Context, documentID string) (store.StoredResult, error) {
	var r store.StoredResult
	var meta []byte
	err := s.q.QueryRow(ctx, `SELECT extractor, prompt_version, meta FROM extractions WHERE document_id = $1`, documentID).
		Scan(&r.Extractor, &r.PromptVersion, &meta)
	if err != nil {
		return r, notFound(err, "facts of "+documentID)
	}
	var m store.ResultMeta
	if err := json.Unmarshal(meta, &m); err != nil {
		return r, fmt.Errorf("facts of %s: %w", documentID, err)
	}
	m.Apply(&r.Result)
	rows, err := s.q.Query(ctx, `SELECT kind, data FROM facts WHERE document_id = $1 ORDER BY seq`, documentID)
	if err != nil {
		return r, fmt.Errorf("facts of %s: %w", documentID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind string
		var data []byte
		if err := rows.Scan(&kind, &data); err != nil {
			return r, fmt.Errorf("facts of %s: %w", documentID, err)
		}
		if err := store.AddFact(&r.Result, kind, data); err != nil {
			return r, fmt.Errorf("fact of %s: %w", documentID, err)
		}
	}
	return r, rows.Err()
}
