package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/store/postgres"
	"github.com/medchron/medchron/store/seal"
	"github.com/medchron/medchron/store/sqlite"
)

// resealer is a store that can seal every original under its current key.
type resealer interface {
	Reseal(ctx context.Context) (int, error)
	KeyIDs(ctx context.Context) ([]string, error)
}

// runKey runs "key rotate": a new key seals every original again, then
// the old keys leave the key file.
func runKey(ctx context.Context, env *Env, args []string) error {
	const usage = `Usage: medchron key rotate [--db PATH | --database-url DSN --stopped]

Adds a new key to the key file (MEDCHRON_KEY_FILE, or the file beside
the embedded database), seals every original again under it, and then
removes the old keys from the file. Interrupted, it can be run again.
On PostgreSQL every serve and worker process must be stopped first (they
read the key file when they start): say so with --stopped, then give every
machine a copy of the new key file.`
	if len(args) == 0 || args[0] != "rotate" {
		fmt.Fprintln(env.Stderr, usage)
		return exitError{2}
	}
	fs := flag.NewFlagSet("key rotate", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { fmt.Fprintln(fs.Output(), usage); fs.PrintDefaults() }
	var db dbFlags
	db.register(fs)
	stopped := fs.Bool("stopped", false, "server mode: every serve and worker process is stopped")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if err := db.check(); err != nil {
		return err
	}
	var keyFile string
	var open func(*seal.Ring) (resealer, func(), error)
	if db.server() {
		if !*stopped {
			return errors.New("stop every serve and worker process on this database, then run again with --stopped")
		}
		var err error
		if keyFile, err = app.ServerKeyFile(); err != nil {
			return err
		}
		open = func(r *seal.Ring) (resealer, func(), error) {
			st, err := postgres.Open(ctx, db.url, postgres.WithKeys(r))
			if err != nil {
				return nil, nil, err
			}
			return st, st.Close, nil
		}
	} else {
		path := orDefaultDB(db.path)
		keyFile = app.EmbeddedKeyFile(path)
		unlock, err := sqlite.Lock(path)
		if err != nil {
			if errors.Is(err, sqlite.ErrInUse) {
				return fmt.Errorf("%w: stop \"medchron serve\" or \"medchron process\" on this database first", err)
			}
			return err
		}
		defer unlock()
		open = func(r *seal.Ring) (resealer, func(), error) {
			st, err := sqlite.Open(ctx, path, sqlite.WithKeys(r))
			if err != nil {
				return nil, nil, err
			}
			return st, func() { st.Close() }, nil
		}
	}
	old, err := seal.Load(keyFile)
	if err != nil {
		return err
	}
	ring := old
	if len(old.IDs()) == 1 { // an earlier rotation that was interrupted has its new key first already
		if ring, err = seal.Rotate(keyFile); err != nil {
			return err
		}
	}
	st, closeStore, err := open(ring)
	if err != nil {
		return err
	}
	defer closeStore()
	n, err := st.Reseal(ctx)
	if err != nil {
		return fmt.Errorf("reseal (run key rotate again to go on; the key file keeps the old key until it is done): %w", err)
	}
	ids, err := st.KeyIDs(ctx)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if id != ring.Current() {
			return fmt.Errorf("originals are still sealed with key %s: run key rotate again", id)
		}
	}
	if _, err := seal.Retire(keyFile); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "new key %s in %s; %d chunk(s) sealed again; old key(s) %v removed\n", ring.Current(), keyFile, n, old.IDs())
	return nil
}
