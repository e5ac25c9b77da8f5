package main

import (
	"runtime"
	"testing"

	"github.com/medchron/medchron/internal/lazyre"
)

// startAlloc is what the program's initialisation allocated: every package
// it links is initialised before this package's test variables are.
var startAlloc = func() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}()

// TestStartAllocatesLittle bounds what the program allocates before main
// runs, which every document reader process (the program started again,
// extract/sandbox) pays and keeps: the extraction's package-level regular
// expressions, compiled at start, made it 14.3 MB (7.3 MB of it still live
// after a collection), none of it used by a reader; 3.7 MB since.
func TestStartAllocatesLittle(t *testing.T) {
	const limit = 8 << 20
	if startAlloc > limit {
		t.Errorf("the program's initialisation allocated %.1f MB, want at most %d MB (GODEBUG=inittrace=1 medchron version: by package)",
			float64(startAlloc)/(1<<20), limit>>20)
	}
	t.Logf("initialisation allocated %.1f MB", float64(startAlloc)/(1<<20))
}

// TestExpressionsCompile compiles every regular expression the program
// compiles on first use: a bad one fails here, not in a user's run.
func TestExpressionsCompile(t *testing.T) {
	if err := lazyre.CompileAll(); err != nil {
		t.Fatal(err)
	}
}
