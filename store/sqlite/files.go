package sqlite

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// secureFiles creates the database file owner-only (0600) before SQLite
// opens it and narrows an existing file and its WAL and shared-memory
// files to 0600: they hold records. SQLite gives the -wal and -shm files
// it creates the database file's mode.
func secureFiles(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("database file: %w", err)
	}
	f.Close()
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		if err := os.Chmod(p, 0o600); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("database file: %w", err)
		}
	}
	return nil
}
