package storetest

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/extract"
)

// sampleDraft is a generated letter of two sections.
func sampleDraft(docID string) demand.Draft {
	return demand.Draft{
		Sections: []demand.Section{
			{Key: demand.KeyIntroduction, Title: "Introduction", Body: "We represent Jane Doe.", Status: demand.StatusDraft},
			{Key: demand.KeyFacts, Title: "Facts", Body: "On December 5, 2023, Ms. Doe's car was rear-ended.", Status: demand.StatusDraft,
				Citations: []extract.Citation{{DocumentID: docID, Page: 3, Bates: "DOE000003", Quote: "rear-ended at a stop light"}}},
		},
		Excluded: []demand.Exclusion{{EntryID: "e9", Date: "2024-01-05", Provider: "Back in Motion", Reason: "not verified"}},
	}
}

// demandRecord returns the matter's letter, failing the test on error.
func demandRecord(t *testing.T, s WorkflowStore, matterID string) demand.Record {
	t.Helper()
	r, err := s.DemandRecord(ctx(t), matterID)
	if err != nil {
		t.Fatalf("DemandRecord %s: %v", matterID, err)
	}
	return r
}

// generate stores a generation of d over r and returns the record as the
// store returns it afterwards.
func generate(t *testing.T, s WorkflowStore, r demand.Record, d demand.Draft, at time.Time) demand.Record {
	t.Helper()
	g, vs := r.Regenerate(d, "usr-att", "attorney", at)
	if err := s.PutDemandGeneration(ctx(t), r.MatterID, g, vs); err != nil {
		t.Fatalf("PutDemandGeneration: %v", err)
	}
	return demandRecord(t, s, r.MatterID)
}

// statuses returns each section's status in the record's draft.
func statuses(r demand.Record) map[string]string {
	out := map[string]string{}
	for _, sec := range r.Draft().Sections {
		out[sec.Key] = sec.Status
	}
	return out
}

// testDemandNotFound checks that a matter has no letter before its first
// generation.
func testDemandNotFound(t *testing.T, s WorkflowStore, _ Exec) {
	_, err := s.DemandRecord(ctx(t), newIDs(t).matter("nodemand"))
	notFound(t, "DemandRecord before any generation", err)
}

