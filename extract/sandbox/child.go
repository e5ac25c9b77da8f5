package sandbox

import (
	"context"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"syscall"
	"time"

	"github.com/medchron/medchron/extract/ocr"
)

// Environment of a worker process.
const (
	envWorker = "MEDCHRON_SANDBOX_WORKER" // "1" in a worker
	envMemory = "MEDCHRON_SANDBOX_MEMORY" // address-space limit, bytes
	envCPU    = "MEDCHRON_SANDBOX_CPU"    // CPU seconds per request
	envDPI    = "MEDCHRON_SANDBOX_DPI"
	envLang   = "MEDCHRON_SANDBOX_LANG"
)

// exitCPU is a worker's exit status when a request passed its CPU limit.
const exitCPU = 75

// capable is set when the program called RunIfChild: its executable then
// serves as a worker process.
var capable bool

// RunIfChild turns the process into a worker when it was started as one by
// a Pool, serving requests on its standard input and output until the
// input closes, then exits; otherwise it returns at once and records that
// this program can start workers. Call it first thing in main (and in
// TestMain of packages whose tests start pools), before any goroutine
// starts work.

// maxStack is a reader goroutine's largest stack: deep enough for any
// real document's nesting (hundreds of thousands of frames), small enough
// that endless recursion ends in about a second.
const maxStack = 64 << 20

func RunIfChild() {
	if os.Getenv(envWorker) != "1" {
		capable = true
		return
	}
	os.Exit(serveChild())
}

func serveChild() int {
	// The protocol owns the original standard output; anything a library
	// prints to file descriptor 1 goes to standard error instead.
	proto, err := syscall.Dup(1)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sandbox worker:", err)
		return 1
	}
	if err := syscall.Dup2(2, 1); err != nil {
		fmt.Fprintln(os.Stderr, "sandbox worker:", err)
		return 1
	}
	out := os.NewFile(uintptr(proto), "protocol")
	mem, _ := strconv.ParseUint(os.Getenv(envMemory), 10, 64)
	if mem > 0 {
		// RLIMIT_DATA counts the heap and private writable mappings, which
		// is what decoders allocate; address space merely reserved (Go's
		// arenas, glibc's per-thread arenas) is not, so it bounds memory
		// used without failing on reservations. RLIMIT_AS backs it up.
		for _, l := range []struct {
			res int
			max uint64
		}{{syscall.RLIMIT_DATA, mem}, {syscall.RLIMIT_AS, mem + 4<<30}} {
			lim := syscall.Rlimit{Cur: l.max, Max: l.max}
			if err := syscall.Setrlimit(l.res, &lim); err != nil {
				fmt.Fprintln(os.Stderr, "sandbox worker: memory limit:", err)
				return 1
			}
		}
	}
	cpu, _ := strconv.Atoi(os.Getenv(envCPU))
	xcpu := make(chan os.Signal, 1)
	signal.Notify(xcpu, syscall.SIGXCPU)
	go func() {
		<-xcpu
		fmt.Fprintln(os.Stderr, "sandbox worker: CPU limit reached")
		os.Exit(exitCPU)
	}()
	// Collect garbage before the Go heap grows past a page's worth of
	// images: the limit above is for what decoders truly need.
	debug.SetMemoryLimit(96 << 20)
	// A parser that recurses without end (a pattern painting with itself,
	// a cycle a validator follows) dies at maxStack in a second instead of
	// growing its stack towards Go's 1 GB default for minutes.
	debug.SetMaxStack(maxStack)
	dpi, _ := strconv.Atoi(os.Getenv(envDPI))
	local := &Local{DPI: dpi, OCR: ocr.Options{Language: os.Getenv(envLang)}}
	defer local.Close()
	dec := gob.NewDecoder(os.Stdin)
	enc := gob.NewEncoder(out)
	for {
		var req request
		if err := dec.Decode(&req); err != nil {
			if err == io.EOF {
				return 0
			}
			fmt.Fprintln(os.Stderr, "sandbox worker: read:", err)
			return 1
		}
		if cpu > 0 {
			limitCPU(cpu)
		}
		res := handle(local, req)
		if err := enc.Encode(res); err != nil {
			fmt.Fprintln(os.Stderr, "sandbox worker: write:", err)
			return 1
		}
	}
}

// limitCPU sets the soft CPU limit to what the process has used plus
// budget seconds: past it the kernel sends SIGXCPU, and the worker exits.
// Programs the request starts (pdftoppm, pdfimages) inherit the limit.
func limitCPU(budget int) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return
	}
	used := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	var lim syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_CPU, &lim) != nil {
		return
	}
	cur := uint64(used.Seconds()) + uint64(budget) + 1
	if lim.Max != ^uint64(0) && cur > lim.Max {
		cur = lim.Max
	}
	lim.Cur = cur
	_ = syscall.Setrlimit(syscall.RLIMIT_CPU, &lim)
}

// handle performs one request.
func handle(l *Local, req request) (res response) {
	ctx := context.Background()
	var err error
	switch req.Op {
	case opInspect:
		if req.Data == nil && req.Path != "" { // InspectFile
			res.N, res.Weights, err = l.InspectFile(ctx, req.Name, req.Path)
			break
		}
		res.N, err = l.Inspect(ctx, req.Name, req.Data)
	case opText:
		res.Pages, err = l.TextLayer(ctx, req.Path)
	case opImage:
		res.Data, res.N, err = l.PageImage(ctx, req.Path, req.Page)
	case opOCR:
		res.Page, err = l.Recognize(ctx, req.Data, req.DPI, req.DocID, req.Page)
	case opOCRPage:
		res.Page, err = l.OCRPage(ctx, req.Path, req.Page, req.DocID)
	case opRender:
		res.Data, err = l.RenderPage(ctx, req.Data, req.Page, req.DPI)
	case opCrash:
		syscall.Kill(os.Getpid(), syscall.SIGABRT)
		time.Sleep(time.Minute) // the signal is handled on another thread
	case opHog:
		var keep [][]byte
		for {
			keep = append(keep, make([]byte, 64<<20))
			for _, b := range keep {
				b[len(b)-1] = 1
			}
		}
	default:
		err = fmt.Errorf("unknown request %q", req.Op)
	}
	res.Err = toWire(err)
	return res
}
