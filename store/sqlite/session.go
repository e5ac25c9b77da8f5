package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/store"
)

// CreateSession implements access.Store.
func (s *Store) CreateSession(ctx context.Context, se access.Session) error {
	_, err := s.q.ExecContext(ctx, `
INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen) VALUES (?, ?, ?, ?, ?)`,
		se.TokenHash, se.UserID, se.CSRF, ts(se.CreatedAt), ts(se.LastSeen))
	if err != nil {
		return fmt.Errorf("create session for user %s: %w", se.UserID, err)
	}
	return nil
}

// Session implements access.Store: store.ErrNotFound for an unknown hash.
func (s *Store) Session(ctx context.Context, tokenHash string) (access.Session, error) {
	var se access.Session
	var created, seen string
	err := s.q.QueryRowContext(ctx, `SELECT token_hash, user_id, csrf, created_at, last_seen FROM sessions WHERE token_hash = ?`, tokenHash).
		Scan(&se.TokenHash, &se.UserID, &se.CSRF, &created, &seen)
	if err != nil {
		return se, notFound(err, "session")
	}
	if se.CreatedAt, err = parseTS(created); err != nil {
		return se, fmt.Errorf("session: %w", err)
	}
	if se.LastSeen, err = parseTS(seen); err != nil {
		return se, fmt.Errorf("session: %w", err)
	}
	return se, nil
}

// TouchSession implements access.Store: store.ErrNotFound when the
// session is gone.
func (s *Store) TouchSession(ctx context.Context, tokenHash string, at time.Time) error {
	res, err := s.q.ExecContext(ctx, `UPDATE sessions SET last_seen = ? WHERE token_hash = ?`, ts(at), tokenHash)
	if err != nil {
		return fmt.Errorf("touch session: %w", err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("touch session: %w", store.ErrNotFound)
	}
	return nil
}

// DeleteSession implements access.Store; deleting a missing session is not
// an error.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	if _, err := s.q.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = ?`, tokenHash); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// DeleteUserSessions implements access.Store.
func (s *Store) DeleteUserSessions(ctx context.Context, userID string) error {
	if _, err := s.q.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ?`, userID); err != nil {
		return fmt.Errorf("delete sessions of user %s: %w", userID, err)
	}
	return nil
}
