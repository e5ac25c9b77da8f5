package cli

import (
	"context"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/store"
)

// The commands declare what they read of a store (store.Store provides
// all of it); writing goes through the pipeline.

// documentLister lists a matter's documents.
type documentLister interface {
	MatterDocuments(ctx context.Context, matterID string) ([]store.Document, error)
}

// pageReader reads a document's pages: with word boxes, or text only.
type pageReader interface {
	Pages(ctx context.Context, documentID string) ([]extract.Page, error)
	PageTexts(ctx context.Context, documentID string) ([]extract.Page, error)
}

// chronologyReader reads a matter's stored chronology.
type chronologyReader interface {
	Chronology(ctx context.Context, matterID string) (chronology.Chronology, int64, error)
}

// matterReader reads a matter's documents, pages and chronology: what
// processing reports after the pipeline ran, and what search indexes.
type matterReader interface {
	documentLister
	pageReader
	chronologyReader
}

// reprocessStore is what planning a reprocess reads.
type reprocessStore interface {
	documentLister
	pageReader
	Matter(ctx context.Context, id string) (chronology.Matter, error)
	Matters(ctx context.Context) ([]chronology.Matter, error)
	Result(ctx context.Context, documentID string) (store.StoredResult, error)
}
