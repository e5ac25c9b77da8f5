package sqlite

import (
	"context"
	"encoding/json"
	"fmt"

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
	return s.WithTx(ctx, func(ctx context.Context, tx pipeline.Tx) error {
		t := tx.(*Store)
		if _, err := t.q.ExecContext(ctx, `DELETE FROM facts WHERE document_id = ?`, documentID); err != nil {
			return err
		}
		seq := 0
		add := func(kind string, page int, v any) error {
			b, err := json.Marshal(v)
			if err != nil {
				return err
			}
			seq++
			_, err = t.q.ExecContext(ctx, `INSERT INTO facts (document_id, seq, kind, page, data) VALUES (?, ?, ?, ?, ?)`,
				documentID, seq, kind, page, string(b))
			return err
		}
		for _, e := range r.Result.Encounters {
			if err := add(kindEncounter, firstPage(e.Citations), e); err != nil {
				return err
			}
		}
		for _, b := range r.Result.Bills {
			if err := add(kindBill, firstPage(b.Citations), b); err != nil {
				return err
			}
		}
		for _, b := range r.Result.BillTotals {
			if err := add(kindBillTotal, firstPage(b.Citations), b); err != nil {
				return err
			}
		}
		meta, err := json.Marshal(extractionMeta{Patient: r.Result.Patient, Usage: r.Result.Usage, PageErrors: r.Result.PageErrors})
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
	})
}

// Result implements pipeline.Queries.
func (s *Store) Result(ctx context.Context, documentID string) (pipeline.StoredResult, error) {
	var r pipeline.StoredResult
	var meta string
	err := s.q.QueryRowContext(ctx, `SELECT extractor, prompt_version, meta FROM extractions WHERE document_id = ?`, documentID).
		Scan(&r.Extractor, &r.PromptVersion, &meta)
	if err != nil {
		return r, notFound(err, "facts of "+documentID)
	}
	var m extractionMeta
	if err := json.Unmarshal([]byte(meta), &m); err != nil {
		return r, err
	}
	r.Result.Patient, r.Result.Usage, r.Result.PageErrors = m.Patient, m.Usage, m.PageErrors
	rows, err := s.q.QueryContext(ctx, `SELECT kind, data FROM facts WHERE document_id = ? ORDER BY seq`, documentID)
	if err != nil {
		return r, err
	}
	defer rows.Close()
	for rows.Next() {
		var kind, data string
		if err := rows.Scan(&kind, &data); err != nil {
			return r, err
		}
		switch kind {
		case kindEncounter:
			var e extract.Encounter
			err = json.Unmarshal([]byte(data), &e)
			r.Result.Encounters = append(r.Result.Encounters, e)
		case kindBill:
			var b extract.BillLine
			err = json.Unmarshal([]byte(data), &b)
			r.Result.Bills = append(r.Result.Bills, b)
		case kindBillTotal:
			var b extract.BillTotal
			err = json.Unmarshal([]byte(data), &b)
			r.Result.BillTotals = append(r.Result.BillTotals, b)
		default:
			err = fmt.Errorf("unknown fact kind %q", kind)
		}
		if err != nil {
			return r, fmt.Errorf("fact of %s: %w", documentID, err)
		}
	}
	return r, rows.Err()
}
