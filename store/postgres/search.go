package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/medchron/medchron/search"
)

var _ search.Index = (*Store)(nil)

// tsConfig is the text search configuration of migration 0003: English
// stemming, no stop words, over text folded by medchron_search_fold.
const tsConfig = "medchron"

// headlineOptions make ts_headline return one fragment of about 24 words
// without markup; the result is cut to search.MaxSnippet runes.
const headlineOptions = `MaxFragments=1, MaxWords=24, MinWords=12, ShortWord=0, StartSel="", StopSel="", FragmentDelimiter=" … "`

// SearchText implements search.Index with PostgreSQL full-text search over
// the search_tsv columns of pages and entries. The query is parsed by
// search.ParseQuery and run in tiers, as the SQLite store does: the whole
// query as a phrase (exact hits, first), then every phrase and word, then
// any of them, each tier ranked by ts_rank_cd. Tokens reach PostgreSQL
// only as arguments of phraseto_tsquery, so no input is a syntax error.
// Snippets come from ts_headline, made only for the hits returned.
func (s *Store) SearchText(ctx context.Context, matterID, query string, limit int) ([]search.Hit, error) {
	if limit <= 0 {
		return nil, nil
	}
	tiers := tsTiers(search.ParseQuery(query))
	if len(tiers) == 0 {
		return nil, nil
	}
	var out []search.Hit
	seen := map[string]bool{}
	for i, tier := range tiers {
		hits, err := s.matchText(ctx, matterID, tier, limit)
		if err != nil {
			return nil, fmt.Errorf("search text: %w", err)
		}
		for _, h := range hits {
			if len(out) == limit {
				break
			}
			if k := h.Key(); !seen[k] {
				seen[k] = true
				h.Exact = i == 0
				out = append(out, h)
			}
		}
		if len(out) == limit {
			break
		}
	}
	// The last tier (any word) is the widest: its words are those the
	// snippets show.
	if err := s.headlines(ctx, matterID, out, tiers[len(tiers)-1]); err != nil {
		return nil, fmt.Errorf("search text: %w", err)
	}
	return out, nil
}

// tsTier is a tsquery expression over the arguments $3, $4… (args): each
// a phrase or a word of folded tokens, given to phraseto_tsquery.
type tsTier struct {
	expr string
	args []any
}

// tsTiers turns q into tsquery expressions, most exact first.
func tsTiers(q search.Query) []tsTier {
	if q.Empty() {
		return nil
	}
	var parts [][]string
	for _, p := range q.Phrases {
		parts = append(parts, p)
	}
	for _, t := range q.Terms {
		parts = append(parts, []string{t})
	}
	var tiers []tsTier
	if len(q.Phrases) == 0 && len(q.Terms) > 1 {
		tiers = append(tiers, combine([][]string{q.Terms}, ""))
	}
	tiers = append(tiers, combine(parts, " && "))
	if len(parts) > 1 {
		tiers = append(tiers, combine(parts, " || "))
	}
	return tiers
}

// combine joins the phrases' tsqueries with op.
func combine(phrases [][]string, op string) tsTier {
	var t tsTier
	var exprs []string
	for _, p := range phrases {
		t.args = append(t.args, strings.Join(p, " "))
		exprs = append(exprs, "phraseto_tsquery('"+tsConfig+"', $"+strconv.Itoa(len(t.args)+2)+"::text)")
	}
	t.expr = "(" + strings.Join(exprs, op) + ")"
	return t
}

// matchText runs one tier over the matter's pages and entries: the best
// limit of each, merged by rank. Snippets are left empty.
func (s *Store) matchText(ctx context.Context, matterID string, tier tsTier, limit int) ([]search.Hit, error) {
	rows, err := s.q.Query(ctx, `
WITH q AS (SELECT `+tier.expr+` AS q),
hits AS ((
    SELECT 'page' AS kind, p.document_id, p.page, md.file, '' AS entry_id, NULL::date AS date, '' AS provider,
           ts_rank_cd(p.search_tsv, q.q, 1) AS score, md.position AS pos
    FROM q, matter_documents md JOIN pages p ON p.document_id = md.document_id
    WHERE md.matter_id = $1 AND p.search_tsv @@ q.q
    ORDER BY score DESC, md.position, p.page LIMIT $2
) UNION ALL (
    SELECT 'entry', '', 0, '', e.id, e.date, coalesce(e.data->>'provider', ''),
           ts_rank_cd(e.search_tsv, q.q, 1) AS score, 0
    FROM q, entries e
    WHERE e.matter_id = $1 AND e.search_tsv @@ q.q
    ORDER BY score DESC, e.date, e.id LIMIT $2
))
SELECT kind, document_id, page, file, entry_id, coalesce(to_char(date, 'YYYY-MM-DD'), ''), provider, score
FROM hits ORDER BY score DESC, kind DESC, pos, page, entry_id LIMIT $2`,
		append([]any{matterID, limit}, tier.args...)...)
	if err != nil {
		return nil, fmt.Errorf("full-text search of matter %s: %w", matterID, err)
	}
	hits, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (search.Hit, error) {
		var h search.Hit
		err := r.Scan(&h.Kind, &h.DocumentID, &h.Page, &h.File, &h.EntryID, &h.Date, &h.Provider, &h.Score)
		return h, err
	})
	if err != nil {
		return nil, fmt.Errorf("full-text search of matter %s: %w", matterID, err)
	}
	return hits, nil
}

// headlines sets the snippet of every hit: ts_headline of the page's text
// or the entry's search text around the words of the tsquery expr.
func (s *Store) headlines(ctx context.Context, matterID string, hits []search.Hit, tier tsTier) error {
	if len(hits) == 0 {
		return nil
	}
	var docs, entries []string
	var pages []int
	for _, h := range hits {
		if h.Kind == search.KindEntry {
			entries = append(entries, h.EntryID)
		} else {
			docs, pages = append(docs, h.DocumentID), append(pages, h.Page)
		}
	}
	// $1 and $2 stand where matchText has matter and limit: the
	// expression's arguments are $3….
	n := len(tier.args)
	rows, err := s.q.Query(ctx, `
WITH q AS (SELECT `+tier.expr+` AS q)
SELECT 'page', p.document_id, p.page, '', ts_headline('`+tsConfig+`', p.text, q.q, '`+headlineOptions+`')
FROM q, unnest($1::text[], $2::int[]) AS k (doc, page) JOIN pages p ON p.document_id = k.doc AND p.page = k.page
UNION ALL
SELECT 'entry', '', 0, e.id, ts_headline('`+tsConfig+`', medchron_entry_text(e.data), q.q, '`+headlineOptions+`')
FROM q, entries e WHERE e.matter_id = $`+strconv.Itoa(n+3)+` AND e.id = ANY ($`+strconv.Itoa(n+4)+`::text[])`,
		append(append([]any{docs, pages}, tier.args...), matterID, entries)...)
	if err != nil {
		return fmt.Errorf("snippets of matter %s: %w", matterID, err)
	}
	snippets := map[string]string{}
	var h search.Hit
	var snippet string
	_, err = pgx.ForEachRow(rows, []any{&h.Kind, &h.DocumentID, &h.Page, &h.EntryID, &snippet}, func() error {
		snippets[h.Key()] = search.Snippet(snippet)
		return nil
	})
	if err != nil {
		return fmt.Errorf("snippets of matter %s: %w", matterID, err)
	}
	for i := range hits {
		hits[i].Snippet = snippets[hits[i].Key()]
	}
	return nil
}
