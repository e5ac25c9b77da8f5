package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/medchron/medchron/chronology"
)

// entryReviews returns a matter's reviews, failing the test on error.
func entryReviews(t *testing.T, s WorkflowStore, matterID string) []chronology.EntryReview {
	t.Helper()
	rs, err := s.EntryReviews(ctx(t), matterID)
	if err != nil {
		t.Fatalf("EntryReviews %s: %v", matterID, err)
	}
	return rs
}

// testEntryReviews stores reviews in several calls and reads them back
// oldest first, corrections' fields included.
func testEntryReviews(t *testing.T, s WorkflowStore, _ Exec) {
	p := newIDs(t)
	m, other := p.matter("reviews"), p.matter("other")
	uid := "usr-" + string(p) + "-rev"
	r := func(entry, state string, at time.Duration) chronology.EntryReview {
		return chronology.EntryReview{MatterID: m, EntryID: entry, Anchor: "2024-03-14|doc-a:" + entry, State: state, UserID: uid, Username: "reviewer", At: t0.Add(at)}
	}
	verified := r("e1", chronology.ReviewVerified, 0)
	corrected := r("e2", chronology.ReviewCorrected, 2*time.Second)
	corrected.Fields = map[string]string{"date": "2024-01-02", "pain_score": "7", "provider": "Mercy General — ER"}
	rejected := r("e3", chronology.ReviewRejected, time.Second)
	rejected.Reason = "duplicate of the ER note"
	reset := r("e1", chronology.ReviewUnreviewed, 0) // same time as verified, stored after it
	foreign := r("e1", chronology.ReviewVerified, -time.Hour)
	foreign.MatterID = other

	for _, batch := range [][]chronology.EntryReview{{verified, corrected}, {rejected, foreign}, {reset}, nil} {
		if err := s.AddEntryReviews(ctx(t), batch); err != nil {
			t.Fatalf("AddEntryReviews: %v", err)
		}
	}
	got := entryReviews(t, s, m)
	want := []chronology.EntryReview{verified, reset, rejected, corrected}
	for i := range want {
		want[i].At = stored(want[i].At)
	}
	if len(got) != len(want) {
		t.Fatalf("EntryReviews: %d reviews, want %d", len(got), len(want))
	}
	ids := map[int64]bool{}
	for i := range got {
		if got[i].ID <= 0 || ids[got[i].ID] {
			t.Errorf("review %d: id %d, want a new positive id", i, got[i].ID)
		}
		ids[got[i].ID] = true
		if got[i].At.Location() != time.UTC {
			t.Errorf("review %d at %v, want UTC", i, got[i].At)
		}
		want[i].ID = got[i].ID
	}
	equal(t, "EntryReviews (by time, then as stored)", got, want)
	if got[0].ID >= got[1].ID {
		t.Errorf("two reviews at one time: ids %d, %d; want the one stored first first", got[0].ID, got[1].ID)
	}
	if o := entryReviews(t, s, other); len(o) != 1 || o[0].EntryID != "e1" {
		t.Errorf("EntryReviews of the other matter = %+v, want its one review", o)
	}
	if n := entryReviews(t, s, p.matter("none")); len(n) != 0 {
		t.Errorf("EntryReviews of a matter without reviews = %+v", n)
	}

	// Bulk verify: one call, many reviews, all applied to a chronology.
	bulk := p.matter("bulk")
	c := chronology.Chronology{Matter: chronology.Matter{ID: bulk}}
	for i := range 60 {
		c.Entries = append(c.Entries, chronology.Entry{ID: fmt.Sprintf("b%02d", i), ProviderID: "p1", Grounded: true})
	}
	rs, skipped := chronology.BulkVerify(c, "p1", uid, "reviewer", t0)
	if skipped != 0 || len(rs) != 60 {
		t.Fatalf("BulkVerify = %d reviews, %d skipped", len(rs), skipped)
	}
	if err := s.AddEntryReviews(ctx(t), rs); err != nil {
		t.Fatal(err)
	}
	stored := entryReviews(t, s, bulk)
	if n := chronology.ApplyReviews(&c, stored); n != 60 {
		t.Errorf("ApplyReviews of the stored bulk reviews applied %d, want 60", n)
	}
	for i, e := range c.Entries {
		if e.Review != chronology.ReviewVerified || stored[i].EntryID != e.ID {
			t.Errorf("entry %s after bulk verify: %s (stored review %d is of %s)", e.ID, e.Review, i, stored[i].EntryID)
			break
		}
	}
}

// testEntryReviewsAppendOnly checks that the database refuses to change
// or remove a review.
func testEntryReviewsAppendOnly(t *testing.T, s WorkflowStore, exec Exec) {
	p := newIDs(t)
	m := p.matter("sealed")
	rv := chronology.EntryReview{MatterID: m, EntryID: "e1", State: chronology.ReviewRejected, Reason: "not this patient",
		UserID: "u", Username: "u", At: t0}
	if err := s.AddEntryReviews(ctx(t), []chronology.EntryReview{rv}); err != nil {
		t.Fatal(err)
	}
	before := entryReviews(t, s, m)
	refused(t, exec,
		fmt.Sprintf(`UPDATE entry_reviews SET state = 'verified' WHERE matter_id = '%s'`, m),
		fmt.Sprintf(`DELETE FROM entry_reviews WHERE matter_id = '%s'`, m),
	)
	equal(t, "reviews after refused changes", entryReviews(t, s, m), before)
}
