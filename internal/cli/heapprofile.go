package cli

import (
	"bytes"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

// peakHeapProfile samples the Go heap every 50 ms and, at stop, writes to
// path the heap profile taken when the heap was largest (each time it grew
// by a tenth past the largest so far): where a run's memory goes at its
// peak, which a profile taken at the end, after the work, no longer shows.
// For debugging only (MEDCHRON_HEAPPROFILE): reading the heap's size stops
// the world for a moment every sample.
func peakHeapProfile(path string) (stop func()) {
	done, finished := make(chan struct{}), make(chan struct{})
	var best bytes.Buffer
	go func() {
		defer close(finished)
		var peak uint64
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak+peak/10 {
				peak = ms.HeapAlloc
				best.Reset()
				_ = pprof.Lookup("heap").WriteTo(&best, 0)
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		if best.Len() > 0 {
			_ = os.WriteFile(path, best.Bytes(), 0o600)
		}
	}
}
