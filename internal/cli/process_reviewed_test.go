package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/store/sqlite"
)

// TestProcessWritesReviewedChronology: process run again on a matter
// reviewed in the web application (same database) writes the chronology
// as its reviewers left it: a provider renamed, an entry rejected, a
// corrected visit type.
func TestProcessWritesReviewedChronology(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	tmp := t.TempDir()
	db, out := filepath.Join(tmp, "m.db"), filepath.Join(tmp, "out")
	input := filepath.Join(root, "testdata", "bundles", "small", "born-digital.pdf")
	args := []string{"process", "--quiet", "--db", db, "--out", out, "--matter", "reviewed", input}
	if code, stdout, stderr := run(t, args...); code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	before := readChronology(t, out)
	if len(before.Entries) < 3 {
		t.Fatalf("%d entries", len(before.Entries))
	}
	first, second := before.Entries[0], before.Entries[1]

	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	if _, err := st.AddProviderOverride(ctx, chronology.ProviderOverride{MatterID: "reviewed", Kind: chronology.OverrideRename,
		ProviderID: first.ProviderID, Name: "Renamed By Paralegal Clinic", UserID: "u1", Username: "pat", At: now}); err != nil {
		t.Fatal(err)
	}
	if err := st.AddEntryReviews(ctx, []chronology.EntryReview{
		{MatterID: "reviewed", EntryID: second.ID, State: chronology.ReviewRejected, Reason: "duplicate", UserID: "u1", Username: "pat", At: now},
		{MatterID: "reviewed", EntryID: first.ID, State: chronology.ReviewCorrected, Fields: map[string]string{"visit_type": "telehealth visit"}, UserID: "u1", Username: "pat", At: now},
	}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	if code, stdout, stderr := run(t, args...); code != 0 {
		t.Fatalf("second run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	after := readChronology(t, out)
	byID := map[string]chronology.Entry{}
	for _, e := range after.Entries {
		byID[e.ID] = e
	}
	if e := byID[first.ID]; e.Provider != "Renamed By Paralegal Clinic" || e.VisitType != "telehealth visit" || e.Review != chronology.ReviewCorrected {
		t.Errorf("first entry after review: provider %q, visit type %q, review %q", e.Provider, e.VisitType, e.Review)
	}
	if e := byID[second.ID]; e.Review != chronology.ReviewRejected {
		t.Errorf("second entry's review %q, want rejected", e.Review)
	}
	md, err := os.ReadFile(filepath.Join(out, "demand.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "Renamed By Paralegal Clinic") {
		t.Error("demand.md does not follow the provider rename")
	}
}
