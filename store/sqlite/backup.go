package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
)

// OpenReadOnly opens the database file at path for reading only, without
// migrating it and without the process lock: for backups and audit
// checks while another process serves the database. WAL mode lets it read
// a consistent snapshot while that process writes.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	q := url.Values{}
	q.Add("mode", "ro")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "query_only(1)")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return &Store{db: db, q: db}, nil
}

// Backup writes a consistent copy of the database at path to dest with
// VACUUM INTO (one read transaction: writers go on meanwhile), owner-only
// (0600), and checks the copy's integrity. dest must not exist. The copy
// holds the originals sealed: the key file is backed up apart.
func Backup(ctx context.Context, path, dest string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	// VACUUM INTO only reads the database, but SQLite wants a connection
	// that may write: no read-only mode here, and no migration either.
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	db.SetMaxOpenConns(1)
	defer db.Close()
	f, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	f.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, dest); err != nil {
		os.Remove(dest)
		return fmt.Errorf("backup %s: %w", path, err)
	}
	if err := os.Chmod(dest, 0o600); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := checkIntegrity(ctx, dest); err != nil {
		os.Remove(dest)
		return fmt.Errorf("backup: the copy fails its check: %w", err)
	}
	return nil
}

// checkIntegrity runs PRAGMA integrity_check on the database at path.
func checkIntegrity(ctx context.Context, path string) error {
	s, err := OpenReadOnly(ctx, path)
	if err != nil {
		return fmt.Errorf("check integrity: %w", err)
	}
	defer s.Close()
	var res string
	if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return fmt.Errorf("check integrity: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("integrity check: %s", res)
	}
	return nil
}

// ErrExists reports a restore onto a database that exists, without force.
var ErrExists = errors.New("a database exists there")

// Restore puts the backup at backup in place of the database at path:
// the backup is checked first, copied beside path (0600) and renamed
// over it, and stale WAL and shared-memory files are removed. The caller
// holds Lock(path), so no process has the database open. An existing
// database is replaced only with force.
func Restore(ctx context.Context, backup, path string, force bool) error {
	if err := checkIntegrity(ctx, backup); err != nil {
		return fmt.Errorf("restore: %s is not a sound database: %w", backup, err)
	}
	if _, err := os.Stat(path); err == nil && !force {
		return fmt.Errorf("restore to %s: %w (pass --force to replace it)", path, ErrExists)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	tmp := path + ".restoring"
	if err := copyFile(backup, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("restore: %w", err)
	}
	for _, p := range []string{path + "-wal", path + "-shm", path + "-journal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			os.Remove(tmp)
			return fmt.Errorf("restore: %w", err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("restore: %w", err)
	}
	return nil
}

// copyFile copies src to a new owner-only file dst, synced to disk.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("copy file: %w", err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("copy file: %w", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copy file: %w", err)
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return fmt.Errorf("copy file: %w", err)
	}
	return out.Close()
}
