package pipeline

import (
	"context"
	"io"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/store"
)

// Store is the storage the pipeline runs on: what its stages read and
// write outside a transaction, and transactions (store.Tx) for the changes
// that go with queued jobs. store.Store provides it; the methods mean what
// store.Queries says they mean.
type Store interface {
	PutMatter(ctx context.Context, m chronology.Matter) error
	Matter(ctx context.Context, id string) (chronology.Matter, error)

	PutBlob(ctx context.Context, r io.Reader, limit int64) (store.Blob, error)
	OpenBlob(ctx context.Context, sha string) (io.ReadCloser, error)
	DropBlob(ctx context.Context, sha string) error

	Document(ctx context.Context, id string) (store.Document, error)
	SetDocumentStatus(ctx context.Context, id, status, errMsg string, pages int) error
	MatterDocuments(ctx context.Context, matterID string) ([]store.Document, error)
	DocumentMatters(ctx context.Context, documentID string) ([]string, error)

	PageTexts(ctx context.Context, documentID string) ([]extract.Page, error)
	PendingPages(ctx context.Context, documentID string) ([]int, error)
	Result(ctx context.Context, documentID string) (store.StoredResult, error)

	MatterVersion(ctx context.Context, matterID string) (int64, error)
	PutChronology(ctx context.Context, matterID string, version int64, c chronology.Chronology) error
	ChronologyVersion(ctx context.Context, matterID string) (int64, error)

	// WithTx runs fn in one transaction, committed when fn returns nil.
	WithTx(ctx context.Context, fn func(ctx context.Context, tx store.Tx) error) error
}

var _ Store = store.Store(nil)
