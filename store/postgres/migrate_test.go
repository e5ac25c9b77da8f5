package postgres

import (
	"errors"
	"strings"
	"sync"
	"testing"
)

func TestMigrate(t *testing.T) {
	t.Parallel()
	dsn := newDatabase(t, true)
	want, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	// Processes starting at once: the advisory lock serialises them.
	const n = 4
	stores := make([]*Store, n)
	for i := range stores {
		if stores[i], err = Open(t.Context(), dsn); err != nil {
			t.Fatal(err)
		}
		defer stores[i].Close()
	}
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i, s := range stores {
		wg.Go(func() { errs[i] = s.Migrate(t.Context()) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("concurrent Migrate %d: %v", i, err)
		}
	}
	// Again: nothing to do.
	if err := stores[0].Migrate(t.Context()); err != nil {
		t.Errorf("second Migrate: %v", err)
	}
	var applied int
	if err := stores[0].pool.QueryRow(t.Context(), `SELECT count(*) FROM medchron_migrations`).Scan(&applied); err != nil {
		t.Fatal(err)
	}
	if applied != len(want) {
		t.Errorf("%d migrations recorded, want %d", applied, len(want))
	}
}

func TestMigrateWithoutVector(t *testing.T) {
	t.Parallel()
	s, err := Open(t.Context(), newDatabase(t, false))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Migrate(t.Context())
	if !errors.Is(err, ErrNoVector) || !strings.Contains(err.Error(), "scripts/setup-postgres.sh") {
		t.Fatalf("Migrate without pgvector: %v; want ErrNoVector pointing at scripts/setup-postgres.sh", err)
	}
	var tables int
	if err := s.pool.QueryRow(t.Context(), `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`).Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables != 0 {
		t.Errorf("a failed Migrate left %d tables", tables)
	}
}
