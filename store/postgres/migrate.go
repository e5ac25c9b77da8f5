package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrationLockKey is the advisory lock that serialises Migrate across
// processes ("medchron" in ASCII).
const migrationLockKey int64 = 0x6d656463_68726f6e

// ErrNoVector is returned by Migrate when the database lacks the pgvector
// extension.
var ErrNoVector = errors.New(`the PostgreSQL extension "vector" (pgvector) is missing`)

// migration is one embedded .sql file; Version is its numeric prefix.
type migration struct {
	Version int
	Name    string
	SQL     string
}

// migrations returns the embedded migrations in version order.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	var out []migration
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		prefix, _, _ := strings.Cut(base, "_")
		v, err := strconv.Atoi(prefix)
		if err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive number", base)
		}
		body, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("migrations: %w", err)
		}
		out = append(out, migration{Version: v, Name: base, SQL: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i := 1; i < len(out); i++ {
		if out[i].Version == out[i-1].Version {
			return nil, fmt.Errorf("migrations %s and %s share version %d", out[i-1].Name, out[i].Name, out[i].Version)
		}
	}
	return out, nil
}

// Migrate applies medchron's migrations not yet recorded in the
// medchron_migrations table, each in its own transaction. An advisory lock
// makes processes starting at once apply them one after the other. It
// fails with ErrNoVector, pointing at scripts/setup-postgres.sh, when the
// vector extension has not been created in the database. River's tables
// are migrated separately, with rivermigrate.
func (s *Store) Migrate(ctx context.Context) error {
	list, err := migrations()
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	defer conn.Release()
	if err := checkVector(ctx, conn); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, migrationLockKey); err != nil {
		return fmt.Errorf("postgres: migrate: lock: %w", err)
	}
	defer func() {
		if _, err := conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrationLockKey); err != nil {
			// The lock dies with the session: do not reuse it.
			conn.Conn().Close(context.WithoutCancel(ctx))
		}
	}()
	if _, err := conn.Exec(ctx, `
CREATE TABLE IF NOT EXISTS medchron_migrations (
    version     integer PRIMARY KEY,
    name        text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
)`); err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	applied := map[int]bool{}
	rows, err := conn.Query(ctx, `SELECT version FROM medchron_migrations`)
	if err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return fmt.Errorf("postgres: migrate: %w", err)
		}
		applied[v] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	for _, m := range list {
		if applied[m.Version] {
			continue
		}
		if err := apply(ctx, conn, m); err != nil {
			return fmt.Errorf("postgres: migration %s: %w", m.Name, err)
		}
	}
	// Rows written by older versions: chain the audit log, seal originals.
	if err := s.ChainLegacyAudit(ctx); err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	if s.keys != nil {
		if err := s.sealLegacyBlobs(ctx); err != nil {
			return fmt.Errorf("postgres: migrate: %w", err)
		}
	}
	return nil
}

// apply runs one migration and records it, in one transaction.
func apply(ctx context.Context, conn *pgxpool.Conn, m migration) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fmt.Errorf("apply: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, m.SQL); err != nil {
		return fmt.Errorf("apply: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO medchron_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name); err != nil {
		return fmt.Errorf("apply: %w", err)
	}
	return tx.Commit(ctx)
}

// checkVector fails with ErrNoVector, and what to do about it, unless the
// vector extension exists in the database.
func checkVector(ctx context.Context, conn *pgxpool.Conn) error {
	var enabled, available bool
	err := conn.QueryRow(ctx, `
SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector'),
       EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector')`).Scan(&enabled, &available)
	if err != nil {
		return fmt.Errorf("postgres: migrate: look up the vector extension: %w", err)
	}
	switch {
	case enabled:
		return nil
	case available:
		return fmt.Errorf("%w in database %q: as a superuser, run CREATE EXTENSION vector in it (see scripts/setup-postgres.sh)",
			ErrNoVector, conn.Conn().Config().Database)
	default:
		return fmt.Errorf("%w: pgvector is not installed on the server; run scripts/setup-postgres.sh, then CREATE EXTENSION vector in database %q as a superuser",
			ErrNoVector, conn.Conn().Config().Database)
	}
}
