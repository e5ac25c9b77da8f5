package app

import (
	"context"
	"log/slog"

	"github.com/medchron/medchron/store/seal"
)

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
