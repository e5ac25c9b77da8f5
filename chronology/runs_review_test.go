package chronology

import (
	"fmt"
	"testing"
	"time"

	"github.com/medchron/medchron/extract/dates"
)

// TestRunsFollowReviews: runs are found again after reviews and provider
// overrides: a rejected visit leaves its run, a visit re-dated past the
// gap threshold splits it, two therapy practices merged make one run.
func TestRunsFollowReviews(t *testing.T) {
	build := func() Chronology {
		c := Chronology{Matter: Matter{ID: "m", GapDays: 30},
			Providers: []Provider{{ID: "p1", Name: "River PT", Kind: "physical_therapy"}, {ID: "p2", Name: "River Physical Therapy", Kind: "physical_therapy"}}}
		for i := range 6 {
			prov := "p1"
			if i >= 3 {
				prov = "p2"
			}
			c.Entries = append(c.Entries, Entry{ID: fmt.Sprintf("e%d", i), Date: dates.New(2024, 3, 1+7*i), ProviderID: prov,
				Provider: map[string]string{"p1": "River PT", "p2": "River Physical Therapy"}[prov], VisitType: "physical therapy"})
		}
		recomputeRuns(&c)
		return c
	}
	visits := func(c Chronology) string {
		s := ""
		for _, r := range c.Runs {
			s += fmt.Sprintf("%s:%d ", r.ProviderID, r.Visits)
		}
		return s
	}
	c := build()
	if got := visits(c); got != "p1:3 p2:3 " {
		t.Fatalf("runs as built: %q", got)
	}
	at := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	c = build()
	ApplyReviews(&c, []EntryReview{{MatterID: "m", EntryID: "e1", State: ReviewRejected, Reason: "duplicate", UserID: "u", At: at}})
	if got := visits(c); got != "p2:3 " {
		t.Errorf("after rejecting a visit of the first run: %q, want only p2's run", got)
	}
	for _, e := range c.Entries {
		if e.ProviderID == "p1" && e.RunID != "" {
			t.Errorf("entry %s keeps run %s", e.ID, e.RunID)
		}
	}
	c = build()
	ApplyReviews(&c, []EntryReview{{MatterID: "m", EntryID: "e5", State: ReviewCorrected, Fields: map[string]string{"date": "2024-12-01"}, UserID: "u", At: at}})
	if got := visits(c); got != "p1:3 " {
		t.Errorf("after re-dating a visit months later: %q, want p2's run gone (two visits left)", got)
	}
	c = build()
	ApplyProviderOverrides(&c, []ProviderOverride{{MatterID: "m", Kind: OverrideMerge, ProviderID: "p2", IntoID: "p1", UserID: "u", At: at}})
	if got := visits(c); got != "p1:6 " {
		t.Errorf("after merging the practices: %q, want one run of 6", got)
	}
}
