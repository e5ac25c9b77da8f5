package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/pipeline"
)

// Fact kinds as stored.
const (
	kindEncounter = "encounter"
	kindBill      = "bill"
	kindBillTotal = "bill_total"
)

// extractionMeta is what a Result holds besides its facts.
type extractionMeta struct {
	Patient    string         `json:"patient,omitempty"`
	Usage      extract.Usage  `json:"usage,omitzero"`
	PageErrors map[int]string `json:"page_errors,omitempty"`
}

func firstPage(c []extract.Citation) int {
	if len(c) == 0 {
		return 0
	}
	return c[0].Page
}

// PutResult implements pipeline.Queries: it replaces the document's facts
// and bumps the version of every matter holding the document.
func (s *Store) PutResult(ctx context.Context, documentID string, r pipeline.StoredResult) error {
	var b pgx.Batch
	b.Queue(`DELETE FROM facts WHERE document_id = $1`, documentID)
	seq := 0
	add := func(kind string, page int, v any) error {
		data, err := jsonb(v)
		if err != nil {
			return err
		}
		seq++
		b.Queue(`INSERT INTO facts (document_id, seq, kind, page, data) VALUES ($1, $2, $3, $4, $5)`,
			documentID, seq, kind, page, string(data))
		return nil
	}
	for _, e := range r.Result.Encounters {
		if err := add(kindEncounter, firstPage(e.Citations), e); err != nil {
			return fmt.Errorf("put facts of %s: %w", documentID, err)
		}
	}
	for _, bl := range r.Result.Bills {
		if err := add(kindBill, firstPage(bl.Citations), bl); err != nil {
			return fmt.Errorf("put facts of %s: %w", documentID, err)
		}
	}
	for _, t := range r.Result.BillTotals {
		if err := add(kindBillTotal, firstPage(t.Citations), t); err != nil {
			return fmt.Errorf("put facts of %s: %w", documentID, err)
		}
	}
	meta, err := jsonb(extractionMeta{Patient: r.Result.Patient, Usage: r.Result.Usage, PageErrors: r.Result.PageErrors})
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

// Result implements pipeline.Queries.
func (s *Store) Result(ctx context.Context, documentID string) (pipeline.StoredResult, error) {
	var r pipeline.StoredResult
	var meta []byte
	err := s.q.QueryRow(ctx, `SELECT extractor, prompt_version, meta FROM extractions WHERE document_id = $1`, documentID).
		Scan(&r.Extractor, &r.PromptVersion, &meta)
	if err != nil {
		return r, notFound(err, "facts of "+documentID)
	}
	var m extractionMeta
	if err := json.Unmarshal(meta, &m); err != nil {
		return r, fmt.Errorf("facts of %s: %w", documentID, err)
	}
	r.Result.Patient, r.Result.Usage, r.Result.PageErrors = m.Patient, m.Usage, m.PageErrors
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
		if err := addFact(&r.Result, kind, data); err != nil {
			return r, fmt.Errorf("fact of %s: %w", documentID, err)
		}
	}
	return r, rows.Err()
}

// addFact decodes one stored fact into res.
func addFact(res *extract.Result, kind string, data []byte) error {
	switch kind {
	case kindEncounter:
		var e extract.Encounter
		if err := json.Unmarshal(data, &e); err != nil {
			return err
		}
		res.Encounters = append(res.Encounters, e)
	case kindBill:
		var b extract.BillLine
		if err := json.Unmarshal(data, &b); err != nil {
			return err
		}
		res.Bills = append(res.Bills, b)
	case kindBillTotal:
		var t extract.BillTotal
		if err := json.Unmarshal(data, &t); err != nil {
			return err
		}
		res.BillTotals = append(res.BillTotals, t)
	default:
		return fmt.Errorf("unknown fact kind %q", kind)
	}
	return nil
}
