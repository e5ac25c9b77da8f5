// Package app wires medchron together for a way of running: the embedded
// mode (one process, a SQLite file, River on SQLite) and the server mode
// (PostgreSQL, River on PostgreSQL, any number of worker processes). Both
// are opened from one Config by Open, and both shut down the same way
// (App.Close). It is the only place that knows which database driver runs
// under the pipeline, and, with ReadEnv, the only place that reads
// medchron's environment variables: the packages below it take plain
// values.
package app
