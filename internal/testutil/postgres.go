package testutil

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

// EnvPostgres names the variable holding the DSN of a PostgreSQL role
// allowed to create databases and the vector extension (scripts/setup-postgres.sh
// prints it; make test sets it).
const EnvPostgres = "MEDCHRON_TEST_DATABASE_URL"

// PostgresDB creates a database with a random name on the server of
// $MEDCHRON_TEST_DATABASE_URL, with the vector extension when vector is
// set, drops it when the test ends, and returns its DSN. The test is
// skipped when the variable is unset.
func PostgresDB(tb testing.TB, vector bool) string {
	tb.Helper()
	admin := os.Getenv(EnvPostgres)
	if admin == "" {
		tb.Skip(EnvPostgres + " is not set: run `eval \"$(scripts/setup-postgres.sh)\"` (make test does) to run the PostgreSQL tests")
	}
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		tb.Fatal(err)
	}
	name := "medchron_test_" + hex.EncodeToString(b[:])
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		tb.Fatalf("connect with %s: %v", EnvPostgres, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("create database: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, admin)
		if err != nil {
			tb.Errorf("drop database %s: %v", name, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Errorf("drop database %s: %v", name, err)
		}
	})
	dsn := withDatabase(tb, admin, name)
	if vector {
		db, err := pgx.Connect(ctx, dsn)
		if err != nil {
			tb.Fatal(err)
		}
		defer db.Close(ctx)
		if _, err := db.Exec(ctx, "CREATE EXTENSION vector"); err != nil {
			tb.Fatalf("create extension vector (the test role must be a superuser): %v", err)
		}
	}
	return dsn
}

// withDatabase returns dsn with its database replaced by name.
func withDatabase(tb testing.TB, dsn, name string) string {
	tb.Helper()
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			tb.Fatalf("%s is not a valid URL", EnvPostgres)
		}
		u.Path = "/" + name
		return u.String()
	}
	return dsn + " dbname=" + name
}
