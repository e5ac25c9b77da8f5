// Package searchtest is the conformance suite every search.Index must
// pass (store/sqlite and store/postgres run it), a benchmark of search
// latency over a large matter, and a generator of realistic clinical page
// text for tests and benchmarks.
//
// A store's test runs the suite on a fresh or shared store:
//
//	searchtest.Run(t, func(t *testing.T) searchtest.Store { return openStore(t) })
//
// Subtests make their own matters and documents with ids unique to them,
// so they can share one database.
package searchtest
