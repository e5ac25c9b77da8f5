package web

import "github.com/medchron/medchron/web/internal/core"

// Store is everything the web application persists: the pipeline's
// records, users and the audit log, entry reviews and the demand letter's
// versions. store/sqlite and store/postgres implement it.
type Store = core.Store

// ReviewStore keeps reviewers' decisions on entries, as history.
type ReviewStore = core.ReviewStore

// DemandStore keeps the demand letter's generations, versions and
// approvals. Versions and approvals are append-only.
type DemandStore = core.DemandStore

// CurationStore keeps a matter's provider overrides, decisions on flags
// and tasks.
type CurationStore = core.CurationStore
