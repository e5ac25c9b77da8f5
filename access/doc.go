// Package access holds who may do what in medchron: users and their roles,
// argon2id password hashes, server-side sessions, matter membership, and
// the append-only audit log. It knows nothing of HTTP or SQL; the web
// package enforces it and the stores persist it through Store.
package access
