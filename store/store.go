package store

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
)

// ErrNotFound is returned, wrapped, by every store method when a row does
// not exist (a matter, document, page, user, session, demand letter...).
var ErrNotFound = errors.New("not found")

// ErrExists is returned, wrapped, by a store when a row to create exists
// already (a matter id, a username).
var ErrExists = errors.New("already exists")

// ErrNotMigrated is returned, wrapped, when the database lacks a table
// the operation needs: its schema must be migrated first.
var ErrNotMigrated = errors.New("database schema not migrated")

// Blob is an original file as stored: addressed by its content's SHA-256,
// sealed at rest.
type Blob struct {
	SHA256 string
	Size   int64
}

// Document statuses.
const (
	StatusQueued    = "queued"    // stored, waiting for ingest
	StatusReading   = "reading"   // text layer read, pages waiting for OCR
	StatusExtracted = "extracted" // facts extracted
	StatusFailed    = "failed"    // could not be processed; Error says why
)

// Document is a stored record file: its identity (extract.Document: id,
// file, hash, pages) and how it is stored and processed. The same content
// uploaded twice is one document: ID is derived from SHA256. File is the
// base name as first uploaded; MatterDocuments sets it to the name the
// document was uploaded under in that matter.
type Document struct {
	extract.Document
	Size      int64
	Status    string
	Error     string // safe to show: never page text
	CreatedAt time.Time
}

// StoredResult is what an extractor found in one document, as stored.
type StoredResult struct {
	Extractor     string
	PromptVersion string
	Result        extract.Result
}

// Queries are the storage operations on matters, documents, pages, facts
// and chronologies that every backend provides, inside a transaction or
// not. Every method takes the context first; implementations scope
// nothing globally. Consumers declare the subset they use.
type Queries interface {
	// PutMatter inserts the matter or updates the settings m gives (empty
	// fields keep their stored value, and a false KeepSenderBates keeps
	// it), for the command line.
	PutMatter(ctx context.Context, m chronology.Matter) error
	// CreateMatter inserts a new matter; ErrExists when the id is taken.
	CreateMatter(ctx context.Context, m chronology.Matter) error
	// LockMatter returns the matter, locked against other changes until
	// the transaction ends.
	LockMatter(ctx context.Context, id string) (chronology.Matter, error)
	// SetMatter stores m's name, client, date of incident and gap
	// threshold exactly as given (an empty value clears a setting) and
	// bumps the matter's version when one changed.
	SetMatter(ctx context.Context, m chronology.Matter) (changed bool, err error)
	Matter(ctx context.Context, id string) (chronology.Matter, error)
	// Matters lists every matter, ordered by id.
	Matters(ctx context.Context) ([]chronology.Matter, error)

	// PutBlob stores r's bytes (at most limit, when above 0) sealed, as
	// they are read, and returns their hash; content stored before is kept
	// once. Call it outside a transaction: a slow upload must not hold one.
	PutBlob(ctx context.Context, r io.Reader, limit int64) (Blob, error)
	// OpenBlob streams the original bytes stored under sha; reading fails
	// rather than return bytes that differ from what was stored.
	OpenBlob(ctx context.Context, sha string) (io.ReadCloser, error)
	// DropBlob removes a blob no document refers to (a refused upload).
	DropBlob(ctx context.Context, sha string) error

	// AddDocument stores a document's metadata and, when data is not nil,
	// its original bytes (once per content; with nil data PutBlob stored
	// them), and links it to the matter under the given file name. It
	// reports whether the document was new to the store.
	AddDocument(ctx context.Context, matterID string, d Document, data []byte) (bool, error)
	Document(ctx context.Context, id string) (Document, error)
	// DocumentBlob returns the original bytes of a document.
	DocumentBlob(ctx context.Context, id string) ([]byte, error)
	SetDocumentStatus(ctx context.Context, id, status, errMsg string, pages int) error
	// ResetDocument puts a document back to StatusQueued, clearing its
	// error, and makes its unreadable pages wait for OCR again, so that
	// processing it again starts afresh.
	ResetDocument(ctx context.Context, id string) error
	// MatterDocuments lists a matter's documents in upload order, with File
	// set to the name the document was uploaded under in that matter.
	MatterDocuments(ctx context.Context, matterID string) ([]Document, error)
	DocumentMatters(ctx context.Context, documentID string) ([]string, error)

	// PutPages inserts or replaces pages.
	PutPages(ctx context.Context, pages []extract.Page) error
	// PutPendingPages records pages that wait for OCR, unless they are stored.
	PutPendingPages(ctx context.Context, documentID string, pages []int) error
	Pages(ctx context.Context, documentID string) ([]extract.Page, error)
	// Page is one stored page with its word boxes; ErrNotFound when it is
	// not stored (yet).
	Page(ctx context.Context, documentID string, number int) (extract.Page, error)
	// PagesBetween is the stored pages first through last of a document
	// with their word boxes, in page order: a window of a long document
	// (the exhibit reads its pages' boxes so, never all at once).
	PagesBetween(ctx context.Context, documentID string, first, last int) ([]extract.Page, error)
	// PageTexts is Pages without the word boxes, for the stages that read
	// only text (extraction, chronology): boxes are most of a page's bytes.
	PageTexts(ctx context.Context, documentID string) ([]extract.Page, error)
	// PendingPages lists the pages of a document still waiting for OCR.
	PendingPages(ctx context.Context, documentID string) ([]int, error)

	// PutResult replaces the facts of a document and bumps the version of
	// every matter holding it.
	PutResult(ctx context.Context, documentID string, r StoredResult) error
	Result(ctx context.Context, documentID string) (StoredResult, error)

	// MatterVersion is a counter bumped whenever a matter's inputs change.
	MatterVersion(ctx context.Context, matterID string) (int64, error)
	// PutChronology replaces the matter's chronology, entries and bills,
	// recording the matter version it was built from. A chronology built
	// from an older version than the stored one is not written: a slower
	// build of an earlier version (builds of one matter run concurrently)
	// never replaces a newer one.
	PutChronology(ctx context.Context, matterID string, version int64, c chronology.Chronology) error
	// Chronology returns the stored chronology and the version it was built from.
	Chronology(ctx context.Context, matterID string) (chronology.Chronology, int64, error)
	// ChronologyVersion is the matter version the stored chronology was built from.
	ChronologyVersion(ctx context.Context, matterID string) (int64, error)
}

