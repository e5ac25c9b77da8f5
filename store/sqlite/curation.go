package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// AddProviderOverride stores an override and returns its new id.
func (s *Store) AddProviderOverride(ctx context.Context, o chronology.ProviderOverride) (int64, error) {
	ids, err := rows.EntryIDs(o.EntryIDs)
	if err != nil {
		return 0, fmt.Errorf("add provider override: %w", err)
	}
	res, err := s.q.ExecContext(ctx, `
INSERT INTO provider_overrides (matter_id, kind, provider_id, into_id, name, entry_ids, user_id, username, at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, o.MatterID, o.Kind, o.ProviderID, o.IntoID, o.Name, ids, o.UserID, o.Username, ts(o.At))
	if err != nil {
		return 0, fmt.Errorf("add provider override: %w", err)
	}
	id, err := res.LastInsertId()
	return id, rows.Wrap(err, "add provider override")
}

// DeleteProviderOverride removes override id of the matter (an undo) and
// returns it; store.ErrNotFound when the matter has no such override.
func (s *Store) DeleteProviderOverride(ctx context.Context, matterID string, id int64) (chronology.ProviderOverride, error) {
	var o chronology.ProviderOverride
	err := s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		t := tx.(*Store)
		os, err := rows.List(ctx, t.query, "provider override", scan.Override,
			`SELECT `+rows.OverrideColumns+` FROM provider_overrides WHERE matter_id = ? AND id = ?`, matterID, id)
		if err != nil {
			return err
		}
		if len(os) == 0 {
			return fmt.Errorf("provider override %d: %w", id, store.ErrNotFound)
		}
		o = os[0]
		_, err = t.q.ExecContext(ctx, `DELETE FROM provider_overrides WHERE matter_id = ? AND id = ?`, matterID, id)
		return rows.Wrap(err, "delete provider override")
	})
	return o, err
}

// ProviderOverrides lists a matter's overrides, oldest first.
func (s *Store) ProviderOverrides(ctx context.Context, matterID string) ([]chronology.ProviderOverride, error) {
	return rows.List(ctx, s.query, "provider overrides of matter "+matterID, scan.Override,
		`SELECT `+rows.OverrideColumns+` FROM provider_overrides WHERE matter_id = ? ORDER BY at, id`, matterID)
}

// AddFlagDecision appends a decision on a flag.
func (s *Store) AddFlagDecision(ctx context.Context, d chronology.FlagDecision) error {
	_, err := s.q.ExecContext(ctx, `
INSERT INTO flag_decisions (matter_id, flag_key, anchor, kind, state, reason, user_id, username, at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, d.MatterID, d.FlagKey, d.Anchor, d.Kind, d.State, d.Reason, d.UserID, d.Username, ts(d.At))
	return rows.Wrap(err, "add flag decision")
}

// FlagDecisions lists a matter's decisions on flags, oldest first.
func (s *Store) FlagDecisions(ctx context.Context, matterID string) ([]chronology.FlagDecision, error) {
	return rows.List(ctx, s.query, "flag decisions of matter "+matterID, scan.FlagDecision,
		`SELECT `+rows.FlagDecisionColumns+` FROM flag_decisions WHERE matter_id = ? ORDER BY at, id`, matterID)
}

// AddTask stores a task and returns its new id.
func (s *Store) AddTask(ctx context.Context, t chronology.Task) (int64, error) {
	res, err := s.q.ExecContext(ctx, `
INSERT INTO matter_tasks (matter_id, text, status, flag_key, user_id, username, at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, t.MatterID, t.Text, t.Status, t.FlagKey, t.UserID, t.Username, ts(t.At), ts(t.At))
	if err != nil {
		return 0, fmt.Errorf("add task: %w", err)
	}
	id, err := res.LastInsertId()
	return id, rows.Wrap(err, "add task")
}

// SetTaskStatus sets a task's status; store.ErrNotFound when the matter
// has no such task.
func (s *Store) SetTaskStatus(ctx context.Context, matterID string, id int64, status string, at time.Time) error {
	res, err := s.q.ExecContext(ctx, `UPDATE matter_tasks SET status = ?, updated_at = ? WHERE matter_id = ? AND id = ?`, status, ts(at), matterID, id)
	if err != nil {
		return fmt.Errorf("task %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fmt.Errorf("task %d: %w", id, store.ErrNotFound)
	}
	return nil
}

// Tasks lists a matter's tasks in the order they were made.
func (s *Store) Tasks(ctx context.Context, matterID string) ([]chronology.Task, error) {
	return rows.List(ctx, s.query, "tasks of matter "+matterID, scan.Task,
		`SELECT `+rows.TaskColumns+` FROM matter_tasks WHERE matter_id = ? ORDER BY id`, matterID)
}
