package pipeline

import "testing"

// TestSignalWakesEachWaiterOnce: fire closes every channel next returned
// before it, and the next channel waits for the next fire.
func TestSignalWakesEachWaiterOnce(t *testing.T) {
	var s signal
	a, b := s.next(), s.next()
	if closed(a) {
		t.Fatal("woken before the signal fired")
	}
	s.fire()
	if !closed(a) || !closed(b) {
		t.Fatal("a waiter was not woken")
	}
	c := s.next()
	if closed(c) {
		t.Fatal("a waiter after the fire was woken by it")
	}
	s.fire()
	s.fire() // nobody waits: nothing to close twice
	if !closed(c) {
		t.Fatal("the second fire did not wake its waiter")
	}
}

func closed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}
