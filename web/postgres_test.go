package web_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/internal/testutil"
)

// onPostgres reports whether t is one of the workflow tests that
// TestPostgresWorkflow runs again as its subtests: their environments
// (newAcctEnv, newReviewEnv) run on a fresh PostgreSQL database in server
// mode instead of the embedded SQLite store. Told by the test's name, not
// a variable TestPostgresWorkflow sets, so that it runs in parallel with
// the same tests on SQLite.
func onPostgres(t *testing.T) bool {
	return strings.HasPrefix(t.Name(), postgresWorkflow+"/")
}

// postgresWorkflow is TestPostgresWorkflow's name.
const postgresWorkflow = "TestPostgresWorkflow"

// backendOptions returns the backend of a test environment.
func backendOptions(t *testing.T) app.Config {
	t.Helper()
	if onPostgres(t) {
		return app.Config{DatabaseURL: testutil.PostgresDB(t, true), Migrate: true, Workers: 1, KeyFile: filepath.Join(t.TempDir(), "medchron.key")}
	}
	return app.Config{DBPath: filepath.Join(t.TempDir(), "m.db"), NoOCR: true, Workers: 1}
}

// TestPostgresWorkflow runs the web workflow tests on PostgreSQL (server
// mode: River on Postgres, pgvector store): sign-in, the access-control
// walk, uploads and exports, entry review, the page image with its
// highlight, and the demand editor. Skipped without MEDCHRON_TEST_DATABASE_URL.
func TestPostgresWorkflow(t *testing.T) {
	t.Parallel()
	if t.Name() != postgresWorkflow {
		t.Fatalf("named %s: onPostgres tells its subtests by the name %s", t.Name(), postgresWorkflow)
	}
	testutil.PostgresDB(t, false) // skips without a server
	for _, c := range []struct {
		name string
		fn   func(*testing.T)
	}{
		{"SignIn", TestAccountSignIn},
		{"AccessWalk", TestAccessWalk},
		{"UploadProgressExports", TestAccountUploadProgressExports},
		{"EntryReview", TestEntryReviewRoundTrip},
		{"BulkVerify", TestBulkVerify},
		{"PageImage", TestPageImageAndHighlight},
		{"ChronologyPage", TestChronologyPage},
		{"DemandEligible", TestDemandEligibleEntries},
		{"DemandInputs", TestDemandInputs},
		{"DemandEditApprove", TestDemandEditApproveDiff},
	} {
		t.Run(c.name, c.fn)
	}
}
