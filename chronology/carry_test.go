package chronology

import (
	"testing"
	"time"

	"github.com/medchron/medchron/extract"
)

// dayVisit is an entry of id on date citing pages of document "a".
func dayVisit(id, date, provider string, pages ...int) Entry {
	e := Entry{ID: id, Date: d(date), Provider: provider, Grounded: true}
	for _, p := range pages {
		e.Citations = append(e.Citations, extract.Citation{DocumentID: "a", Page: p, Quote: "x"})
	}
	return e
}

// TestReviewsCarryOver: reprocessing names the provider of two visits
// (their ids change) and reads a third page into one of them; the
// reviews made on the old entries land on the new ones, a corrected date
// included, while a review without an anchor, or whose anchor now fits
// two entries, finds none and is counted.
func TestReviewsCarryOver(t *testing.T) {
	t0 := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	before := Chronology{Matter: Matter{ID: "m"}, Entries: []Entry{
		dayVisit("ent-old1", "2024-03-14", UnknownProvider, 1),
		dayVisit("ent-old2", "2024-03-20", UnknownProvider, 2),
		dayVisit("ent-old3", "2024-04-01", UnknownProvider, 5),
		dayVisit("ent-old4", "2024-04-09", UnknownProvider, 7),
	}}
	reviews, _ := BulkVerifyEntries(before, []string{"ent-old1"}, "u1", "paula", t0)
	corrected := EntryReview{MatterID: "m", EntryID: "ent-old2", Anchor: EntryAnchor(before.Entries[1]), State: ReviewCorrected,
		Fields: map[string]string{"date": "2024-03-21"}, UserID: "u1", Username: "paula", At: t0}
	// A later review of the corrected entry: its anchor keeps the date as
	// extracted.
	before.Entries[1].Date = d("2024-03-21")
	before.Entries[1].Corrections = []Correction{{Field: "date", Original: "2024-03-20", Value: "2024-03-21"}}
	again := EntryReview{MatterID: "m", EntryID: "ent-old2", Anchor: EntryAnchor(before.Entries[1]), State: ReviewCorrected,
		Fields: map[string]string{"clinician": "Dr. Lee"}, UserID: "u1", Username: "paula", At: t0.Add(time.Minute)}
	old := EntryReview{MatterID: "m", EntryID: "ent-old3", State: ReviewVerified, UserID: "u1", Username: "paula", At: t0}
	twice := EntryReview{MatterID: "m", EntryID: "ent-old4", Anchor: EntryAnchor(before.Entries[3]), State: ReviewRejected,
		Reason: "another patient", UserID: "u1", Username: "paula", At: t0}
	reviews = append(reviews, corrected, again, old, twice)

	after := Chronology{Matter: Matter{ID: "m"}, Entries: []Entry{
		dayVisit("ent-new1", "2024-03-14", "Oakwood Family Medicine", 1),
		dayVisit("ent-new2", "2024-03-20", "Oakwood Family Medicine", 2, 3),
		dayVisit("ent-new3", "2024-04-01", "Oakwood Family Medicine", 5),
		dayVisit("ent-new4", "2024-04-09", "Oakwood Family Medicine", 7),
		dayVisit("ent-new5", "2024-04-09", "Valley Imaging", 7),
	}}
	if n := UnmatchedReviews(&after, reviews); n != 2 {
		t.Errorf("UnmatchedReviews = %d, want 2 (one without an anchor, one fitting two entries)", n)
	}
	ApplyReviews(&after, reviews)
	byID := map[string]Entry{}
	for _, e := range after.AllEntries() {
		byID[e.ID] = e
	}
	if e := byID["ent-new1"]; e.Review != ReviewVerified {
		t.Errorf("ent-new1 review %q, want verified (carried over)", e.Review)
	}
	if e := byID["ent-new2"]; e.Review != ReviewCorrected || e.Date != d("2024-03-21") || e.Clinician != "Dr. Lee" {
		t.Errorf("ent-new2: review %q, date %s, clinician %q; want both corrections carried over", e.Review, e.Date, e.Clinician)
	}
	for _, id := range []string{"ent-new3", "ent-new4", "ent-new5"} {
		if e := byID[id]; e.Review != "" && e.Review != ReviewUnreviewed {
			t.Errorf("%s review %q, want none", id, e.Review)
		}
	}

	// An entry reviewed under its own id keeps its own review: no old
	// review lands on it.
	own := EntryReview{MatterID: "m", EntryID: "ent-new1", Anchor: EntryAnchor(after.Entries[0]), State: ReviewRejected,
		Reason: "duplicate", UserID: "u1", Username: "paula", At: t0.Add(-time.Hour)}
	fresh := Chronology{Matter: Matter{ID: "m"}, Entries: []Entry{dayVisit("ent-new1", "2024-03-14", "Oakwood Family Medicine", 1)}}
	ApplyReviews(&fresh, append([]EntryReview{own}, reviews[0]))
	if e := fresh.Entries[0]; e.Review != ReviewRejected {
		t.Errorf("an entry with its own review took an old one: %q", e.Review)
	}
}

