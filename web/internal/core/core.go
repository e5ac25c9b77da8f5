// Package core holds what the JSON API (web/api) and the browser pages
// (web/ui) share: the store and pipeline they call, sessions and the
// guards every route goes through (sign-in, CSRF, the service token,
// access to a matter), the audit log, the one multipart upload reader,
// matter settings and processing progress.
package core

import (
	"context"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand/llmdraft"
	"github.com/medchron/medchron/internal/docx"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/search"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/web/internal/respond"
)

// Searcher runs a search over one matter's records (search.Service).
type Searcher interface {
	Search(ctx context.Context, matterID, query string, limit int) ([]search.Hit, error)
}

// PageRenderer draws page n of a record file as a PNG at dpi
// (extract/sandbox.Pool does it in an isolated process).
type PageRenderer interface {
	RenderPage(ctx context.Context, data []byte, page, dpi int) ([]byte, error)
}

// SectionDrafter drafts a demand section with the configured LLM
// (llmdraft.Drafter); nil when no LLM endpoint is configured.
type SectionDrafter interface {
	Draft(ctx context.Context, req llmdraft.Request) (llmdraft.Draft, error)
}

// Pipeline is what the handlers ask of the processing pipeline
// (pipeline.Pipeline is one): uploads taken into the store and queued,
// progress, a retry of failed documents, a change of a matter's settings
// that rebuilds its chronology, and files of its work folder.
type Pipeline interface {
	Take(ctx context.Context, name string, r io.Reader, limit int64) (pipeline.Stored, error)
	Add(ctx context.Context, matterID string, files []pipeline.Stored) ([]store.Document, error)
	ProgressByDocument(ctx context.Context, matterID string) (pipeline.Progress, []pipeline.DocumentProgress, error)
	RetryFailed(ctx context.Context, matterID string, opt pipeline.RetryOptions) (int, error)
	ChangeMatter(ctx context.Context, id string, change func(ctx context.Context, tx store.Tx, before chronology.Matter, after *chronology.Matter) error) (changed bool, err error)
	// OriginalFile and ScratchFile give unnamed files of the pipeline's
	// owner-only work folder: a document's original decrypted, and an
	// empty one (an export too large to build in memory).
	OriginalFile(ctx context.Context, documentID string) (*os.File, error)
	ScratchFile() (*os.File, error)
}

// Core is the state the API's and the pages' handlers share. It answers
// errors through its embedded respond.Errors.
type Core struct {
	Store    Store
	Pipeline Pipeline
	Search   Searcher       // nil: search answers 501
	Renderer PageRenderer   // nil: page images are drawn in this process
	Drafter  SectionDrafter // nil: no LLM drafting of demand sections
	// DOCXTemplate is the server's Word template of the Word downloads,
	// used until an admin uploads the firm's own (see Template).
	DOCXTemplate *docx.Template
	templates    templates
	// TimeZone is the firm's time zone, in which pages show times; nil is UTC.
	TimeZone *time.Location
	Logger   *slog.Logger
	Now      func() time.Time
	// Token is the bearer token of the API; empty means none.
	Token string
	// MaxUpload bounds one file of an upload, in bytes.
	MaxUpload int64
	// SecureCookies marks the session cookie Secure.
	SecureCookies bool
	// Uploads bounds the uploads running at once, API and pages together.
	Uploads Slots
	respond.Errors
}
