package app

import (
	"context"
	"database/sql"

	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riversqlite"
)

// wakeDriver is River's SQLite driver with a listener that the process
// wakes when it commits a transaction.
//
// SQLite has no LISTEN/NOTIFY: River writes a job's insert notification
// in the inserting transaction and its listener reads new notifications
// every 50 ms, so each stage would wait 25 ms on average for the next to
// start. Every transaction the store commits (WithCommitHook) wakes the
// listener, which reads the notifications at once: the next stage is
// fetched a millisecond or two after the commit that queued it, still
// only once it has committed.
type wakeDriver struct {
	*riversqlite.Driver
	wake waker
}

func newWakeDriver(db *sql.DB, w waker) *wakeDriver {
	return &wakeDriver{Driver: riversqlite.New(db), wake: w}
}

// waker carries the wakes of a wakeDriver's listener.
type waker chan struct{}

func newWaker() waker { return make(waker, 1) }

// committed wakes the listener; it never blocks.
func (w waker) committed() {
	select {
	case w <- struct{}{}:
	default: // a wake is already pending
	}
}

func (d *wakeDriver) GetListener(params *riverdriver.GetListenenerParams) riverdriver.Listener {
	return &wakeListener{Listener: d.Driver.GetListener(params), wake: d.wake}
}

type wakeListener struct {
	riverdriver.Listener
	wake <-chan struct{}
}

// WaitForNotification waits as River's SQLite listener does, but a wake
// ends the wait between its reads and starts another at once: the
// listener's first step is always to read the notifications, and its
// position in them moves only when a read succeeds, so one cut short
// (even in its query) loses nothing.
func (l *wakeListener) WaitForNotification(ctx context.Context) (*riverdriver.Notification, error) {
	for {
		wctx, cancel := context.WithCancel(ctx)
		woken := make(chan struct{})
		go func() {
			select {
			case <-l.wake:
				close(woken)
				cancel()
			case <-wctx.Done():
			}
		}()
		n, err := l.Listener.WaitForNotification(wctx)
		cancel()
		if err == nil || ctx.Err() != nil {
			return n, err
		}
		select {
		case <-woken:
			continue
		default:
			return n, err
		}
	}
}
