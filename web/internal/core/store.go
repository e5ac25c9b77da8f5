package core

import (
	"context"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/store"
)

// Store is everything the web application persists: the pipeline's
// records, users and the audit log, entry reviews and the demand letter's
// versions. store/sqlite and store/postgres implement it.
type Store interface {
	store.Store
	access.Store
	ReviewStore
	DemandStore
	CurationStore
	store.FirmFiles
}

// CurationStore keeps a matter's provider overrides (undone by deleting
// them), the decisions on its flags (append-only) and its tasks.
type CurationStore interface {
	// AddProviderOverride stores an override and returns its id.
	AddProviderOverride(ctx context.Context, o chronology.ProviderOverride) (int64, error)
	// DeleteProviderOverride undoes an override and returns it;
	// store.ErrNotFound when the matter has none with that id.
	DeleteProviderOverride(ctx context.Context, matterID string, id int64) (chronology.ProviderOverride, error)
	// ProviderOverrides lists a matter's overrides, oldest first.
	ProviderOverrides(ctx context.Context, matterID string) ([]chronology.ProviderOverride, error)
	// AddFlagDecision appends a dismissal or restoration of a flag.
	AddFlagDecision(ctx context.Context, d chronology.FlagDecision) error
	// FlagDecisions lists a matter's decisions on flags, oldest first.
	FlagDecisions(ctx context.Context, matterID string) ([]chronology.FlagDecision, error)
	// AddTask stores a task and returns its id.
	AddTask(ctx context.Context, t chronology.Task) (int64, error)
	// SetTaskStatus sets a task's status; store.ErrNotFound when the
	// matter has no such task.
	SetTaskStatus(ctx context.Context, matterID string, id int64, status string, at time.Time) error
	// Tasks lists a matter's tasks in the order they were made.
	Tasks(ctx context.Context, matterID string) ([]chronology.Task, error)
}

// ReviewStore keeps reviewers' decisions on entries, as history.
type ReviewStore interface {
	// AddEntryReviews appends reviews in one transaction (bulk verify).
	AddEntryReviews(ctx context.Context, rs []chronology.EntryReview) error
	// EntryReviews lists a matter's reviews, oldest first.
	EntryReviews(ctx context.Context, matterID string) ([]chronology.EntryReview, error)
}

// DemandStore keeps the demand letter's generations, versions and approvals.
// Versions and approvals are append-only.
type DemandStore interface {
	// PutDemandGeneration records a (re)generation and its new versions in
	// one transaction; demand.ErrConflict when a version number is taken.
	PutDemandGeneration(ctx context.Context, matterID string, g demand.Generation, vs []demand.Version) error
	// AddDemandVersion stores a version; demand.ErrConflict when its number is taken.
	AddDemandVersion(ctx context.Context, matterID string, v demand.Version) error
	AddDemandApproval(ctx context.Context, matterID string, a demand.Approval) error
	// DemandRecord returns the matter's letter; store.ErrNotFound before
	// the first generation.
	DemandRecord(ctx context.Context, matterID string) (demand.Record, error)
}
