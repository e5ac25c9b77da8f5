package postgres

import (
	"context"
	"fmt"

	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// PutFirmFile implements store.FirmFiles.
func (s *Store) PutFirmFile(ctx context.Context, f store.FirmFile) error {
	_, err := s.q.Exec(ctx, `
INSERT INTO firm_files (name, data, updated_by, updated_at) VALUES ($1, $2, $3, $4)
ON CONFLICT (name) DO UPDATE SET data = excluded.data, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
		f.Name, f.Data, clean(f.By), f.At.UTC())
	return rows.Wrap(err, "put firm file "+f.Name)
}

// FirmFile implements store.FirmFiles.
func (s *Store) FirmFile(ctx context.Context, name string) (store.FirmFile, error) {
	f := store.FirmFile{Name: name}
	err := s.q.QueryRow(ctx, `SELECT data, updated_by, updated_at FROM firm_files WHERE name = $1`, name).
		Scan(&f.Data, &f.By, scan.At(&f.At))
	f.At = f.At.UTC()
	return f, notFound(err, "firm file "+name)
}

// FirmFileStamp implements store.FirmFiles.
func (s *Store) FirmFileStamp(ctx context.Context, name string) (store.FirmFile, error) {
	f := store.FirmFile{Name: name}
	err := s.q.QueryRow(ctx, `SELECT updated_by, updated_at FROM firm_files WHERE name = $1`, name).
		Scan(&f.By, scan.At(&f.At))
	f.At = f.At.UTC()
	return f, notFound(err, "firm file "+name)
}

// DeleteFirmFile implements store.FirmFiles.
func (s *Store) DeleteFirmFile(ctx context.Context, name string) error {
	tag, err := s.q.Exec(ctx, `DELETE FROM firm_files WHERE name = $1`, name)
	if err != nil {
		return fmt.Errorf("delete firm file %s: %w", name, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("firm file %s: %w", name, store.ErrNotFound)
	}
	return nil
}
