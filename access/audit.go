package access

import (
	"context"
	"time"
)

// Audit actions. Events name what was done to which object; they never
// hold record text, names or other PHI.
const (
	AuditSignIn        = "sign_in"
	AuditSignInFailed  = "sign_in_failed"
	AuditSignOut       = "sign_out"
	AuditUserCreate    = "user_create"
	AuditUserUpdate    = "user_update"
	AuditMatterCreate  = "matter_create"
	AuditMatterAssign  = "matter_assign"
	AuditMatterEdit    = "matter_edit"    // settings changed; Detail holds before → after
	AuditRetry         = "document_retry" // failed documents processed again
	AuditMatterView    = "matter_view"
	AuditUpload        = "document_upload"
	AuditDocumentView  = "document_view" // original PDF downloaded or opened
	AuditPageView      = "page_view"     // page image viewed
	AuditEntryView     = "entry_view"    // an entry opened beside its page
	AuditEntryVerify   = "entry_verify"
	AuditEntryCorrect  = "entry_correct"
	AuditEntryReject   = "entry_reject"
	AuditEntryReset    = "entry_reset"
	AuditDemandGen     = "demand_generate"
	AuditDemandEdit    = "demand_edit"
	AuditDemandApprove = "demand_approve"
	AuditExport        = "export"
	AuditSearch        = "search"
	// Provider overrides; Detail names the kind, ids and entry count.
	AuditProviderOverride = "provider_override"
	AuditProviderUndo     = "provider_override_undo"
	// Flags and tasks; Detail holds the flag's kind or the task's status.
	AuditFlagDismiss = "flag_dismiss"
	AuditFlagRestore = "flag_restore"
	AuditTaskCreate  = "task_create"
	AuditTaskStatus  = "task_status"

	AuditFirmTemplate = "firm_template" // the firm's Word template uploaded or removed
)

// Event is one audit row. Object names the thing acted on (an entry id,
// "document:ID page:N", an export file name); Detail is a short,
// PHI-free note (a section key, a version number, a field name).
type Event struct {
	ID       int64     `json:"id"`
	At       time.Time `json:"at"`
	UserID   string    `json:"user_id"`
	Username string    `json:"username"`
	Action   string    `json:"action"`
	MatterID string    `json:"matter_id,omitempty"`
	Object   string    `json:"object,omitempty"`
	Detail   string    `json:"detail,omitempty"`
	IP       string    `json:"ip,omitempty"`
}

// AuditFilter selects events, newest first.
type AuditFilter struct {
	MatterID string // empty: every matter and the global events
	UserID   string
	BeforeID int64 // 0: from the newest
	Limit    int   // 0: 100
}

// Store persists users, sessions, memberships and the audit log; a missing
// row is store.ErrNotFound (package store holds the errors of every
// backend). Audit rows are append-only: implementations refuse UPDATE and
// DELETE on them.
type Store interface {
	CreateUser(ctx context.Context, u User) error // store.ErrExists on a taken username
	UpdateUser(ctx context.Context, u User) error
	User(ctx context.Context, id string) (User, error)
	UserByName(ctx context.Context, username string) (User, error)
	Users(ctx context.Context) ([]User, error) // ordered by username

	CreateSession(ctx context.Context, s Session) error
	Session(ctx context.Context, tokenHash string) (Session, error)
	TouchSession(ctx context.Context, tokenHash string, at time.Time) error
	DeleteSession(ctx context.Context, tokenHash string) error
	// DeleteUserSessions signs a user out everywhere (disabled, password changed).
	DeleteUserSessions(ctx context.Context, userID string) error

	AddMember(ctx context.Context, matterID, userID string) error // idempotent
	RemoveMember(ctx context.Context, matterID, userID string) error
	IsMember(ctx context.Context, matterID, userID string) (bool, error)
	MatterMembers(ctx context.Context, matterID string) ([]string, error) // user ids
	UserMatters(ctx context.Context, userID string) ([]string, error)     // matter ids

	AppendAudit(ctx context.Context, e Event) error
	AuditEvents(ctx context.Context, f AuditFilter) ([]Event, error)
}