// TestFlagDecisionsCarryOver: a dismissed flag whose entries' ids changed
// stays dismissed; a decision whose anchor fits two flags, or that has
// none, decides nothing.
func TestFlagDecisionsCarryOver(t *testing.T) {
	t0 := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	cite := func(p int) []extract.Citation { return []extract.Citation{{DocumentID: "a", Page: p, Quote: "x"}} }
	oldPre := Flag{Kind: FlagPreExisting, EntryIDs: []string{"ent-old1"}, Citations: cite(1)}
	oldGap := Flag{Kind: FlagUngrounded, EntryIDs: []string{"ent-old2"}, Citations: cite(2)}
	oldDup := Flag{Kind: FlagLowOCRConfidence, EntryIDs: []string{"ent-old3"}, Citations: cite(3)}
	dismiss := func(f Flag, anchor bool) FlagDecision {
		d := FlagDecision{MatterID: "m", FlagKey: FlagKey(f), Kind: f.Kind, State: FlagDismissed, Reason: "checked", UserID: "u1", At: t0}
		if anchor {
			d.Anchor = FlagAnchor(f)
		}
		return d
	}
	ds := []FlagDecision{dismiss(oldPre, true), dismiss(oldGap, false), dismiss(oldDup, true)}

	newPre := Flag{Kind: FlagPreExisting, EntryIDs: []string{"ent-new1"}, Citations: cite(1)}
	newGap := Flag{Kind: FlagUngrounded, EntryIDs: []string{"ent-new2"}, Citations: cite(2)}
	newDupA := Flag{Kind: FlagLowOCRConfidence, EntryIDs: []string{"ent-new3"}, Citations: cite(3)}
	newDupB := Flag{Kind: FlagLowOCRConfidence, EntryIDs: []string{"ent-new4"}, Citations: cite(3)}
	flags := []Flag{newPre, newGap, newDupA, newDupB}
	states := FlagStates(ds, flags)
	if !Dismissed(states, newPre) {
		t.Error("the dismissed pre-existing flag is open again after its entry's id changed")
	}
	if Dismissed(states, newGap) {
		t.Error("a decision without an anchor dismissed a flag of another key")
	}
	if Dismissed(states, newDupA) || Dismissed(states, newDupB) {
		t.Error("a decision whose anchor fits two flags dismissed one of them")
	}
	// A flag with a decision of its own keeps it.
	restored := FlagDecision{MatterID: "m", FlagKey: FlagKey(newPre), Anchor: FlagAnchor(newPre), Kind: FlagPreExisting, State: FlagOpen, UserID: "u1", At: t0.Add(-time.Hour)}
	if Dismissed(FlagStates(append(ds, restored), flags), newPre) {
		t.Error("an old flag's decision overrode the current flag's own")
	}
}
