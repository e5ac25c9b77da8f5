package postgres

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
	var id int64
	err = s.q.QueryRow(ctx, `
INSERT INTO provider_overrides (matter_id, kind, provider_id, into_id, name, entry_ids, user_id, username, at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		o.MatterID, o.Kind, clean(o.ProviderID), clean(o.IntoID), clean(o.Name), ids, o.UserID, clean(o.Username), o.At.UTC()).Scan(&id)
	return id, rows.Wrap(err, "add provider override")
}

// DeleteProviderOverride removes override id of the matter (an undo) and
// returns it; store.ErrNotFound when the matter has no such override.
func (s *Store) DeleteProviderOverride(ctx context.Context, matterID string, id int64) (chronology.ProviderOverride, error) {
	os, err := rows.List(ctx, s.query, "delete provider override", scan.Override,
		`DELETE FROM provider_overrides WHERE matter_id = $1 AND id = $2 RETURNING `+rows.OverrideColumns, matterID, id)
	if err != nil {
		return chronology.ProviderOverride{}, err
	}
	if len(os) == 0 {
		return chronology.ProviderOverride{}, fmt.Errorf("provider override %d: %w", id, store.ErrNotFound)
	}
	return os[0], nil
}

// ProviderOverrides lists a matter's overrides, oldest first.
func (s *Store) ProviderOverrides(ctx context.Context, matterID string) ([]chronology.ProviderOverride, error) {
	return rows.List(ctx, s.query, "provider overrides of matter "+matterID, scan.Override,
		`SELECT `+rows.OverrideColumns+` FROM provider_overrides WHERE matter_id = $1 ORDER BY at, id`, matterID)
}

// AddFlagDecision appends a decision on a flag.
func (s *Store) AddFlagDecision(ctx context.Context, d chronology.FlagDecision) error {
	_, err := s.q.Exec(ctx, `
INSERT INTO flag_decisions (matter_id, flag_key, anchor, kind, state, reason, user_id, username, at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, d.MatterID, d.FlagKey, d.Anchor, d.Kind, d.State, clean(d.Reason), d.UserID, clean(d.Username), d.At.UTC())
	return rows.Wrap(err, "add flag decision")
}

// FlagDecisions lists a matter's decisions on flags, oldest first.
func (s *Store) FlagDecisions(ctx context.Context, matterID string) ([]chronology.FlagDecision, error) {
	return rows.List(ctx, s.query, "flag decisions of matter "+matterID, scan.FlagDecision,
		`SELECT `+rows.FlagDecisionColumns+` FROM flag_decisions WHERE matter_id = $1 ORDER BY at, id`, matterID)
}

// AddTask stores a task and returns its new id.
func (s *Store) AddTask(ctx context.Context, t chronology.Task) (int64, error) {
	var id int64
	err := s.q.QueryRow(ctx, `
INSERT INTO matter_tasks (matter_id, text, status, flag_key, user_id, username, at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
		t.MatterID, clean(t.Text), t.Status, t.FlagKey, t.UserID, clean(t.Username), t.At.UTC()).Scan(&id)
	return id, rows.Wrap(err, "add task")
}

// SetTaskStatus sets a task's status; store.ErrNotFound when the matter
// has no such task.
func (s *Store) SetTaskStatus(ctx context.Context, matterID string, id int64, status string, at time.Time) error {
	tag, err := s.q.Exec(ctx, `UPDATE matter_tasks SET status = $1, updated_at = $2 WHERE matter_id = $3 AND id = $4`, status, at.UTC(), matterID, id)
	if err != nil {
		return fmt.Errorf("task %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("task %d: %w", id, store.ErrNotFound)
	}
	return nil
}

// Tasks lists a matter's tasks in the order they were made.
func (s *Store) Tasks(ctx context.Context, matterID string) ([]chronology.Task, error) {
	return rows.List(ctx, s.query, "tasks of matter "+matterID, scan.Task,
		`SELECT `+rows.TaskColumns+` FROM matter_tasks WHERE matter_id = $1 ORDER BY id`, matterID)
}
