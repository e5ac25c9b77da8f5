package search

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
)

// RRFK is the constant of reciprocal rank fusion: a hit at rank r (from 1)
// of a list adds 1/(RRFK+r) to its fused score.
const RRFK = 60

// DefaultLimit is the number of hits Search returns for a limit ≤ 0.
const DefaultLimit = 20

// Service indexes a matter's pages and entries and searches them.
type Service struct {
	Index    Index
	Embedder Embedder
	// Logger receives a warning when the embedder fails during a search
	// (the search then falls back to full text). Never given record text
	// or queries. Nil: slog.Default().
	Logger *slog.Logger
}

// IndexDocument embeds the pages of one document and replaces its stored
// vectors for the embedder's model. Pages without text get no vector. The
// full-text index needs no call: the store keeps it with the pages.
func (s *Service) IndexDocument(ctx context.Context, documentID string, pages []extract.Page) error {
	var nums []int
	var texts []string
	for _, p := range pages {
		if t := PageText(p); t != "" {
			nums, texts = append(nums, p.Number), append(texts, t)
		}
	}
	vecs, err := s.embed(ctx, texts)
	if err != nil {
		return fmt.Errorf("index document %s: %w", documentID, err)
	}
	m := make(map[int][]float32, len(vecs))
	for i, v := range vecs {
		m[nums[i]] = v
	}
	if err := s.Index.PutPageVectors(ctx, documentID, s.Embedder.Model(), m); err != nil {
		return fmt.Errorf("index document %s: %w", documentID, err)
	}
	return nil
}

// IndexEntries embeds a matter's chronology entries and replaces the
// matter's entry vectors for the embedder's model. Call it whenever the
// chronology is rebuilt.
func (s *Service) IndexEntries(ctx context.Context, matterID string, entries []chronology.Entry) error {
	ids := make([]string, 0, len(entries))
	texts := make([]string, 0, len(entries))
	for _, e := range entries {
		if e.ID == "" {
			continue
		}
		ids, texts = append(ids, e.ID), append(texts, EntryText(e))
	}
	vecs, err := s.embed(ctx, texts)
	if err != nil {
		return fmt.Errorf("index entries of matter %s: %w", matterID, err)
	}
	m := make(map[string][]float32, len(vecs))
	for i, v := range vecs {
		m[ids[i]] = v
	}
	if err := s.Index.PutEntryVectors(ctx, matterID, s.Embedder.Model(), m); err != nil {
		return fmt.Errorf("index entries of matter %s: %w", matterID, err)
	}
	return nil
}

func (s *Service) embed(ctx context.Context, texts []string) ([][]float32, error) {
	if len(texts) == 0 {
		return nil, nil
	}
	vecs, err := s.Embedder.Embed(ctx, texts)
	if err != nil {
		return nil, err
	}
	if len(vecs) != len(texts) {
		return nil, fmt.Errorf("embedder %s: %d vectors for %d texts", s.Embedder.Model(), len(vecs), len(texts))
	}
	return vecs, nil
}

// Stale reports whether the matter's vectors need re-embedding with the
// current embedder: its model has no vector in the matter while another
// model has. A matter with no vector at all is not stale (nothing was
// indexed yet, or nothing has text).
func (s *Service) Stale(ctx context.Context, matterID string) (bool, error) {
	models, err := s.Index.VectorModels(ctx, matterID)
	if err != nil {
		return false, err
	}
	return len(models) > 0 && !slices.Contains(models, s.Embedder.Model()), nil
}

// Search returns the matter's pages and entries best matching query, at
// most limit of them (DefaultLimit for limit ≤ 0). The full-text list and
// the vector list (limit×3 each) are fused by reciprocal rank fusion; hits
// holding the query as an exact phrase come first. Snippets come from the
// full-text side when it found the hit. When the embedder fails, the
// full-text list alone is returned.
func (s *Service) Search(ctx context.Context, matterID, query string, limit int) ([]Hit, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	query = strings.TrimSpace(query)
	if ParseQuery(query).Empty() {
		return nil, nil
	}
	text, err := s.Index.SearchText(ctx, matterID, query, limit*3)
	if err != nil {
		return nil, fmt.Errorf("search matter %s: %w", matterID, err)
	}
	vec, err := s.searchVectors(ctx, matterID, query, limit*3)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var ee embedError
		if !errors.As(err, &ee) {
			return nil, fmt.Errorf("search matter %s: %w", matterID, err)
		}
		s.logger().Warn("search: embedding the query failed; full-text results only", "model", s.Embedder.Model(), "error", ee.err)
	}
	return Fuse(limit, text, vec), nil
}

type embedError struct{ err error }

func (e embedError) Error() string { return e.err.Error() }

func (s *Service) searchVectors(ctx context.Context, matterID, query string, limit int) ([]Hit, error) {
	vecs, err := s.Embedder.Embed(ctx, []string{query})
	if err != nil {
		return nil, embedError{err}
	}
	if len(vecs) != 1 {
		return nil, embedError{fmt.Errorf("%d vectors for one query", len(vecs))}
	}
	return s.Index.SearchVectors(ctx, matterID, s.Embedder.Model(), vecs[0], limit)
}

func (s *Service) logger() *slog.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return slog.Default()
}

// Fuse merges ranked lists by reciprocal rank fusion (RRFK) and returns
// the best limit hits, exact full-text hits first. A hit found in several
// lists keeps the fields of its first appearance, its snippet from the
// first list that has one, and is Exact if any list says so; its Score is
// the fused score.
func Fuse(limit int, lists ...[]Hit) []Hit {
	at := map[string]int{}
	var out []Hit
	for _, list := range lists {
		for r, h := range list {
			add := 1 / float64(RRFK+r+1)
			k := h.Key()
			i, ok := at[k]
			if !ok {
				at[k] = len(out)
				h.Score = add
				out = append(out, h)
				continue
			}
			o := &out[i]
			o.Score += add
			o.Exact = o.Exact || h.Exact
			if o.Snippet == "" {
				o.Snippet = h.Snippet
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Hit) int {
		if a.Exact != b.Exact {
			if a.Exact {
				return -1
			}
			return 1
		}
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}
