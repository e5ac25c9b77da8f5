package web_test

import (
	"path/filepath"
	"testing"

	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/internal/testutil"
)

// onPostgres makes the test environments (newAcctEnv, newReviewEnv) run on
// a fresh PostgreSQL database in server mode instead of the embedded
// SQLite store. TestPostgresWorkflow sets it while it runs the workflow
// tests again. Those call t.Parallel: as subtests they run together when
// TestPostgresWorkflow's body has returned, before its cleanup clears
// onPostgres; as top-level tests they run after every sequential test
// (TestPostgresWorkflow among them), with onPostgres false.
var onPostgres bool

// backendOptions returns the backend of a test environment.
func backendOptions(t *testing.T) app.Config {
	t.Helper()
	if onPostgres {
		return app.Config{DatabaseURL: testutil.PostgresDB(t, true), Migrate: true, Workers: 1, KeyFile: filepath.Join(t.TempDir(), "medchron.key")}
	}
	return app.Config{DBPath: filepath.Join(t.TempDir(), "m.db"), NoOCR: true, Workers: 1}
}

// TestPostgresWorkflow runs the web workflow tests on PostgreSQL (server
// mode: River on Postgres, pgvector store): sign-in, the access-control
// walk, uploads and exports, entry review, the page image with its
// highlight, and the demand editor. Skipped without MEDCHRON_TEST_DATABASE_URL.
func TestPostgresWorkflow(t *testing.T) {
	testutil.PostgresDB(t, false) // skips without a server
	onPostgres = true
	t.Cleanup(func() { onPostgres = false })
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
