// Package postgres is medchron's server-mode store: PostgreSQL with the
// pgvector extension, through a pgx v5 connection pool that River's
// riverpgxv5 driver shares (Pool).
//
// It implements store.Store and web.Store with the same tables and
// meaning as the embedded SQLite store, so the application runs unchanged
// on either, and conformance suites (store/storetest) hold both to the
// same behaviour. The audit log, entry reviews, demand versions and
// approvals are append-only: triggers refuse UPDATE, DELETE and TRUNCATE;
// audit rows are hash-chained under an advisory lock. Originals are sealed
// (store/seal) in chunks under the key ring given to Open.
// Operations that touch several rows run in one transaction and lock the
// rows they count on, because many worker processes share the database.
//
// The schema is applied by Migrate from the embedded migrations/*.sql,
// recorded in the medchron_migrations table and serialised across
// processes by an advisory lock. The vector extension is not created by
// the migrations (that needs a superuser): Migrate checks that it exists.
// scripts/setup-postgres.sh installs pgvector and starts a test cluster.
//
// Page text can hold bytes PostgreSQL does not accept (NUL, invalid
// UTF-8): they are stored as U+FFFD.
package postgres
