package cli

import (
	"errors"
	"flag"

	"github.com/medchron/medchron/internal/app"
)

// dbFlags are the flags of every command that opens medchron's database,
// read the same way everywhere: --database-url (default $DATABASE_URL)
// chooses PostgreSQL, else --db (default $MEDCHRON_DB, then the user's
// data folder) the embedded SQLite file.
type dbFlags struct {
	url, path string
	fs        *flag.FlagSet
}

// register adds --database-url and --db to fs.
func (d *dbFlags) register(fs *flag.FlagSet) {
	d.fs = fs
	fs.StringVar(&d.url, "database-url", app.DatabaseURL(), "PostgreSQL DSN (default $DATABASE_URL; empty: the embedded SQLite file)")
	fs.StringVar(&d.path, "db", "", "SQLite database file of the embedded mode (default $MEDCHRON_DB or ~/.local/share/medchron/medchron.db)")
}

// errBothDatabases is returned when a command is given both databases.
var errBothDatabases = errors.New("both --db and --database-url (or $DATABASE_URL) name a database: pass one (to use the SQLite file with DATABASE_URL set, add --database-url='')")

// check refuses --db together with a PostgreSQL DSN: the command would
// otherwise have to guess which database was meant.
func (d *dbFlags) check() error {
	if d.url != "" && d.path != "" {
		return errBothDatabases
	}
	return nil
}

// server reports whether the command runs on PostgreSQL.
func (d *dbFlags) server() bool { return d.url != "" }

// options returns app.Config for the chosen database.
func (d *dbFlags) options() app.Config {
	return app.Config{DatabaseURL: d.url, DBPath: d.path}
}
