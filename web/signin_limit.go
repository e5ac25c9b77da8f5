package web

import (
	"sync"
	"time"
)

// Sign-in throttling: after signInMaxFailures failed attempts for one
// username from one address within signInWindow, further attempts are
// refused until the oldest failure leaves the window.
const (
	signInMaxFailures = 5
	signInWindow      = 5 * time.Minute
	// signInMaxKeys bounds the limiter's memory; beyond it, keys whose
	// failures all left the window are dropped.
	signInMaxKeys = 10000
)

// signInLimiter counts failed sign-ins per key (username and client
// address), in memory: a restart forgets them, which only shortens a wait.
type signInLimiter struct {
	mu       sync.Mutex
	max      int
	window   time.Duration
	failures map[string][]time.Time
}

func newSignInLimiter(max int, window time.Duration) *signInLimiter {
	return &signInLimiter{max: max, window: window, failures: map[string][]time.Time{}}
}

// recent returns key's failures still inside the window at now. The
// caller holds mu.
func (l *signInLimiter) recent(key string, now time.Time) []time.Time {
	fs := l.failures[key]
	i := 0
	for i < len(fs) && now.Sub(fs[i]) >= l.window {
		i++
	}
	fs = fs[i:]
	if len(fs) == 0 {
		delete(l.failures, key)
		return nil
	}
	l.failures[key] = fs
	return fs
}

// Blocked reports whether key has used up its attempts at now.
func (l *signInLimiter) Blocked(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.recent(key, now)) >= l.max
}

// Fail records a failed attempt for key at now.
func (l *signInLimiter) Fail(key string, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.failures) >= signInMaxKeys {
		for k := range l.failures {
			l.recent(k, now)
		}
	}
	l.failures[key] = append(l.recent(key, now), now)
}

// Reset forgets key's failures (after a successful sign-in).
func (l *signInLimiter) Reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.failures, key)
}