// testDemandRoundTrip generates, approves, edits and regenerates a letter,
// reading it back after each step.
func testDemandRoundTrip(t *testing.T, s WorkflowStore, _ Exec) {
	m := newIDs(t).matter("demand")
	d := sampleDraft("doc-1")
	g, vs := demand.Record{MatterID: m}.Regenerate(d, "usr-att", "attorney", t0)
	if err := s.PutDemandGeneration(ctx(t), m, g, vs); err != nil {
		t.Fatal(err)
	}
	rec := demandRecord(t, s, m)
	wantG := g
	wantG.At = stored(g.At)
	want := demand.Record{MatterID: m, Generation: wantG, Versions: map[string][]demand.Version{}, Approvals: []demand.Approval{}}
	for _, v := range vs {
		v.At = stored(v.At)
		want.Versions[v.Key] = []demand.Version{v}
	}
	equal(t, "record after the first generation", rec, want)
	equal(t, "statuses after generation", statuses(rec), map[string]string{demand.KeyIntroduction: "draft", demand.KeyFacts: "draft"})

	// Approvals come back by time, not by the order they were stored.
	approve := func(key string, at time.Time) demand.Approval {
		t.Helper()
		last, _ := rec.Latest(key)
		a, err := rec.Approve(key, last.N, "usr-att", "attorney", at)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.AddDemandApproval(ctx(t), m, a); err != nil {
			t.Fatal(err)
		}
		rec = demandRecord(t, s, m)
		a.At = stored(a.At)
		return a
	}
	aFacts := approve(demand.KeyFacts, t0.Add(10*time.Second))
	equal(t, "statuses after approving the facts", statuses(rec), map[string]string{demand.KeyIntroduction: "draft", demand.KeyFacts: "approved"})
	aIntro := approve(demand.KeyIntroduction, t0.Add(5*time.Second))
	equal(t, "approvals", rec.Approvals, []demand.Approval{aIntro, aFacts})
	if !rec.Approved() {
		t.Error("every section approved, but the record is not Approved")
	}

	// An edit makes a new version: its section is a draft again.
	v2, err := rec.Edit(demand.KeyFacts, 1, "On December 5, 2023, a truck rear-ended Ms. Doe's car.", "usr-para", "paralegal", t0.Add(20*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddDemandVersion(ctx(t), m, v2); err != nil {
		t.Fatal(err)
	}
	rec = demandRecord(t, s, m)
	v2.At = stored(v2.At)
	if got := rec.Versions[demand.KeyFacts]; len(got) != 2 || got[0].N != 1 {
		t.Fatalf("facts versions: %+v, want 1 and 2", got)
	}
	equal(t, "new version", rec.Versions[demand.KeyFacts][1], v2)
	equal(t, "statuses after an edit", statuses(rec), map[string]string{demand.KeyIntroduction: "approved", demand.KeyFacts: "draft"})
	if rec.Approved() {
		t.Error("an edited section left the record Approved")
	}

	// Regenerating keeps unchanged sections' versions (and approvals), adds
	// versions for the rest, and replaces the generation.
	d2 := sampleDraft("doc-1")
	d2.Sections = []demand.Section{d2.Sections[1], d2.Sections[0]}
	d2.Sections[0].Body += " She was taken to Mercy General."
	d2.Excluded = nil
	rec = generate(t, s, rec, d2, t0.Add(time.Hour))
	equal(t, "generation after regenerating", rec.Generation, demand.Generation{
		At: stored(t0.Add(time.Hour)), UserID: "usr-att", Username: "attorney", Keys: []string{demand.KeyFacts, demand.KeyIntroduction}})
	if n := len(rec.Versions[demand.KeyFacts]); n != 3 {
		t.Errorf("facts has %d versions after regenerating, want 3", n)
	}
	if n := len(rec.Versions[demand.KeyIntroduction]); n != 1 {
		t.Errorf("the unchanged introduction has %d versions, want 1", n)
	}
	equal(t, "statuses after regenerating", statuses(rec), map[string]string{demand.KeyIntroduction: "approved", demand.KeyFacts: "draft"})
}

// testDemandConflict stores a version number twice, directly and inside a
// generation, and checks that the failed generation left nothing behind.
func testDemandConflict(t *testing.T, s WorkflowStore, _ Exec) {
	m := newIDs(t).matter("conflict")
	rec := generate(t, s, demand.Record{MatterID: m}, sampleDraft("doc-1"), t0)
	before := rec

	v2, err := rec.Edit(demand.KeyFacts, 1, "First editor's text.", "usr-a", "a", t0.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddDemandVersion(ctx(t), m, v2); err != nil {
		t.Fatal(err)
	}
	// A second editor who loaded version 1 as well.
	late, err := rec.Edit(demand.KeyFacts, 1, "Second editor's text.", "usr-b", "b", t0.Add(2*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddDemandVersion(ctx(t), m, late); !errors.Is(err, demand.ErrConflict) {
		t.Errorf("AddDemandVersion of a taken number: %v, want demand.ErrConflict", err)
	}

	d := sampleDraft("doc-1")
	d.Sections = append(d.Sections, demand.Section{Key: demand.KeyTreatment, Title: "Treatment", Body: "Twelve visits."})
	g, vs := rec.Regenerate(d, "usr-att", "attorney", t0.Add(time.Hour)) // rec is stale: facts 2 is taken
	if len(vs) != 1 {
		t.Fatalf("Regenerate: %d new versions, want the treatment section's", len(vs))
	}
	vs = append(vs, late)
	if err := s.PutDemandGeneration(ctx(t), m, g, vs); !errors.Is(err, demand.ErrConflict) {
		t.Errorf("PutDemandGeneration with a taken number: %v, want demand.ErrConflict", err)
	}
	after := demandRecord(t, s, m)
	equal(t, "generation after a failed regeneration", after.Generation, before.Generation)
	if _, ok := after.Versions[demand.KeyTreatment]; ok {
		t.Error("a failed regeneration stored a version")
	}
	if got := after.Versions[demand.KeyFacts]; len(got) != 2 || got[1].Body != "First editor's text." {
		t.Errorf("facts versions after the conflicts: %+v", got)
	}

	missing := demand.Approval{Key: demand.KeyTreatment, Version: 1, SHA256: demand.TextHash("x"), UserID: "usr-att", Username: "attorney", At: t0}
	if err := s.AddDemandApproval(ctx(t), m, missing); err == nil {
		t.Error("AddDemandApproval of a version never stored succeeded")
	}
}

// testDemandAppendOnly checks that the database refuses to change or
// remove a version or an approval.
func testDemandAppendOnly(t *testing.T, s WorkflowStore, exec Exec) {
	m := newIDs(t).matter("sealed")
	rec := generate(t, s, demand.Record{MatterID: m}, sampleDraft("doc-1"), t0)
	a, err := rec.Approve(demand.KeyFacts, 1, "usr-att", "attorney", t0.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddDemandApproval(ctx(t), m, a); err != nil {
		t.Fatal(err)
	}
	before := demandRecord(t, s, m)
	refused(t, exec,
		fmt.Sprintf(`UPDATE demand_versions SET body = 'changed' WHERE matter_id = '%s'`, m),
		fmt.Sprintf(`DELETE FROM demand_versions WHERE matter_id = '%s' AND key = '%s'`, m, demand.KeyIntroduction),
		fmt.Sprintf(`UPDATE demand_approvals SET version = 2 WHERE matter_id = '%s'`, m),
		fmt.Sprintf(`DELETE FROM demand_approvals WHERE matter_id = '%s'`, m),
	)
	equal(t, "record after refused changes", demandRecord(t, s, m), before)
}
