package ui

import (
	"sync"
	"time"
)

// Sign-in throttling. Each attempt counts against three keys: the
// username from this address, the address (whatever the usernames), and
// the username (whatever the addresses). An attempt is refused while a
// key's failures in the last signInWindow, plus the attempts on it still
// being checked, reach the key's limit: the count is taken before the
// password is hashed, under one lock, so parallel attempts cannot all slip
// through (the sixth of twenty parallel wrong passwords is refused).
const (
	signInMaxFailures = 5  // per username and address
	signInMaxPerAddr  = 20 // per address, any usernames
	signInMaxPerUser  = 50 // per username, any addresses
	signInWindow      = 5 * time.Minute
	// signInMaxKeys bounds the limiter's memory; beyond it, keys whose
	// failures all left the window are dropped.
	signInMaxKeys = 10000
)

// signInLimiter counts failed and running sign-ins per key, in memory: a
// restart forgets them, which only shortens a wait.
type signInLimiter struct {
	mu       sync.Mutex
	window   time.Duration
	failures map[string][]time.Time
	running  map[string]int
}

func newSignInLimiter() *signInLimiter {
	return &signInLimiter{window: signInWindow, failures: map[string][]time.Time{}, running: map[string]int{}}
}

// limitKey is one key an attempt counts against, with its limit.
type limitKey struct {
	key string
	max int
}

// signInKeys are the keys of an attempt for username from addr.
func signInKeys(username, addr string) []limitKey {
	return []limitKey{
		{"u\x00" + username + "\x00" + addr, signInMaxFailures},
		{"a\x00" + addr, signInMaxPerAddr},
		{"n\x00" + username, signInMaxPerUser},
	}
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

// attempt is a sign-in admitted by Begin; End it with its outcome.
type attempt struct {
	l    *signInLimiter
	keys []limitKey
	done bool
}

// Begin admits an attempt unless one of keys has used up its attempts at
// now; an admitted attempt counts as running until End.
func (l *signInLimiter) Begin(keys []limitKey, now time.Time) (*attempt, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range keys {
		if len(l.recent(k.key, now))+l.running[k.key] >= k.max {
			return nil, false
		}
	}
	for _, k := range keys {
		l.running[k.key]++
	}
	return &attempt{l: l, keys: keys}, true
}

// End records the attempt's outcome: a failure counts against every key,
// a success clears the username-and-address key.
func (a *attempt) End(ok bool, now time.Time) {
	l := a.l
	l.mu.Lock()
	defer l.mu.Unlock()
	if a.done {
		return
	}
	a.done = true
	if len(l.failures) >= signInMaxKeys {
		for k := range l.failures {
			l.recent(k, now)
		}
	}
	for _, k := range a.keys {
		if l.running[k.key]--; l.running[k.key] <= 0 {
			delete(l.running, k.key)
		}
		if !ok {
			l.failures[k.key] = append(l.recent(k.key, now), now)
		}
	}
	if ok {
		delete(l.failures, a.keys[0].key)
	}
}

// Cancel ends an attempt that was not decided (a server error): it
// counts as neither.
func (a *attempt) Cancel() {
	l := a.l
	l.mu.Lock()
	defer l.mu.Unlock()
	if a.done {
		return
	}
	a.done = true
	for _, k := range a.keys {
		if l.running[k.key]--; l.running[k.key] <= 0 {
			delete(l.running, k.key)
		}
	}
}
