// Package par runs the independent steps of a loop on every core. Each
// step writes only its own result (slot i of a slice the caller made), so
// results come out in the loop's order whatever order the steps ran in,
// and the memory in flight is that of the steps the caller set up, never
// more.
//
// It depends on the standard library only, so any package may use it.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls fn(i) for every i in [0, n) and returns when all have
// returned. The calls run on up to GOMAXPROCS goroutines (the calling one
// among them), which take the indexes in ascending batches; with one
// processor, or n below 2, they run in order on the calling goroutine. fn
// must not depend on the order of the calls, and calls for different i must
// not write the same memory.
func Each(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers < 2 {
		for i := range n {
			fn(i)
		}
		return
	}
	// Batches of a few steps each keep the goroutines' shares even when
	// some steps cost more than others (a long page beside a short one).
	batch := max(1, n/(workers*8))
	var next atomic.Int64
	work := func() {
		for {
			lo := int(next.Add(int64(batch))) - batch
			if lo >= n {
				return
			}
			for i := lo; i < min(lo+batch, n); i++ {
				fn(i)
			}
		}
	}
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
}

// Map returns fn(i) for every i in [0, n), in that order, computed as
// Each computes them.
func Map[T any](n int, fn func(i int) T) []T {
	out := make([]T, n)
	Each(n, func(i int) { out[i] = fn(i) })
	return out
}
