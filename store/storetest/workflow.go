package storetest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
)

// WorkflowStore is what the workflow suite exercises: the methods of
// web.Store beyond store.Store (access.Store, web.ReviewStore and
// web.DemandStore), declared here so that the suite does not depend on
// the web package. A store's own test should also assert that it
// implements web.Store.
type WorkflowStore interface {
	access.Store
	AddEntryReviews(ctx context.Context, rs []chronology.EntryReview) error
	EntryReviews(ctx context.Context, matterID string) ([]chronology.EntryReview, error)
	PutDemandGeneration(ctx context.Context, matterID string, g demand.Generation, vs []demand.Version) error
	AddDemandVersion(ctx context.Context, matterID string, v demand.Version) error
	AddDemandApproval(ctx context.Context, matterID string, a demand.Approval) error
	DemandRecord(ctx context.Context, matterID string) (demand.Record, error)
}

// Exec runs one SQL statement directly on a store's database, past the
// store's methods, as someone with access to the database would. The
// workflow suite uses it to check that the append-only tables (audit_log,
// entry_reviews, demand_versions, demand_approvals) refuse UPDATE and
// DELETE in the database itself, with an error that says "append-only".
type Exec func(ctx context.Context, query string) error

// RunWorkflow runs the conformance suite of the review workflow (users,
// sessions, membership, the audit log, entry reviews and the demand
// letter's versions) on the stores open returns, with the Exec that
// reaches the same database. Like Run, its subtests run in parallel with
// ids of their own, so one store may serve them all.
func RunWorkflow(t *testing.T, open func(t *testing.T) (WorkflowStore, Exec)) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s WorkflowStore, exec Exec)
	}{
		{"Users", testUsers},
		{"UserUpdate", testUserUpdate},
		{"Sessions", testSessions},
		{"Members", testMembers},
		{"AuditFilters", testAuditFilters},
		{"AuditPaging", testAuditPaging},
		{"AuditAppendOnly", testAuditAppendOnly},
		{"EntryReviews", testEntryReviews},
		{"EntryReviewsAppendOnly", testEntryReviewsAppendOnly},
		{"DemandNotFound", testDemandNotFound},
		{"DemandRoundTrip", testDemandRoundTrip},
		{"DemandInputsAndUnreviewed", testDemandInputsAndUnreviewed},
		{"DemandConflict", testDemandConflict},
		{"DemandAppendOnly", testDemandAppendOnly},
	}
	t.Run("workflow", func(t *testing.T) {
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				t.Parallel()
				s, exec := open(t)
				tc.fn(t, s, exec)
			})
		}
	})
}

// t0 is the suite's reference time: in a zone other than UTC and with
// nanoseconds, so that round trips show the stores' UTC, microsecond times.
var t0 = time.Date(2026, 3, 14, 9, 26, 53, 589793238, time.FixedZone("EST", -5*3600))

// stored is tm as a store returns it: in UTC, to the microsecond.
func stored(tm time.Time) time.Time { return tm.UTC().Truncate(time.Microsecond) }

// user returns a user unique to this subtest (not yet stored). Its
// password hash is a well-formed placeholder: hashing a real password
// costs 64 MiB and is access's business, not the store's.
func (p ids) user(name string, role access.Role) access.User {
	return access.User{
		ID: "usr-" + string(p) + "-" + name, Username: name + "." + string(p), Name: "Test " + name, Role: role,
		PasswordHash: "$argon2id$v=19$m=65536,t=3,p=2$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
		CreatedAt:    t0,
	}
}

// createUser stores a user unique to this subtest and returns it as the
// store returns it.
func createUser(t *testing.T, s WorkflowStore, p ids, name string, role access.Role) access.User {
	t.Helper()
	u := p.user(name, role)
	if err := s.CreateUser(ctx(t), u); err != nil {
		t.Fatalf("CreateUser %s: %v", u.ID, err)
	}
	u.CreatedAt = stored(u.CreatedAt)
	return u
}

// refused fails the test unless exec of each statement fails with an
// error saying the table is append-only (and not, say, a syntax error).
func refused(t *testing.T, exec Exec, statements ...string) {
	t.Helper()
	for _, q := range statements {
		err := exec(ctx(t), q)
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: error %v; want the append-only trigger to refuse it", q, err)
		}
	}
}
