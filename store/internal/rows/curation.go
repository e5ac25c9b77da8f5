package rows

import (
	"encoding/json"
	"fmt"

	"github.com/medchron/medchron/chronology"
)

// OverrideColumns are the columns Override scans.
const OverrideColumns = `id, matter_id, kind, provider_id, into_id, name, entry_ids, user_id, username, at`

// Override scans a row of OverrideColumns; entry_ids is a JSON array.
func (x Scan) Override(sc Scanner) (chronology.ProviderOverride, error) {
	var o chronology.ProviderOverride
	var ids []byte
	if err := sc.Scan(&o.ID, &o.MatterID, &o.Kind, &o.ProviderID, &o.IntoID, &o.Name, &ids, &o.UserID, &o.Username, x.At(&o.At)); err != nil {
		return o, err
	}
	o.At = o.At.UTC()
	if err := json.Unmarshal(ids, &o.EntryIDs); err != nil {
		return o, fmt.Errorf("provider override %d: entry ids: %w", o.ID, err)
	}
	if len(o.EntryIDs) == 0 {
		o.EntryIDs = nil
	}
	return o, nil
}

// EntryIDs is an override's entry ids as stored: a JSON array.
func EntryIDs(ids []string) (string, error) {
	if len(ids) == 0 {
		return "[]", nil
	}
	b, err := json.Marshal(ids)
	if err != nil {
		return "", fmt.Errorf("entry ids: %w", err)
	}
	return string(b), nil
}

// FlagDecisionColumns are the columns FlagDecision scans.
const FlagDecisionColumns = `id, matter_id, flag_key, anchor, kind, state, reason, user_id, username, at`

// FlagDecision scans a row of FlagDecisionColumns.
func (x Scan) FlagDecision(sc Scanner) (chronology.FlagDecision, error) {
	var d chronology.FlagDecision
	err := sc.Scan(&d.ID, &d.MatterID, &d.FlagKey, &d.Anchor, &d.Kind, &d.State, &d.Reason, &d.UserID, &d.Username, x.At(&d.At))
	d.At = d.At.UTC()
	return d, err
}

// TaskColumns are the columns Task scans.
const TaskColumns = `id, matter_id, text, status, flag_key, user_id, username, at, updated_at`

// Task scans a row of TaskColumns.
func (x Scan) Task(sc Scanner) (chronology.Task, error) {
	var t chronology.Task
	err := sc.Scan(&t.ID, &t.MatterID, &t.Text, &t.Status, &t.FlagKey, &t.UserID, &t.Username, x.At(&t.At), x.At(&t.UpdatedAt))
	t.At, t.UpdatedAt = t.At.UTC(), t.UpdatedAt.UTC()
	return t, err
}
