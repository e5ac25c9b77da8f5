package pipeline

import (
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// Queue names.
const (
	QueueDefault = river.QueueDefault
	QueueOCR     = "ocr"
)

// IngestArgs validates a stored document and reads its text layer.
type IngestArgs struct {
	DocumentID string `json:"document_id"`
}

// Kind implements river.JobArgs.
func (IngestArgs) Kind() string { return "ingest_document" }

// InsertOpts implements river.JobArgsWithInsertOpts.
func (IngestArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 3, UniqueOpts: uniqueWhileQueued}
}

// OCRPageArgs reads one page image with Tesseract.
type OCRPageArgs struct {
	DocumentID string `json:"document_id"`
	Page       int    `json:"page"`
}

// Kind implements river.JobArgs.
func (OCRPageArgs) Kind() string { return "ocr_page" }

// InsertOpts implements river.JobArgsWithInsertOpts.
func (OCRPageArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueOCR, MaxAttempts: 3, UniqueOpts: uniqueWhileQueued}
}

// ExtractArgs extracts facts from a document whose pages are all read.
// Extractor and PromptVersion name the extractor that must produce them
// ("" for the worker's configured one), so that a reprocess with another
// extractor or prompt is another job.
type ExtractArgs struct {
	DocumentID    string `json:"document_id"`
	Extractor     string `json:"extractor,omitempty"`
	PromptVersion string `json:"prompt_version,omitempty"`
}

// Kind implements river.JobArgs.
func (ExtractArgs) Kind() string { return "extract_document" }

// InsertOpts implements river.JobArgsWithInsertOpts.
func (ExtractArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 3, UniqueOpts: uniqueWhileQueued}
}

// BuildArgs builds a matter's chronology from stored facts, as of at least
// the matter version Version. Each change of a matter queues a build for
// its new version, so a build finishing while another change lands never
// swallows that change; a build whose version is already built is a no-op.
type BuildArgs struct {
	MatterID string `json:"matter_id"`
	Version  int64  `json:"version"`
}

// Kind implements river.JobArgs.
func (BuildArgs) Kind() string { return "build_chronology" }

// InsertOpts implements river.JobArgsWithInsertOpts.
func (BuildArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 5, UniqueOpts: uniqueWhileQueued}
}

// uniqueWhileQueued makes a second insert of the same args a no-op while
// the first is still waiting or running, but lets the same work be queued
// again once it has completed (for reprocessing).
var uniqueWhileQueued = river.UniqueOpts{
	ByArgs: true,
	ByState: []rivertype.JobState{
		rivertype.JobStateAvailable,
		rivertype.JobStatePending,
		rivertype.JobStateRunning,
		rivertype.JobStateRetryable,
		rivertype.JobStateScheduled,
	},
}

// Timeouts per job kind: OCR and LLM work take longer than River's default
// minute on large pages or slow endpoints.
const (
	ingestTimeout  = 5 * time.Minute
	ocrTimeout     = 3 * time.Minute
	extractTimeout = 30 * time.Minute
	buildTimeout   = 10 * time.Minute
)
