package pipeline

import (
	"os"
	"testing"
	"time"
)

// TestWorkingCopyTimeKept: using a document's working copy again leaves
// its modification time as it is (the readers' parse of the file is cached
// by it, and each page uses the copy again), unless the time is old enough
// that the sweep could come near it, when the use renews it.
func TestWorkingCopyTimeKept(t *testing.T) {
	r := newRig(t, Config{})
	path, err := r.p.originalPath(r.ctx, r.doc)
	if err != nil {
		t.Fatal(err)
	}
	recent := time.Now().Add(-time.Minute).Truncate(time.Second)
	if err := os.Chtimes(path, recent, recent); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if again, err := r.p.originalPath(r.ctx, r.doc); err != nil || again != path {
			t.Fatalf("originalPath again = %q, %v; want %q", again, err, path)
		}
	}
	if st, err := os.Stat(path); err != nil || !st.ModTime().Equal(recent) {
		t.Fatalf("modification time after uses %v (%v), want %v as it was", st.ModTime(), err, recent)
	}
	old := time.Now().Add(-workTouchAge - time.Minute)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	if _, err := r.p.originalPath(r.ctx, r.doc); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path); err != nil || time.Since(st.ModTime()) > time.Minute {
		t.Fatalf("modification time %v (%v) after a use of a copy untouched for %v: want renewed", st.ModTime(), err, workTouchAge+time.Minute)
	}
}
