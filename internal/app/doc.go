// Package app wires medchron together for a way of running: the embedded
// mode (one process, SQLite file, River on SQLite, offline extractor) and,
// later, the server mode (PostgreSQL, River on Postgres, many workers). It
// is the only place that knows which database driver runs under the
// pipeline.
package app
