package search

import (
	"context"
	"strconv"
)

// Kinds of Hit.
const (
	KindPage  = "page"
	KindEntry = "entry"
)

// Hit is one ranked result: a page of a document or a chronology entry.
// Its JSON form is the one the web API answers with.
type Hit struct {
	Kind       string `json:"kind"`                  // KindPage or KindEntry
	DocumentID string `json:"document_id,omitempty"` // page hits
	File       string `json:"file,omitempty"`        // page hits: the file name in this matter
	Page       int    `json:"page,omitempty"`        // page hits, from 1
	EntryID    string `json:"entry_id,omitempty"`    // entry hits
	Date       string `json:"date,omitempty"`        // entry hits: YYYY-MM-DD, or "" when undated
	Provider   string `json:"provider,omitempty"`    // entry hits
	// Snippet is plain text around the match, at most MaxSnippet runes.
	Snippet string `json:"snippet"`
	// Score orders hits, higher first. Its scale depends on who ranked
	// the list (bm25, cosine similarity or fused rank); compare scores only
	// within one list.
	Score float64 `json:"score"`
	// Exact is set on full-text hits that hold the whole query as a phrase
	// (or, for a query with quoted phrases, every phrase and word of it).
	Exact bool `json:"-"`
}

// Key identifies the page or entry a hit points at.
func (h Hit) Key() string {
	if h.Kind == KindEntry {
		return "e\x00" + h.EntryID
	}
	return "p\x00" + h.DocumentID + "\x00" + strconv.Itoa(h.Page)
}

// Embedder turns texts into vectors of Dim() float32s.
type Embedder interface {
	// Model names the embedding model; it is stored with every vector.
	Model() string
	// Dim is the length of the vectors, or 0 when not yet known (a remote
	// model's dimension is learnt from its first answer).
	Dim() int
	// Embed returns one vector per text, in order.
	Embed(ctx context.Context, texts []string) ([][]float32, error)
}

// Index stores vectors and runs searches over one matter's records. The
// SQLite store implements it; a PostgreSQL store will.
type Index interface {
	// PutPageVectors replaces the vectors of documentID made by model,
	// keyed by page number.
	PutPageVectors(ctx context.Context, documentID, model string, vecs map[int][]float32) error
	// PutEntryVectors replaces the vectors of the matter's entries made by
	// model, keyed by entry id.
	PutEntryVectors(ctx context.Context, matterID, model string, vecs map[string][]float32) error
	// SearchText runs a full-text search over the matter's pages and
	// entries, best first, with snippets around the matches. Any query
	// string is accepted: words are searched as words, "quoted text" as a
	// phrase; operators and punctuation are never a syntax error.
	SearchText(ctx context.Context, matterID, query string, limit int) ([]Hit, error)
	// SearchVectors returns the matter's pages and entries whose vectors
	// made by model are most similar (cosine) to q, best first.
	SearchVectors(ctx context.Context, matterID, model string, q []float32, limit int) ([]Hit, error)
	// VectorModels lists the models that made the matter's stored vectors.
	VectorModels(ctx context.Context, matterID string) ([]string, error)
}
