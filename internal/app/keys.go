package app

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/medchron/medchron/store/seal"
)

// EmbeddedKeyFile is the key file of the embedded database at dbPath:
// $MEDCHRON_KEY_FILE, else the file beside the database named like it
// with ".key" added. It is kept out of the database file, so that a copy
// of the database alone (a backup, a lost laptop's disk image taken
// without it) does not open the originals.
func EmbeddedKeyFile(dbPath string) string {
	if p := os.Getenv(seal.EnvKeyFile); p != "" {
		return p
	}
	return dbPath + ".key"
}

// ServerKeyFile is the key file of the server mode: $MEDCHRON_KEY_FILE,
// else medchron/medchron.key in the user's configuration folder. Every
// machine running medchron on one database needs a copy of the same file.
func ServerKeyFile() (string, error) {
	if p := os.Getenv(seal.EnvKeyFile); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no configuration folder for the key file (set %s): %w", seal.EnvKeyFile, err)
	}
	return filepath.Join(dir, "medchron", "medchron.key"), nil
}

// loadKeys opens the key file at path, creating it with a new key when it
// does not exist (and saying so: it must be kept and backed up).
func loadKeys(path string, log *slog.Logger, level slog.Level) (*seal.Ring, error) {
	ring, created, err := seal.LoadOrCreate(path)
	if err != nil {
		return nil, err
	}
	if created {
		log.Log(context.Background(), level, "created a new encryption key file for originals: keep a copy apart from database backups; without it the originals cannot be read", "key_file", path, "key", ring.Current())
	}
	return ring, nil
}
