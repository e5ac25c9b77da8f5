package sqlite

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// PutResult implements store.Queries: it replaces the document's facts
// and bumps the version of every matter holding the document.
func (s *Store) PutResult(ctx context.Context, documentID string, r store.StoredResult) error {
	return rows.Wrap(s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		t := tx.(*Store)
		if _, err := t.q.ExecContext(ctx, `DELETE FROM facts WHERE document_id = ?`, documentID); err != nil {
			return err
		}
		facts := store.FactRows(r.Result)
		err := t.execEach(ctx, `INSERT INTO facts (document_id, seq, kind, page, data) VALUES (?, ?, ?, ?, ?)`, len(facts),
			func(i int) ([]any, error) {
				b, err := json.Marshal(facts[i].Value)
				return []any{documentID, i + 1, facts[i].Kind, facts[i].Page, string(b)}, err
			})
		if err != nil {
			return err
		}
		meta, err := json.Marshal(store.MetaOf(r.Result))
		if err != nil {
			return err
		}
		_, err = t.q.ExecContext(ctx, `
INSERT INTO extractions (document_id, extractor, prompt_version, meta, created_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (document_id) DO UPDATE SET extractor = excluded.extractor, prompt_version = excluded.prompt_version,
    meta = excluded.meta, created_at = excluded.created_at`,
			documentID, r.Extractor, r.PromptVersion, string(meta), now())
		if err != nil {
			return err
		}
		return t.bumpMatters(ctx, `id IN (SELECT matter_id FROM matter_documents WHERE document_id = ?)`, documentID)
	}), "put result")
}

// Result implements store.Queries.
func (s *Store) Result(ctx context.Context, documentID string) (store.StoredResult, error) {
	var r store.StoredResult
	var meta string
	err := s.q.QueryRowContext(ctx, `SELECT extractor, prompt_version, meta FROM extractions WHERE document_id = ?`, documentID).
		Scan(&r.Extractor, &r.PromptVersion, &meta)
	if err != nil {
		return r, notFound(err, "facts of "+documentID)
	}
	var m store.ResultMeta
	if err := json.Unmarshal([]byte(meta), &m); err != nil {
		return r, fmt.Errorf("facts of %s: %w", documentID, err)
	}
	m.Apply(&r.Result)
	rows, err := s.q.QueryContext(ctx, `SELECT kind, data FROM facts WHERE document_id = ? ORDER BY seq`, documentID)
	if err != nil {
		return r, fmt.Errorf("result: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, data string
		if err := rows.Scan(&kind, &data); err != nil {
			return r, fmt.Errorf("result: %w", err)
		}
		if err := store.AddFact(&r.Result, kind, []byte(data)); err != nil {
			return r, fmt.Errorf("fact of %s: %w", documentID, err)
		}
	}
	return r, rows.Err()
}
