package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/store"
)

// CreateSession implements access.Store.
func (s *Store) CreateSession(ctx context.Context, se access.Session) error {
	_, err := s.q.Exec(ctx, `
INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen) VALUES ($1, $2, $3, $4, $5)`,
		se.TokenHash, se.UserID, se.CSRF, se.CreatedAt.UTC(), se.LastSeen.UTC())
	if err != nil {
		return fmt.Errorf("create session for user %s: %w", se.UserID, err)
	}
	return nil
}

// Session implements access.Store: store.ErrNotFound for an unknown hash.
func (s *Store) Session(ctx context.Context, tokenHash string) (access.Session, error) {
	var se access.Session
	err := s.q.QueryRow(ctx, `SELECT token_hash, user_id, csrf, created_at, last_seen FROM sessions WHERE token_hash = $1`, clean(tokenHash)).
		Scan(&se.TokenHash, &se.UserID, &se.CSRF, &se.CreatedAt, &se.LastSeen)
	se.CreatedAt, se.LastSeen = se.CreatedAt.UTC(), se.LastSeen.UTC()
	return se, notFound(err, "session")
}

// TouchSession implements access.Store: store.ErrNotFound when the
// session is gone.
func (s *Store) TouchSession(ctx context.Context, tokenHash string, at time.Time) error {
	tag, err := s.q.Exec(ctx, `UPDATE sessions SET last_seen = $1 WHERE token_hash = $2`, at.UTC(), clean(tokenHash))
	if err != nil {
		return fmt.Errorf("touch session: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("touch session: %w", store.ErrNotFound)
	}
	return nil
}

// DeleteSession implements access.Store; deleting a missing session is not
// an error.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	if _, err := s.q.Exec(ctx, `DELETE FROM sessions WHERE token_hash = $1`, clean(tokenHash)); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// DeleteUserSessions implements access.Store.
func (s *Store) DeleteUserSessions(ctx context.Context, userID string) error {
	if _, err := s.q.Exec(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
		return fmt.Errorf("delete sessions of user %s: %w", userID, err)
	}
	return nil
}
