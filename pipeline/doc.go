// Package pipeline runs medchron's stages as River jobs: ingest a document
// (validate, read its text layer), OCR the pages that have none, extract
// facts from the document, and build the matter's chronology.
//
// Every stage is idempotent: River delivers a job at least once, so a stage
// that runs twice stores the same result. The same job definitions run in
// the embedded mode (River on SQLite inside the medchron process) and in
// server mode (River on PostgreSQL with any number of worker processes).
// The package knows nothing of SQL drivers: it talks to a Store and a Queue,
// which package internal/app wires to a backend.
package pipeline
