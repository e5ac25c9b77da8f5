package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// CreateUser implements access.Store: store.ErrExists when the username
// (or the id) is taken.
func (s *Store) CreateUser(ctx context.Context, u access.User) error {
	_, err := s.q.Exec(ctx, `
INSERT INTO users (id, username, name, role, password_hash, disabled, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		u.ID, clean(u.Username), clean(u.Name), string(u.Role), u.PasswordHash, u.Disabled, u.CreatedAt.UTC())
	return rows.Exists(err, isUnique(err), "create user "+u.ID)
}

// UpdateUser implements access.Store: it replaces the username, name,
// role, password hash and disabled flag of the user with u.ID.
func (s *Store) UpdateUser(ctx context.Context, u access.User) error {
	tag, err := s.q.Exec(ctx, `
UPDATE users SET username = $1, name = $2, role = $3, password_hash = $4, disabled = $5 WHERE id = $6`,
		clean(u.Username), clean(u.Name), string(u.Role), u.PasswordHash, u.Disabled, u.ID)
	if err != nil {
		return rows.Exists(err, isUnique(err), "update user "+u.ID)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("update user %s: %w", u.ID, store.ErrNotFound)
	}
	return nil
}

// User implements access.Store.
func (s *Store) User(ctx context.Context, id string) (access.User, error) {
	u, err := scan.User(s.q.QueryRow(ctx, `SELECT `+rows.UserColumns+` FROM users WHERE id = $1`, id))
	return u, notFound(err, "user "+id)
}

// UserByName implements access.Store.
func (s *Store) UserByName(ctx context.Context, username string) (access.User, error) {
	u, err := scan.User(s.q.QueryRow(ctx, `SELECT `+rows.UserColumns+` FROM users WHERE username = $1`, clean(username)))
	return u, notFound(err, "user by name")
}

// Users implements access.Store: every user, ordered by username.
func (s *Store) Users(ctx context.Context) ([]access.User, error) {
	return rows.List(ctx, s.query, "users", scan.User, `SELECT `+rows.UserColumns+` FROM users ORDER BY username COLLATE "C"`)
}

// isUnique reports whether err is a unique violation; with constraint set,
// only of that constraint.
func isUnique(err error, constraint ...string) bool {
	var e *pgconn.PgError
	if !errors.As(err, &e) || e.Code != "23505" {
		return false
	}
	return len(constraint) == 0 || e.ConstraintName == constraint[0]
}

// isUndefinedTable reports whether err is PostgreSQL's "undefined table"
// (SQLSTATE 42P01): the schema is not migrated.
func isUndefinedTable(err error) bool {
	var e *pgconn.PgError
	return errors.As(err, &e) && e.Code == "42P01"
}
