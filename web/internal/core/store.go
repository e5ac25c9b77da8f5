package core

import (
	"context"

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
