package sqlite_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/sqlite"
)

// The commit hook runs once for each transaction that committed, after
// its commit (what it wrote is visible), and never for one rolled back or
// for a WithTx nested in another.
func TestCommitHook(t *testing.T) {
	ctx := context.Background()
	var s *sqlite.Store
	var calls int
	var seen []bool
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "m.db"), sqlite.WithCommitHook(func() {
		calls++
		_, err := s.Matter(ctx, "m1")
		seen = append(seen, err == nil)
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		return tx.(*sqlite.Store).WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
			return tx.PutMatter(ctx, chronology.Matter{ID: "m1", Name: "one"})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 1 || !seen[0] {
		t.Fatalf("after one commit: %d calls, matter visible %v; want 1 call, visible", calls, seen)
	}
	fail := errors.New("no")
	if err := s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error { return fail }); !errors.Is(err, fail) {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("a rolled back transaction called the hook: %d calls", calls)
	}
}
