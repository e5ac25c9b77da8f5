package core

import (
	"context"
	"errors"
	"time"
)

// Slots is a counting semaphore.
type Slots chan struct{}

// ErrBusy reports that every slot stayed taken for the whole wait.
var ErrBusy = errors.New("busy")

// Take waits up to wait (0: not at all) for a free slot; release it with
// the returned function.
func (s Slots) Take(ctx context.Context, wait time.Duration) (func(), error) {
	select {
	case s <- struct{}{}:
		return func() { <-s }, nil
	default:
	}
	if wait <= 0 {
		return nil, ErrBusy
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case s <- struct{}{}:
		return func() { <-s }, nil
	case <-t.C:
		return nil, ErrBusy
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
