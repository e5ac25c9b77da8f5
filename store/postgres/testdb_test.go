package postgres

import (
	"testing"

	"github.com/medchron/medchron/internal/testutil"
	"github.com/medchron/medchron/store/seal"
)

// newDatabase creates a database for this test (with the vector
// extension when vector is set), dropped when the test ends; the test is
// skipped without MEDCHRON_TEST_DATABASE_URL.
func newDatabase(t testing.TB, vector bool) string {
	t.Helper()
	return testutil.PostgresDB(t, vector)
}

// openMigrated opens a migrated store on a new database.
func openMigrated(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.Context(), newDatabase(t, true), WithKeys(seal.Ephemeral()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	if err := s.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	return s
}
