package par

import (
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		prev := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 2, 3, 17, 1000} {
			calls := make([]atomic.Int32, n)
			Each(n, func(i int) { calls[i].Add(1) })
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Errorf("GOMAXPROCS=%d n=%d: index %d called %d times", procs, n, i, c)
				}
			}
		}
		runtime.GOMAXPROCS(prev)
	}
}

func TestMapKeepsOrder(t *testing.T) {
	prev := runtime.GOMAXPROCS(4)
	defer runtime.GOMAXPROCS(prev)
	got := Map(500, func(i int) int { return i * i })
	want := make([]int, 500)
	for i := range want {
		want[i] = i * i
	}
	if !slices.Equal(got, want) {
		t.Errorf("Map out of order: %v...", got[:10])
	}
}

func TestEachRunsOnSeveralGoroutines(t *testing.T) {
	prev := runtime.GOMAXPROCS(2)
	defer runtime.GOMAXPROCS(prev)
	// Every step waits until two steps have started: with one goroutine
	// the first step would wait for ever, so the test would time out.
	var started atomic.Int32
	Each(2, func(int) {
		started.Add(1)
		for started.Load() < 2 {
			runtime.Gosched()
		}
	})
}
