package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
)

// ErrInUse is returned by Lock when another process holds the database.
var ErrInUse = errors.New("the database is in use by another medchron process")

// Lock takes an exclusive lock on path+".lock" for the life of the process
// (released by the returned function), so that one embedded medchron runs
// on a database file at a time.
func Lock(path string) (func() error, error) {
	f, err := os.OpenFile(path+".lock", os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%s: %w", path, ErrInUse)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return func() error {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		return f.Close()
	}, nil
}

// RequeueOrphanedJobs makes River jobs left "running" by a process that
// died (killed, power cut) available again. Only valid while holding Lock:
// then no live process can be running them. River's own rescuer would wait
// for RescueStuckJobsAfter (an hour by default); a user resuming an
// interrupted run should not. Every stage is idempotent, so running such a
// job again is safe.
func (s *Store) RequeueOrphanedJobs(ctx context.Context) (int64, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE river_job SET state = 'available', scheduled_at = CURRENT_TIMESTAMP WHERE state = 'running'`)
	if err != nil {
		return 0, fmt.Errorf("requeue orphaned jobs: %w", err)
	}
	return res.RowsAffected()
}
