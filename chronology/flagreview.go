package chronology

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Flag states a reviewer sets in the flags workspace.
const (
	FlagOpen      = "open"
	FlagDismissed = "dismissed"
)

// FlagKey is a flag's stable identity across rebuilds of the chronology:
// a digest of its kind, the entries it names and the pages it cites (not
// its message, which names providers and may change).
func FlagKey(f Flag) string {
	ids := slices.Clone(f.EntryIDs)
	slices.Sort(ids)
	pages := make([]string, 0, len(f.Citations))
	for _, c := range f.Citations {
		pages = append(pages, c.DocumentID+":"+strconv.Itoa(c.Page))
	}
	slices.Sort(pages)
	return "f-" + shortHash(f.Kind, strings.Join(ids, ","), strings.Join(pages, ","))
}

// FlagDecision dismisses a flag (with a reason) or restores it. Decisions
// are kept as history; the newest one for a flag is its state.
type FlagDecision struct {
	ID       int64  `json:"id,omitempty"`
	MatterID string `json:"matter_id"`
	FlagKey  string `json:"flag_key"`
	// Anchor is the flag's FlagAnchor when it was decided, so that the
	// decision finds its flag again when reprocessing changes its key.
	Anchor   string    `json:"anchor,omitempty"`
	Kind     string    `json:"kind"`
	State    string    `json:"state"`
	Reason   string    `json:"reason,omitempty"`
	UserID   string    `json:"user_id"`
	Username string    `json:"username"`
	At       time.Time `json:"at"`
}

// Validate checks a decision before it is stored.
func (d FlagDecision) Validate() error {
	if d.MatterID == "" || d.FlagKey == "" || d.UserID == "" {
		return errors.New("flag decision: matter, flag and user are required")
	}
	switch d.State {
	case FlagDismissed:
		if strings.TrimSpace(d.Reason) == "" {
			return errors.New("dismiss: a reason is required")
		}
	case FlagOpen:
	default:
		return fmt.Errorf("flag decision: unknown state %q", d.State)
	}
	return nil
}

// FlagStates returns the newest decision of each of flags (the
// chronology's), by FlagKey; decisions are taken in time order, then in
// the order stored. A decision on a flag no longer among them carries
// over to the one flag with its anchor that has none of its own (see
// carryDecisions).
func FlagStates(ds []FlagDecision, flags []Flag) map[string]FlagDecision {
	ds = carryDecisions(ds, flags)
	sort.SliceStable(ds, func(a, b int) bool {
		return ds[a].At.Before(ds[b].At) || ds[a].At.Equal(ds[b].At) && ds[a].ID < ds[b].ID
	})
	out := map[string]FlagDecision{}
	for _, d := range ds {
		out[d.FlagKey] = d
	}
	return out
}

// Dismissed reports whether the flag's newest decision dismissed it.
func Dismissed(states map[string]FlagDecision, f Flag) bool {
	return states[FlagKey(f)].State == FlagDismissed
}

// Task states.
const (
	TaskOpen = "open"
	TaskDone = "done"
)

// maxTaskText bounds a task's text.
const maxTaskText = 500

// Task is a to-do of a matter, such as "request records from …", made
// by hand or from a flag (FlagKey).
type Task struct {
	ID       int64     `json:"id,omitempty"`
	MatterID string    `json:"matter_id"`
	Text     string    `json:"text"`
	Status   string    `json:"status"`
	FlagKey  string    `json:"flag_key,omitempty"`
	UserID   string    `json:"user_id"`
	Username string    `json:"username"`
	At       time.Time `json:"at"`
	// UpdatedAt is when the status last changed.
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate checks a task before it is stored.
func (t Task) Validate() error {
	if t.MatterID == "" || t.UserID == "" {
		return errors.New("task: matter and user are required")
	}
	text := strings.TrimSpace(t.Text)
	if text == "" {
		return errors.New("task: the text is required")
	}
	if len(text) > maxTaskText {
		return fmt.Errorf("task: the text is at most %d characters", maxTaskText)
	}
	if t.Status != TaskOpen && t.Status != TaskDone {
		return fmt.Errorf("task: unknown status %q", t.Status)
	}
	return nil
}

// FlagEntries returns the ids of the entries a flag concerns: those it
// names or, for a flag naming none, those citing a page it cites (a
// missing-records flag cites the page that asks for the records).
func FlagEntries(c *Chronology, f Flag) map[string]bool {
	out := map[string]bool{}
	for _, id := range f.EntryIDs {
		out[id] = true
	}
	if len(out) > 0 {
		return out
	}
	pages := map[PageRef]bool{}
	for _, ct := range f.Citations {
		pages[PageRef{DocumentID: ct.DocumentID, Page: ct.Page}] = true
	}
	if len(pages) == 0 {
		return out
	}
	for _, e := range c.AllEntries() {
		for _, ct := range e.Citations {
			if pages[PageRef{DocumentID: ct.DocumentID, Page: ct.Page}] {
				out[e.ID] = true
				break
			}
		}
	}
	return out
}

// DuplicateEntries returns the ids of the entries citing a duplicate page
// or the page it repeats.
func DuplicateEntries(c *Chronology) map[string]bool {
	pages := map[PageRef]bool{}
	for _, d := range c.Duplicates {
		pages[PageRef{DocumentID: d.DocumentID, Page: d.Page}] = true
		pages[d.DuplicateOf] = true
	}
	out := map[string]bool{}
	for _, e := range c.AllEntries() {
		for _, ct := range e.Citations {
			if pages[PageRef{DocumentID: ct.DocumentID, Page: ct.Page}] {
				out[e.ID] = true
				break
			}
		}
	}
	return out
}

// BulkRisk is what a bulk verification would confirm without a person
// looking: entries filed under an unknown provider, and entries named by
// a flag nobody dismissed.
type BulkRisk struct {
	Unknown []string // entry ids under "Unknown provider"
	Flagged []string // entry ids with an open flag
	Kinds   []string // the kinds of those open flags
}

// Risks returns the BulkRisk of verifying the entries ids, given the
// flags' states (FlagStates).
func Risks(c *Chronology, ids []string, states map[string]FlagDecision) BulkRisk {
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var r BulkRisk
	for _, e := range c.AllEntries() {
		if want[e.ID] && e.Provider == UnknownProvider {
			r.Unknown = append(r.Unknown, e.ID)
		}
	}
	flagged, kinds := map[string]bool{}, map[string]bool{}
	for _, f := range c.Flags {
		if Dismissed(states, f) {
			continue
		}
		for id := range FlagEntries(c, f) {
			if want[id] {
				flagged[id] = true
				kinds[f.Kind] = true
			}
		}
	}
	for id := range flagged {
		r.Flagged = append(r.Flagged, id)
	}
	for k := range kinds {
		r.Kinds = append(r.Kinds, k)
	}
	slices.Sort(r.Flagged)
	slices.Sort(r.Kinds)
	return r
}
