package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/search"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

var _ search.Index = (*Store)(nil)

// snippetTokens is the length of a full-text snippet in words; the result
// is cut to search.MaxSnippet runes.
const snippetTokens = 24

// SearchText implements search.Index with FTS5 (porter stemming, accents
// removed). The query is parsed by search.ParseQuery and run in tiers:
// the whole query as a phrase (exact hits, first), then every word, then
// any word, each tier ranked by bm25.
func (s *Store) SearchText(ctx context.Context, matterID, query string, limit int) ([]search.Hit, error) {
	if limit <= 0 {
		return nil, nil
	}
	var out []search.Hit
	seen := map[string]bool{}
	for tier, match := range ftsTiers(search.ParseQuery(query)) {
		pages, err := s.matchPages(ctx, matterID, match, limit)
		if err != nil {
			return nil, fmt.Errorf("search text: %w", err)
		}
		entries, err := s.matchEntries(ctx, matterID, match, limit)
		if err != nil {
			return nil, fmt.Errorf("search text: %w", err)
		}
		hits := append(pages, entries...)
		slices.SortStableFunc(hits, func(a, b search.Hit) int { return cmpScore(a.Score, b.Score) })
		for _, h := range hits {
			if len(out) == limit {
				return out, nil
			}
			if k := h.Key(); !seen[k] {
				seen[k] = true
				h.Exact = tier == 0
				out = append(out, h)
			}
		}
	}
	return out, nil
}

// cmpScore orders higher scores first.
func cmpScore(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// ftsTiers turns q into FTS5 match expressions, most exact first. Every
// token is quoted, so nothing the user typed is FTS5 syntax.
func ftsTiers(q search.Query) []string {
	if q.Empty() {
		return nil
	}
	var parts []string
	for _, p := range q.Phrases {
		parts = append(parts, phrase(p))
	}
	for _, t := range q.Terms {
		parts = append(parts, phrase([]string{t}))
	}
	var tiers []string
	if len(q.Phrases) == 0 {
		tiers = append(tiers, phrase(q.Terms))
	}
	tiers = append(tiers, strings.Join(parts, " AND "), strings.Join(parts, " OR "))
	return slices.Compact(tiers)
}

// phrase quotes tokens as one FTS5 phrase.
func phrase(tokens []string) string {
	return `"` + strings.ReplaceAll(strings.Join(tokens, " "), `"`, `""`) + `"`
}

func (s *Store) matchPages(ctx context.Context, matterID, match string, limit int) ([]search.Hit, error) {
	// CROSS JOIN keeps the FTS table outermost: MATCH once, then filter.
	// ORDER BY rank (bm25) lets FTS5 sort, so snippets are made only for
	// the rows returned, not for every match.
	rows, err := s.q.QueryContext(ctx, `
SELECT f.document_id, f.page, md.file, snippet(pages_fts, 0, '', '', '…', ?), f.rank
FROM pages_fts f CROSS JOIN matter_documents md
WHERE pages_fts MATCH ? AND md.document_id = f.document_id AND md.matter_id = ?
ORDER BY f.rank LIMIT ?`, snippetTokens, match, matterID, limit)
	if err != nil {
		return nil, fmt.Errorf("full-text search of pages: %w", err)
	}
	defer rows.Close()
	var out []search.Hit
	for rows.Next() {
		h := search.Hit{Kind: search.KindPage}
		var bm25 float64
		if err := rows.Scan(&h.DocumentID, &h.Page, &h.File, &h.Snippet, &bm25); err != nil {
			return nil, fmt.Errorf("match pages: %w", err)
		}
		h.Snippet, h.Score = search.Snippet(h.Snippet), -bm25
		out = append(out, h)
	}
	return out, rows.Err()
}

func (s *Store) matchEntries(ctx context.Context, matterID, match string, limit int) ([]search.Hit, error) {
	rows, err := s.q.QueryContext(ctx, `
SELECT f.entry_id, e.date, coalesce(json_extract(e.data, '$.provider'), ''),
       snippet(entries_fts, 0, '', '', '…', ?), f.rank
FROM entries_fts f CROSS JOIN entries e
WHERE entries_fts MATCH ? AND f.matter_id = ? AND e.matter_id = f.matter_id AND e.id = f.entry_id
ORDER BY f.rank LIMIT ?`, snippetTokens, match, matterID, limit)
	if err != nil {
		return nil, fmt.Errorf("full-text search of entries: %w", err)
	}
	defer rows.Close()
	var out []search.Hit
	for rows.Next() {
		h := search.Hit{Kind: search.KindEntry}
		var bm25 float64
		if err := rows.Scan(&h.EntryID, &h.Date, &h.Provider, &h.Snippet, &bm25); err != nil {
			return nil, fmt.Errorf("match entries: %w", err)
		}
		h.Snippet, h.Score = search.Snippet(h.Snippet), -bm25
		out = append(out, h)
	}
	return out, rows.Err()
}

// PutPageVectors implements search.Index.
func (s *Store) PutPageVectors(ctx context.Context, documentID, model string, vecs map[int][]float32) error {
	return rows.Wrap(s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		t := tx.(*Store)
		if _, err := t.q.ExecContext(ctx, `DELETE FROM vectors WHERE kind = 'page' AND document_id = ? AND model = ?`, documentID, model); err != nil {
			return fmt.Errorf("vectors of %s: %w", documentID, err)
		}
		ins, err := t.q.PrepareContext(ctx, `INSERT INTO vectors (kind, document_id, page, model, dim, vec) VALUES ('page', ?, ?, ?, ?, ?)`)
		if err != nil {
			return fmt.Errorf("vectors of %s: %w", documentID, err)
		}
		defer ins.Close()
		for page, v := range vecs {
			if _, err := ins.ExecContext(ctx, documentID, page, model, len(v), encodeVector(v)); err != nil {
				return fmt.Errorf("vector of %s page %d: %w", documentID, page, err)
			}
		}
		return nil
	}), "put page vectors")
}

