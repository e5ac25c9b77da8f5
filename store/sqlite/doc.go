// Package sqlite is medchron's embedded store: one SQLite file (pure Go,
// modernc.org/sqlite) holding matters, documents with their original bytes,
// pages, facts, chronologies and River's job tables, and the review
// workflow's users, sessions, memberships, audit log, entry reviews and
// demand versions (web.Store). The audit log, reviews, versions and
// approvals are append-only: triggers refuse UPDATE, DELETE and REPLACE.
//
// SQLite allows one writer: the pool has a single connection, WAL mode and a
// busy timeout, as River's SQLite driver requires. Nothing inside a
// transaction may use the *sql.DB itself, or it would wait for itself.
package sqlite
