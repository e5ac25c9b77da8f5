package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/medchron/medchron/store/internal/rows"
)

// AddMember implements access.Store: assigning a user twice is not an error.
func (s *Store) AddMember(ctx context.Context, matterID, userID string) error {
	_, err := s.q.ExecContext(ctx, `
INSERT INTO matter_members (matter_id, user_id, added_at) VALUES (?, ?, ?)
ON CONFLICT (matter_id, user_id) DO NOTHING`, matterID, userID, ts(time.Now()))
	if err != nil {
		return fmt.Errorf("add member %s to matter %s: %w", userID, matterID, err)
	}
	return nil
}

// RemoveMember implements access.Store.
func (s *Store) RemoveMember(ctx context.Context, matterID, userID string) error {
	if _, err := s.q.ExecContext(ctx, `DELETE FROM matter_members WHERE matter_id = ? AND user_id = ?`, matterID, userID); err != nil {
		return fmt.Errorf("remove member %s from matter %s: %w", userID, matterID, err)
	}
	return nil
}

// IsMember implements access.Store.
func (s *Store) IsMember(ctx context.Context, matterID, userID string) (bool, error) {
	var ok bool
	err := s.q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM matter_members WHERE matter_id = ? AND user_id = ?)`, matterID, userID).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("is member %s of matter %s: %w", userID, matterID, err)
	}
	return ok, nil
}

// MatterMembers implements access.Store: user ids, ordered.
func (s *Store) MatterMembers(ctx context.Context, matterID string) ([]string, error) {
	out, err := s.column(ctx, `SELECT user_id FROM matter_members WHERE matter_id = ? ORDER BY user_id`, matterID)
	if err != nil {
		return nil, fmt.Errorf("members of matter %s: %w", matterID, err)
	}
	return out, nil
}

// UserMatters implements access.Store: matter ids, ordered.
func (s *Store) UserMatters(ctx context.Context, userID string) ([]string, error) {
	out, err := s.column(ctx, `SELECT matter_id FROM matter_members WHERE user_id = ? ORDER BY matter_id`, userID)
	if err != nil {
		return nil, fmt.Errorf("matters of user %s: %w", userID, err)
	}
	return out, nil
}

// column returns the single text column of query's rows.
func (s *Store) column(ctx context.Context, query string, args ...any) ([]string, error) {
	return rows.List(ctx, s.query, "query", rows.String, query, args...)
}
