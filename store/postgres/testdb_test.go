package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// envDSN names the variable holding the DSN of a role allowed to create
// databases (and, for the vector extension, a superuser).
const envDSN = "MEDCHRON_TEST_DATABASE_URL"

// newDatabase creates a database with a random name for this test, with
// the vector extension when vector is set, and drops it when the test
// ends. It returns the DSN of the new database. The test is skipped when
// MEDCHRON_TEST_DATABASE_URL is unset.
func newDatabase(t *testing.T, vector bool) string {
	t.Helper()
	admin := os.Getenv(envDSN)
	if admin == "" {
		t.Skip(envDSN + " is not set: run `eval \"$(scripts/setup-postgres.sh)\"` (or scripts/setup-postgres.sh " +
			"and export the MEDCHRON_TEST_DATABASE_URL it prints) to run the PostgreSQL tests")
	}
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	name := "medchron_test_" + hex.EncodeToString(b[:])
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatalf("connect with %s: %v", envDSN, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, admin)
		if err != nil {
			t.Errorf("drop database %s: %v", name, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	dsn := withDatabase(t, admin, name)
	if vector {
		db, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close(ctx)
		if _, err := db.Exec(ctx, "CREATE EXTENSION vector"); err != nil {
			t.Fatalf("create extension vector (the test role must be a superuser): %v", err)
		}
	}
	return dsn
}

// withDatabase returns dsn with its database replaced by name.
func withDatabase(t *testing.T, dsn, name string) string {
	t.Helper()
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatalf("%s is not a valid URL", envDSN)
		}
		u.Path = "/" + name
		return u.String()
	}
	return dsn + " dbname=" + name
}

// openMigrated opens a migrated store on a new database.
func openMigrated(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.Context(), newDatabase(t, true))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	if err := s.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	return s
}
