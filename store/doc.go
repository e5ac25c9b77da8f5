// Package store is medchron's storage vocabulary and contract, the way
// River keeps riverdriver and rivertype apart from its drivers: the row
// types every backend stores (Document, Blob, StoredResult, the fact rows),
// the document statuses, the errors every backend returns (ErrNotFound,
// ErrExists, ErrNotMigrated) and the interfaces the backends implement
// (Queries, Tx, Store, Cache, Codes). It knows no SQL driver.
//
// The backends are store/sqlite (embedded) and store/postgres (server
// mode); store/storetest is the conformance suite both pass. Consumers
// (pipeline, web, internal/cli, internal/app) declare the small interfaces
// they use in their own packages, in this package's terms.
package store
