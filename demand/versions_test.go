package demand

import (
	"errors"
	"testing"
	"time"
)

var vt0 = time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC)

// firstRecord is a letter generated once from the sample draft.
func firstRecord(t *testing.T) (Record, Draft) {
	t.Helper()
	d := finishedDraft()
	var r Record
	g, vs := r.Regenerate(d, "u-p", "paula", vt0)
	r = Record{MatterID: "m", Generation: g, Versions: map[string][]Version{}}
	for _, v := range vs {
		r.Versions[v.Key] = append(r.Versions[v.Key], v)
	}
	return r, d
}

func TestRegenerate(t *testing.T) {
	r, d := firstRecord(t)
	if len(r.Generation.Keys) != len(d.Sections) || r.Generation.Username != "paula" {
		t.Fatalf("generation %+v", r.Generation)
	}
	for _, s := range d.Sections {
		v, ok := r.Latest(s.Key)
		if !ok || v.N != 1 || v.Body != s.Body || v.SHA256 != TextHash(s.Body) || v.Username != "paula" || !v.At.Equal(vt0) {
			t.Errorf("section %s: %+v", s.Key, v)
		}
	}
	// Regenerating the same draft makes no version; changing one section
	// makes a version of that section only.
	if _, vs := r.Regenerate(d, "u-p", "paula", vt0.Add(time.Hour)); len(vs) != 0 {
		t.Errorf("identical regeneration made %d versions", len(vs))
	}
	d.Sections[1].Body += "\nA new paragraph."
	g, vs := r.Regenerate(d, "u-a", "alice", vt0.Add(time.Hour))
	if len(vs) != 1 || vs[0].Key != d.Sections[1].Key || vs[0].N != 2 || vs[0].Username != "alice" {
		t.Errorf("regeneration after a change: %+v", vs)
	}
	if g.Username != "alice" || len(g.Keys) != len(d.Sections) {
		t.Errorf("generation %+v", g)
	}
}

func TestEditApprove(t *testing.T) {
	r, d := firstRecord(t)
	key := d.Sections[0].Key
	if _, ok := r.ApprovalOf(key); ok || r.Approved() {
		t.Fatal("a new draft is approved")
	}
	// Only the latest version can be approved.
	if _, err := r.Approve(key, 2, "u-a", "alice", vt0); !errors.Is(err, ErrConflict) {
		t.Errorf("approving a version that does not exist: %v", err)
	}
	a, err := r.Approve(key, 1, "u-a", "alice", vt0.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if a.SHA256 != TextHash(d.Sections[0].Body) || a.Version != 1 || a.Username != "alice" {
		t.Errorf("approval %+v", a)
	}
	r.Approvals = append(r.Approvals, a)
	if got, ok := r.ApprovalOf(key); !ok || got != a {
		t.Errorf("approval in force: %+v %v", got, ok)
	}
	if _, err := r.Approve(key, 1, "u-a", "alice", vt0); err == nil {
		t.Error("a section was approved twice")
	}
	if r.Draft().Sections[0].Status != StatusApproved {
		t.Error("the draft does not show the approved section")
	}

	// Editing: from a stale base is a conflict; the same text is unchanged;
	// a change is the next version and the approval no longer applies.
	if _, err := r.Edit(key, 0, "x", "u-a", "alice", vt0); !errors.Is(err, ErrConflict) {
		t.Errorf("stale edit: %v", err)
	}
	if _, err := r.Edit(key, 1, d.Sections[0].Body, "u-a", "alice", vt0); !errors.Is(err, ErrUnchanged) {
		t.Errorf("unchanged edit: %v", err)
	}
	if _, err := r.Edit("no-such", 1, "x", "u-a", "alice", vt0); err == nil {
		t.Error("edited a section that does not exist")
	}
	v, err := r.Edit(key, 1, "New text.", "u-a", "alice", vt0.Add(2*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if v.N != 2 || v.Title != d.Sections[0].Title || v.SHA256 != TextHash("New text.") || len(v.Citations) != len(d.Sections[0].Citations) {
		t.Errorf("edited version %+v", v)
	}
	r.Versions[key] = append(r.Versions[key], v)
	if _, ok := r.ApprovalOf(key); ok {
		t.Error("the approval of version 1 applies to version 2")
	}
	if got, ok := r.Version(key, 1); !ok || got.Body != d.Sections[0].Body {
		t.Error("version 1 is lost")
	}

	// A stored version whose text does not match its hash is never approved.
	a2, err := r.Approve(key, 2, "u-a", "alice", vt0.Add(3*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	r.Approvals = append(r.Approvals, a2)
	if _, ok := r.ApprovalOf(key); !ok {
		t.Fatal("approval of version 2 not in force")
	}
	r.Versions[key][1].Body = "tampered"
	if _, ok := r.ApprovalOf(key); ok {
		t.Error("an approval applies to text that does not match its hash")
	}
}

func TestApprovedNeedsEverySection(t *testing.T) {
	r, d := firstRecord(t)
	for i, s := range d.Sections {
		if r.Approved() {
			t.Fatalf("approved with %d of %d sections", i, len(d.Sections))
		}
		a, err := r.Approve(s.Key, 1, "u-a", "alice", vt0)
		if err != nil {
			t.Fatal(err)
		}
		r.Approvals = append(r.Approvals, a)
	}
	if !r.Approved() || !r.Draft().Approved() {
		t.Error("every section approved, but the letter is not")
	}
	if (Record{}).Approved() {
		t.Error("an empty record is approved")
	}
}
