// Package pipeline runs medchron's stages as River jobs: ingest a document
// (validate, read its text layer), OCR the pages that have none, extract
// facts from the document, and build the matter's chronology.
//
// Every stage is idempotent: River delivers a job at least once, so a stage
// that runs twice stores the same result. The same job definitions run in
// the embedded mode (River on SQLite inside the medchron process) and in
// server mode (River on PostgreSQL with any number of worker processes).
// The package knows nothing of SQL drivers: it talks to a Store (the part
// of package store's contract its stages use) and a Queue, which package
// internal/app wires to a backend; its workers are tested on an in-memory
// store and queue.
//
// Files come in through Take, which streams them into the store (sealed,
// never whole in memory) and checks cheaply that they can be records, and
// Add, which links them to a matter with their jobs; everything that
// parses a file runs in the jobs. A failure is recorded per document in
// words fit to show (never a file name, never record text: SafeError) and
// is retried by Add, RetryFailed and Retry; an extraction that fails on
// every attempt can be handed to a fallback extractor.
package pipeline
