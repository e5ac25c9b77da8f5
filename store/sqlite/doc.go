// Package sqlite is medchron's embedded store: one SQLite file (pure Go,
// modernc.org/sqlite) holding matters, documents with their original bytes,
// pages, facts, chronologies and River's job tables, and the review
// workflow's users, sessions, memberships, audit log, entry reviews and
// demand versions (web.Store). The audit log, reviews, versions and
// approvals are append-only: triggers refuse UPDATE, DELETE and REPLACE;
// audit rows are hash-chained. Originals are sealed (store/seal) in
// chunks under the key ring given to Open; the file, its WAL and
// shared-memory files are owner-only. Backup and Restore copy the
// database consistently while another process serves it.
//
// SQLite allows one writer: the pool has a single connection, WAL mode and a
// busy timeout, as River's SQLite driver requires. Nothing inside a
// transaction may use the *sql.DB itself, or it would wait for itself.
package sqlite
