// Package storetest is the conformance suite every implementation of
// store.Store must pass, so that the pipeline behaves the same on the
// embedded SQLite store and on PostgreSQL.
//
// A backend's test calls Run with a function that returns a migrated,
// empty or shared store:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store { return openTestStore(t) })
//	}
//
// The subtests run in parallel and each uses ids of its own, so one store
// may serve them all; Run returns when all of them have finished. Values
// are built from the extract and chronology types as the pipeline stores
// them, and every method of store.Queries and WithTx is exercised.
//
// RunWorkflow is the suite of the review workflow's storage (web.Store
// beyond store.Store: users, sessions, membership, the audit log, entry
// reviews, demand versions and approvals). It also takes an Exec that
// reaches the database directly, to check that the append-only tables
// refuse changes in the database itself.
package storetest