// PutEntryVectors implements search.Index.
func (s *Store) PutEntryVectors(ctx context.Context, matterID, model string, vecs map[string][]float32) error {
	return rows.Wrap(s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		t := tx.(*Store)
		if _, err := t.q.ExecContext(ctx, `DELETE FROM vectors WHERE kind = 'entry' AND matter_id = ? AND model = ?`, matterID, model); err != nil {
			return fmt.Errorf("entry vectors of matter %s: %w", matterID, err)
		}
		ins, err := t.q.PrepareContext(ctx, `INSERT INTO vectors (kind, matter_id, entry_id, model, dim, vec) VALUES ('entry', ?, ?, ?, ?, ?)`)
		if err != nil {
			return fmt.Errorf("entry vectors of matter %s: %w", matterID, err)
		}
		defer ins.Close()
		for id, v := range vecs {
			if _, err := ins.ExecContext(ctx, matterID, id, model, len(v), encodeVector(v)); err != nil {
				return fmt.Errorf("vector of entry %s of matter %s: %w", id, matterID, err)
			}
		}
		return nil
	}), "put entry vectors")
}

// VectorModels implements search.Index.
func (s *Store) VectorModels(ctx context.Context, matterID string) ([]string, error) {
	rows, err := s.q.QueryContext(ctx, `
SELECT DISTINCT v.model FROM matter_documents md
JOIN vectors v ON v.kind = 'page' AND v.document_id = md.document_id WHERE md.matter_id = ?
UNION
SELECT DISTINCT model FROM vectors WHERE kind = 'entry' AND matter_id = ?
ORDER BY 1`, matterID, matterID)
	if err != nil {
		return nil, fmt.Errorf("vector models: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return nil, fmt.Errorf("vector models: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// SearchVectors implements search.Index: it loads the matter's vectors of
// model and compares them with q in Go. Vectors whose dimension differs
// from q's are skipped; so are those not similar at all (cosine ≤ 0).
func (s *Store) SearchVectors(ctx context.Context, matterID, model string, q []float32, limit int) ([]search.Hit, error) {
	if limit <= 0 || len(q) == 0 {
		return nil, nil
	}
	qn := norm(q)
	if qn == 0 {
		return nil, nil
	}
	type candidate struct {
		rowid int64
		score float64
	}
	var cands []candidate
	scan := func(query string, args ...any) error {
		rows, err := s.q.QueryContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("vector search: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var c candidate
			var vec sql.RawBytes
			if err := rows.Scan(&c.rowid, &vec); err != nil {
				return err
			}
			if len(vec) != 4*len(q) {
				continue
			}
			if c.score = cosineBytes(q, qn, vec); c.score > 0 {
				cands = append(cands, c)
			}
		}
		return rows.Err()
	}
	// Only row ids and vectors are read for every candidate; the details
	// of the best ones are read after.
	err := scan(`
SELECT v.rowid, v.vec FROM matter_documents md
JOIN vectors v ON v.kind = 'page' AND v.document_id = md.document_id AND v.model = ?
WHERE md.matter_id = ?`, model, matterID)
	if err == nil {
		err = scan(`
SELECT v.rowid, v.vec FROM vectors v JOIN entries e ON e.matter_id = v.matter_id AND e.id = v.entry_id
WHERE v.kind = 'entry' AND v.matter_id = ? AND v.model = ?`, matterID, model)
	}
	if err != nil {
		return nil, fmt.Errorf("search vectors: %w", err)
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		if c := cmpScore(a.score, b.score); c != 0 {
			return c
		}
		return cmp.Compare(a.rowid, b.rowid)
	})
	hits := make([]search.Hit, 0, min(limit, len(cands)))
	for _, c := range cands[:min(limit, len(cands))] {
		h, err := s.vectorHit(ctx, matterID, c.rowid)
		if err != nil {
			return nil, fmt.Errorf("search vectors: %w", err)
		}
		h.Score = c.score
		hits = append(hits, h)
	}
	return hits, nil
}

// vectorHit reads what a Hit shows of the page or entry of a vector row:
// for a page its first words, for an entry its text.
func (s *Store) vectorHit(ctx context.Context, matterID string, rowid int64) (search.Hit, error) {
	var h search.Hit
	var text, data string
	err := s.q.QueryRowContext(ctx, `
SELECT v.kind, coalesce(v.document_id, ''), coalesce(v.page, 0), coalesce(md.file, ''), coalesce(substr(p.text, 1, 1000), ''),
       coalesce(v.entry_id, ''), coalesce(e.date, ''), coalesce(e.data, '{}')
FROM vectors v
LEFT JOIN matter_documents md ON v.kind = 'page' AND md.matter_id = ? AND md.document_id = v.document_id
LEFT JOIN pages p ON v.kind = 'page' AND p.document_id = v.document_id AND p.page = v.page
LEFT JOIN entries e ON v.kind = 'entry' AND e.matter_id = v.matter_id AND e.id = v.entry_id
WHERE v.rowid = ?`, matterID, rowid).Scan(&h.Kind, &h.DocumentID, &h.Page, &h.File, &text, &h.EntryID, &h.Date, &data)
	if err != nil {
		return h, fmt.Errorf("vector search: %w", err)
	}
	if h.Kind == search.KindEntry {
		var e chronology.Entry
		if err := json.Unmarshal([]byte(data), &e); err != nil {
			return h, fmt.Errorf("entry %s: %w", h.EntryID, err)
		}
		h.Provider, text = e.Provider, search.EntryText(e)
	}
	h.Snippet = search.Snippet(text)
	return h, nil
}

// encodeVector stores v as little-endian float32s.
func encodeVector(v []float32) []byte {
	b := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(x))
	}
	return b
}

func norm(v []float32) float64 {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	return math.Sqrt(s)
}

// cosineBytes is the cosine similarity of q (of norm qn) and the encoded
// vector b of the same length, decoded on the fly.
func cosineBytes(q []float32, qn float64, b []byte) float64 {
	var dot, bn float32
	for i, x := range q {
		y := math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
		dot += x * y
		bn += y * y
	}
	if bn == 0 {
		return 0
	}
	return float64(dot) / (qn * math.Sqrt(float64(bn)))
}
