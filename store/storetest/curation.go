package storetest

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/store"
)

// CurationStore is what the curation suite exercises: a matter's provider
// overrides, decisions on flags and tasks (web.CurationStore).
type CurationStore interface {
	AddProviderOverride(ctx context.Context, o chronology.ProviderOverride) (int64, error)
	DeleteProviderOverride(ctx context.Context, matterID string, id int64) (chronology.ProviderOverride, error)
	ProviderOverrides(ctx context.Context, matterID string) ([]chronology.ProviderOverride, error)
	AddFlagDecision(ctx context.Context, d chronology.FlagDecision) error
	FlagDecisions(ctx context.Context, matterID string) ([]chronology.FlagDecision, error)
	AddTask(ctx context.Context, t chronology.Task) (int64, error)
	SetTaskStatus(ctx context.Context, matterID string, id int64, status string, at time.Time) error
	Tasks(ctx context.Context, matterID string) ([]chronology.Task, error)
}

// RunCuration runs the curation suite on the stores open returns; exec
// runs SQL past the store, to check that flag decisions are append-only.
func RunCuration(t *testing.T, open func(t *testing.T) (CurationStore, Exec)) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s CurationStore, exec Exec)
	}{
		{"ProviderOverrides", testProviderOverrides},
		{"FlagDecisions", testFlagDecisions},
		{"Tasks", testTasks},
	}
	t.Run("curation", func(t *testing.T) {
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				t.Parallel()
				s, exec := open(t)
				tc.fn(t, s, exec)
			})
		}
	})
}

func testProviderOverrides(t *testing.T, s CurationStore, _ Exec) {
	p := newIDs(t)
	m, other := p.matter("ovr"), p.matter("other")
	o := func(matter, kind string, at time.Duration) chronology.ProviderOverride {
		return chronology.ProviderOverride{MatterID: matter, Kind: kind, UserID: "u1", Username: "paralegal", At: t0.Add(at)}
	}
	rename := o(m, chronology.OverrideRename, 2*time.Second)
	rename.ProviderID, rename.Name = "p-unknown-1", "Bayside Physical Therapy — O’Neil"
	merge := o(m, chronology.OverrideMerge, time.Second)
	merge.ProviderID, merge.IntoID = "p-a", "p-b"
	split := o(m, chronology.OverrideReassign, 3*time.Second)
	split.Name, split.EntryIDs = "Coastal Chiro", []string{"e1", "e7", "e9"}
	foreign := o(other, chronology.OverrideMerge, 0)
	foreign.ProviderID, foreign.IntoID = "p-a", "p-c"
	var ids []int64
	for _, x := range []chronology.ProviderOverride{rename, merge, split, foreign} {
		id, err := s.AddProviderOverride(ctx(t), x)
		if err != nil {
			t.Fatalf("AddProviderOverride: %v", err)
		}
		ids = append(ids, id)
	}
	rename.ID, merge.ID, split.ID = ids[0], ids[1], ids[2]
	want := []chronology.ProviderOverride{merge, rename, split}
	for i := range want {
		want[i].At = stored(want[i].At)
	}
	got, err := s.ProviderOverrides(ctx(t), m)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "ProviderOverrides (by time)", got, want)

	// Undo the rename: it is returned and gone; the other matter cannot undo it.
	if _, err := s.DeleteProviderOverride(ctx(t), other, rename.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("DeleteProviderOverride from another matter: %v, want ErrNotFound", err)
	}
	undone, err := s.DeleteProviderOverride(ctx(t), m, rename.ID)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "the undone override", undone, want[1])
	if _, err := s.DeleteProviderOverride(ctx(t), m, rename.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("undo twice: %v, want ErrNotFound", err)
	}
	got, _ = s.ProviderOverrides(ctx(t), m)
	equal(t, "ProviderOverrides after undo", got, []chronology.ProviderOverride{want[0], want[2]})
	if o, _ := s.ProviderOverrides(ctx(t), other); len(o) != 1 {
		t.Errorf("the other matter has %d overrides, want 1", len(o))
	}
}

func testFlagDecisions(t *testing.T, s CurationStore, exec Exec) {
	p := newIDs(t)
	m := p.matter("flags")
	d := func(key, state, reason string, at time.Duration) chronology.FlagDecision {
		return chronology.FlagDecision{MatterID: m, FlagKey: key, Anchor: "pre_existing|doc-a:" + key, Kind: chronology.FlagPreExisting, State: state, Reason: reason,
			UserID: "u1", Username: "paralegal", At: t0.Add(at)}
	}
	ds := []chronology.FlagDecision{
		d("f-1", chronology.FlagDismissed, "old injury, unrelated", 0),
		d("f-1", chronology.FlagOpen, "", 0), // same time, stored later
		d("f-2", chronology.FlagDismissed, "seen", -time.Second),
	}
	for _, x := range ds {
		if err := s.AddFlagDecision(ctx(t), x); err != nil {
			t.Fatalf("AddFlagDecision: %v", err)
		}
	}
	got, err := s.FlagDecisions(ctx(t), m)
	if err != nil {
		t.Fatal(err)
	}
	want := []chronology.FlagDecision{ds[2], ds[0], ds[1]}
	if len(got) != len(want) {
		t.Fatalf("FlagDecisions: %d, want %d", len(got), len(want))
	}
	for i := range want {
		want[i].ID, want[i].At = got[i].ID, stored(want[i].At)
	}
	equal(t, "FlagDecisions", got, want)
	states := chronology.FlagStates(got, nil)
	if states["f-1"].State != chronology.FlagOpen || states["f-2"].State != chronology.FlagDismissed {
		t.Errorf("states after restore: %+v", states)
	}
	refused(t, exec,
		fmt.Sprintf(`UPDATE flag_decisions SET state = 'open' WHERE matter_id = '%s'`, m),
		fmt.Sprintf(`DELETE FROM flag_decisions WHERE matter_id = '%s'`, m))
}

func testTasks(t *testing.T, s CurationStore, _ Exec) {
	p := newIDs(t)
	m := p.matter("tasks")
	a := chronology.Task{MatterID: m, Text: "Request records from Harbor Orthopedics (MRI 2024-04-02)", Status: chronology.TaskOpen,
		FlagKey: "f-9", UserID: "u1", Username: "paralegal", At: t0}
	b := a
	b.Text, b.FlagKey, b.At = "Call the adjuster", "", t0.Add(time.Minute)
	for _, x := range []*chronology.Task{&a, &b} {
		id, err := s.AddTask(ctx(t), *x)
		if err != nil {
			t.Fatalf("AddTask: %v", err)
		}
		x.ID, x.At = id, stored(x.At)
		x.UpdatedAt = x.At
	}
	done := t0.Add(time.Hour)
	if err := s.SetTaskStatus(ctx(t), m, a.ID, chronology.TaskDone, done); err != nil {
		t.Fatal(err)
	}
	a.Status, a.UpdatedAt = chronology.TaskDone, stored(done)
	if err := s.SetTaskStatus(ctx(t), p.matter("other"), b.ID, chronology.TaskDone, done); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("SetTaskStatus from another matter: %v, want ErrNotFound", err)
	}
	got, err := s.Tasks(ctx(t), m)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "Tasks", got, []chronology.Task{a, b})
}
