package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/store/seal"
	"github.com/medchron/medchron/store/sqlite"
)

// errPostgresBackup is what backup and restore say on PostgreSQL, whose
// own tools do it (SECURITY.md has the tested commands).
var errPostgresBackup = errors.New(`--database-url (or $DATABASE_URL) names PostgreSQL: back it up with pg_dump --format=custom and restore it with pg_restore (see SECURITY.md); "medchron backup" and "restore" handle the embedded SQLite file (--db)`)

// runBackup writes a consistent copy of the embedded database, while it
// may be in use.
func runBackup(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var db dbFlags
	db.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: medchron backup [--db PATH] BACKUP_FILE\n\nWrites a consistent copy of the embedded database (SQLite VACUUM INTO), also while serve runs.\nThe originals in it stay sealed: keep a copy of the key file (MEDCHRON_KEY_FILE) apart from it.")
		fs.PrintDefaults()
	}
	path, file, err := backupArgs(fs, &db, args)
	if err != nil {
		return err
	}
	if err := sqlite.Backup(ctx, path, file); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "backed up %s to %s\n", path, file)
	fmt.Fprintf(env.Stdout, "the originals in it are sealed with the key in %s: keep a copy of that file apart from the backup\n", app.EmbeddedKeyFile(path))
	return nil
}

// runRestore puts a backup in place of the embedded database.
func runRestore(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var db dbFlags
	db.register(fs)
	force := fs.Bool("force", false, "replace the database if one exists")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: medchron restore [--db PATH] [--force] BACKUP_FILE\n\nPuts a backup made by \"medchron backup\" in place of the embedded database (stop serve and process first).")
		fs.PrintDefaults()
	}
	path, file, err := backupArgs(fs, &db, args)
	if err != nil {
		return err
	}
	if err := checkBackupKeys(ctx, file, app.EmbeddedKeyFile(path)); err != nil {
		return err
	}
	unlock, err := sqlite.Lock(path)
	if err != nil {
		if errors.Is(err, sqlite.ErrInUse) {
			return fmt.Errorf("%w: stop \"medchron serve\" or \"medchron process\" on this database first", err)
		}
		return err
	}
	defer unlock()
	if err := sqlite.Restore(ctx, file, path, *force); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "restored %s from %s\n", path, file)
	return nil
}

// backupArgs parses the arguments of backup and restore: one backup file
// and the embedded database (PostgreSQL is refused), returned as paths.
func backupArgs(fs *flag.FlagSet, db *dbFlags, args []string) (path, file string, err error) {
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return "", "", err
	}
	if len(pos) != 1 {
		fs.Usage()
		return "", "", exitError{2}
	}
	if err := db.check(); err != nil {
		return "", "", err
	}
	if db.server() {
		return "", "", errPostgresBackup
	}
	return orDefaultDB(db.path), pos[0], nil
}

// checkBackupKeys refuses a backup whose originals are sealed with a key
// the key file lacks: restoring it would leave them unreadable.
func checkBackupKeys(ctx context.Context, backup, keyFile string) error {
	st, err := sqlite.OpenReadOnly(ctx, backup)
	if err != nil {
		return err
	}
	defer st.Close()
	ids, err := st.KeyIDs(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", backup, err)
	}
	if len(ids) == 0 {
		return nil
	}
	ring, err := seal.Load(keyFile)
	if err != nil {
		return fmt.Errorf("the backup's originals are sealed with key(s) %s: put their key file at %s (or set %s): %w", strings.Join(ids, ", "), keyFile, seal.EnvKeyFile, err)
	}
	for _, id := range ids {
		if !ring.Has(id) {
			return fmt.Errorf("the backup's originals are sealed with key %s, which %s does not hold: restore the key file that was in use when the backup was made", id, keyFile)
		}
	}
	return nil
}

// orDefaultDB is path, or the default embedded database.
func orDefaultDB(path string) string {
	if path == "" {
		return app.DefaultDBPath()
	}
	return path
}
