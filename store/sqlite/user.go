package sqlite

import (
	"context"
	"fmt"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// CreateUser implements access.Store: store.ErrExists when the username
// (or the id) is taken.
func (s *Store) CreateUser(ctx context.Context, u access.User) error {
	_, err := s.q.ExecContext(ctx, `
INSERT INTO users (id, username, name, role, password_hash, disabled, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?)`,
		u.ID, u.Username, u.Name, string(u.Role), u.PasswordHash, u.Disabled, ts(u.CreatedAt))
	return rows.Exists(err, isUnique(err), "create user "+u.ID)
}

// UpdateUser implements access.Store: it replaces the username, name,
// role, password hash and disabled flag of the user with u.ID.
func (s *Store) UpdateUser(ctx context.Context, u access.User) error {
	res, err := s.q.ExecContext(ctx, `
UPDATE users SET username = ?, name = ?, role = ?, password_hash = ?, disabled = ? WHERE id = ?`,
		u.Username, u.Name, string(u.Role), u.PasswordHash, u.Disabled, u.ID)
	if err != nil {
		return rows.Exists(err, isUnique(err), "update user "+u.ID)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("update user %s: %w", u.ID, store.ErrNotFound)
	}
	return nil
}

// User implements access.Store.
func (s *Store) User(ctx context.Context, id string) (access.User, error) {
	u, err := scan.User(s.q.QueryRowContext(ctx, `SELECT `+rows.UserColumns+` FROM users WHERE id = ?`, id))
	return u, notFound(err, "user "+id)
}

// UserByName implements access.Store.
func (s *Store) UserByName(ctx context.Context, username string) (access.User, error) {
	u, err := scan.User(s.q.QueryRowContext(ctx, `SELECT `+rows.UserColumns+` FROM users WHERE username = ?`, username))
	return u, notFound(err, "user by name")
}

// Users implements access.Store: every user, ordered by username.
func (s *Store) Users(ctx context.Context) ([]access.User, error) {
	return rows.List(ctx, s.query, "users", scan.User, `SELECT `+rows.UserColumns+` FROM users ORDER BY username`)
}