// Cache backs the LLM response cache: answers by a key of model, prompt
// version and page content.
type Cache interface {
	// CacheGet returns the value stored under key; false when there is none.
	CacheGet(ctx context.Context, key string) ([]byte, bool, error)
	// CachePut stores val under key, replacing what was there.
	CachePut(ctx context.Context, key string, val []byte) error
}

// FirmFile is a file the firm keeps for every matter, such as its Word
// template (FirmTemplate): who stored it last, and when.
type FirmFile struct {
	Name string
	Data []byte
	By   string // the username of who stored it
	At   time.Time
}

// FirmTemplate names the firm's Word template among its files.
const FirmTemplate = "docx_template"

// FirmFiles keeps the firm's files by name.
type FirmFiles interface {
	// PutFirmFile stores f, replacing the file of its name.
	PutFirmFile(ctx context.Context, f FirmFile) error
	// FirmFile returns the file of that name; ErrNotFound when none.
	FirmFile(ctx context.Context, name string) (FirmFile, error)
	// FirmFileStamp returns who stored the file of that name and when,
	// without its data; ErrNotFound when none.
	FirmFileStamp(ctx context.Context, name string) (FirmFile, error)
	// DeleteFirmFile removes the file of that name; ErrNotFound when none.
	DeleteFirmFile(ctx context.Context, name string) error
}

// Tx is Queries bound to a database transaction. Raw returns the driver's
// transaction (*sql.Tx, pgx.Tx) for River's InsertTx.
type Tx interface {
	Queries
	Cache
	Raw() any
}

// Store is Queries and the Cache with transactions: what every backend
// provides for the pipeline.
type Store interface {
	Queries
	Cache
	// WithTx runs fn in one transaction, committed when fn returns nil.
	WithTx(ctx context.Context, fn func(ctx context.Context, tx Tx) error) error
}
