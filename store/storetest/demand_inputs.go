package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/medchron/medchron/demand"
)

// testDemandInputsAndUnreviewed stores a generation with attorney inputs
// and a section built from unreviewed entries: both come back as stored,
// an edit keeps the unreviewed entries, the stored section cannot be
// approved, and a later generation replaces the inputs.
func testDemandInputsAndUnreviewed(t *testing.T, s WorkflowStore, _ Exec) {
	m := newIDs(t).matter("demandinputs")
	limits, days := 100000.0, 12
	in := demand.Inputs{Variant: demand.VariantPolicyLimits, Carrier: "Acme Mutual", ClaimNumber: "AM-1\x00", PolicyLimits: &limits,
		DaysMissed: &days, Liens: []demand.Lien{{Holder: "Blue Plan", Amount: 1200.5}}, LiensEntered: true, Deadline: "2026-02-16"}
	d := sampleDraft("doc-1")
	d.Inputs = in
	d.Sections[1].Unreviewed = []string{"ent-1", "ent-2"}
	rec := generate(t, s, demand.Record{MatterID: m}, d, t0)

	want := in
	want.ClaimNumber = rec.Generation.Inputs.ClaimNumber // a NUL may be stored as U+FFFD
	equal(t, "inputs", rec.Generation.Inputs, want)
	facts, _ := rec.Latest(demand.KeyFacts)
	equal(t, "unreviewed entries", facts.Unreviewed, []string{"ent-1", "ent-2"})
	intro, _ := rec.Latest(demand.KeyIntroduction)
	if intro.Unreviewed != nil {
		t.Errorf("a section without unreviewed entries reads back %q", intro.Unreviewed)
	}
	if _, err := rec.Approve(demand.KeyFacts, facts.N, "usr-att", "attorney", t0.Add(time.Minute)); !errors.Is(err, demand.ErrNotFinished) {
		t.Errorf("approving a stored section built from unreviewed entries: %v", err)
	}
	v, err := rec.Edit(demand.KeyFacts, facts.N, "Edited by hand.", "usr-para", "paralegal", t0.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddDemandVersion(ctx(t), m, v); err != nil {
		t.Fatal(err)
	}
	rec = demandRecord(t, s, m)
	edited, _ := rec.Latest(demand.KeyFacts)
	equal(t, "unreviewed entries after an edit", edited.Unreviewed, []string{"ent-1", "ent-2"})

	// Generating again after the review clears them, with new inputs.
	d.Inputs = demand.Inputs{Carrier: "Other Mutual"}
	d.Sections[1].Unreviewed = nil
	rec = generate(t, s, rec, d, t0.Add(time.Hour))
	equal(t, "inputs after a new generation", rec.Generation.Inputs, demand.Inputs{Carrier: "Other Mutual"})
	facts, _ = rec.Latest(demand.KeyFacts)
	if facts.Unreviewed != nil || facts.N != 3 {
		t.Errorf("after review and generation: version %d, unreviewed %q", facts.N, facts.Unreviewed)
	}
	if _, err := rec.Approve(demand.KeyFacts, facts.N, "usr-att", "attorney", t0.Add(2*time.Hour)); err != nil {
		t.Errorf("approving the reviewed section: %v", err)
	}
}
