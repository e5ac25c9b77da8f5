package sandbox

import (
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/imagedoc"
	"github.com/medchron/medchron/extract/pdf"

	"github.com/medchron/medchron/internal/procattr"
)

// ErrWorkerDied reports a request whose worker process ended before it
// answered: it ran out of memory, passed its CPU limit or crashed in a
// decoder. Only that request fails; the pool starts a new worker.
var ErrWorkerDied = errors.New("the document reader process stopped")

// Config sets up a Pool.
type Config struct {
	// Size is the number of worker processes (1 by default); each holds
	// one Tesseract client once it has OCR'd a page.
	Size int
	// Memory caps each worker's data (heap and private mappings), in bytes (MemoryDefault
	// when 0); tools a worker starts (pdftoppm, pdftotext, pdfimages)
	// inherit the cap.
	Memory uint64
	// CPU caps the CPU time of one request, in seconds (CPUDefault when
	// 0).
	CPU int
	// DPI is the resolution PDF pages are rendered at for OCR (300 when 0).
	DPI int
	// Language is Tesseract's language ("eng" when empty).
	Language string
	// InProcess reads files in the calling process instead of worker
	// processes, without the workers' limits: for debugging only
	// (medchron sets it from MEDCHRON_SANDBOX=off).
	InProcess bool
	// IdleTimeout ends a worker that served no request for that long
	// (IdleTimeoutDefault when 0): a worker holds Tesseract's model and
	// the memory its last pages took (some 90 MB), which the chronology
	// built after the last page is OCR'd, or a server between uploads,
	// has better use for. The next request starts a worker again.
	IdleTimeout time.Duration
}

// Defaults for Config.
const (
	MemoryDefault      = 1536 << 20
	CPUDefault         = 120
	IdleTimeoutDefault = 3 * time.Second
)

// Pool runs record-file parsing, rendering and OCR in worker processes
// (the running executable started again, see RunIfChild) under memory and
// CPU limits, one request at a time per worker, so that a hostile or
// broken file costs at most one worker, never the calling process. It has
// the methods of Local.
type Pool struct {
	cfg       Config
	recycleAt uint64 // resident memory past which a worker is replaced (recycleResident)
	exe       string
	free      chan *worker // nil entries are workers to start
	local     *Local       // when the program cannot start workers
	closed    chan struct{}
	once      sync.Once
}

// New returns a pool; workers start on first use. When the program did
// not call RunIfChild, or cfg.InProcess is set, the pool reads files in
// the calling process.
func New(cfg Config) *Pool {
	cfg.Size = max(cfg.Size, 1)
	if cfg.Memory == 0 {
		cfg.Memory = MemoryDefault
	}
	if cfg.CPU <= 0 {
		cfg.CPU = CPUDefault
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = IdleTimeoutDefault
	}
	p := &Pool{cfg: cfg, recycleAt: recycleResident, free: make(chan *worker, cfg.Size), closed: make(chan struct{})}
	exe, err := os.Executable()
	if !capable || err != nil || cfg.InProcess {
		p.local = &Local{DPI: cfg.DPI, Clients: cfg.Size, OCR: ocrOptions(cfg)}
	}
	p.exe = exe
	if p.local == nil {
		// The text layer is read here: pdftotext (the part that parses
		// the file) runs under the workers' limits.
		pdf.LimitTools(cfg.Memory+1<<30, cfg.CPU)
	}
	if p.local == nil {
		go p.reapIdle()
	}
	for range cfg.Size {
		p.free <- nil
	}
	return p
}

// Isolated reports whether requests run in worker processes.
func (p *Pool) Isolated() bool { return p.local == nil }

// recycleAfter is how many requests a worker serves before it is replaced:
// Tesseract and the C allocator keep memory they freed, so a worker's
// footprint creeps up over hundreds of pages; a fresh one costs a few
// hundred milliseconds.
const recycleAfter = 50

// recycleResident is the resident memory past which a worker is replaced
// after its request, however few it served: a page of a large scan can
// leave Tesseract and the C allocator holding tens of megabytes more, and
// the readers' memory, two at a time beside the program, is most of what
// a scanned bundle costs.
const recycleResident = 112 << 20

// resident returns the worker's resident memory in bytes, or 0 when it
// cannot be read (no /proc).
func (w *worker) resident() uint64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(w.cmd.Process.Pid) + "/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	n, _ := strconv.ParseUint(f[1], 10, 64)
	return n * uint64(os.Getpagesize())
}

// worker is one running worker process.
type worker struct {
	served int
	idle   time.Time // when it last finished a request
	cmd    *exec.Cmd
	in     io.WriteCloser
	enc    *gob.Encoder
	dec    *gob.Decoder
	errs   *tail
}

func (p *Pool) start() (*worker, error) {
	cmd := exec.Command(p.exe)
	procattr.DieWithParent(cmd) // a killed medchron leaves no reader behind
	cmd.Env = p.workerEnv(os.Environ())
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	t := &tail{}
	cmd.Stderr = t
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start document reader process: %w", err)
	}
	return &worker{cmd: cmd, in: in, enc: gob.NewEncoder(in), dec: gob.NewDecoder(out), errs: t, idle: time.Now()}, nil
}

// workerEnv is a worker's environment: the program's, environ, with the
// worker's settings, and OMP_THREAD_LIMIT=1 unless environ sets it (the
// worker loads Tesseract, whose OpenMP runtime reads it only at load: the
// program itself does not set it, see cmd/medchron).
func (p *Pool) workerEnv(environ []string) []string {
	env := append(environ,
		envWorker+"=1",
		envMemory+"="+strconv.FormatUint(p.cfg.Memory, 10),
		envCPU+"="+strconv.Itoa(p.cfg.CPU),
		envDPI+"="+strconv.Itoa(p.cfg.DPI),
		envLang+"="+p.cfg.Language,
		// One glibc arena (fewer reserved, too): the Go threads that call
		// into Tesseract in turn otherwise take memory from two arenas,
		// and what one frees the other does not reuse. 1,000 fax pages:
		// the largest reader 118.4 -> 114.9 MB, the program and its two
		// readers 310.0 -> 297.4 MB at the peak, CPU the same
		// (BENCHMARKS.md, 2026-12-07 mem12b).
		"MALLOC_ARENA_MAX=1",
	)
	for _, kv := range environ {
		if strings.HasPrefix(kv, "OMP_THREAD_LIMIT=") {
			return env
		}
	}
	return append(env, "OMP_THREAD_LIMIT=1")
}

// Warm starts a worker ahead of the first request when none is running and
// one is free, so that the program's start in the new process (some 100 ms
// of CPU) overlaps the caller's own work instead of delaying that request.
// It does nothing when the pool reads files in the calling process.
func (p *Pool) Warm() {
	if p.local != nil {
		return
	}
	select {
	case w := <-p.free:
		if w == nil {
			w, _ = p.start() // a failure is the first request's to report
		}
		p.free <- w
	default:
	}
}

// Rest ends, at once, every worker not serving a request, as the idle
// timeout would a little later, and returns when they have exited: a
// caller that has read all it will read for a while (a run's pages,
// before it writes its outputs) gives their memory back before its own
// work grows (a worker takes a second or so to exit). A later request
// starts a worker again. It does nothing when the pool reads files in the
// calling process.
func (p *Pool) Rest() {
	if p.local != nil {
		return
	}
	var wg sync.WaitGroup
	for range p.cfg.Size {
		select {
		case w := <-p.free:
			if w != nil {
				wg.Go(w.retire)
			}
			p.free <- nil
		default: // serving a request
		}
	}
	wg.Wait()
}

// retire ends an idle worker: its input closes and it exits.
func (w *worker) retire() {
	w.in.Close()
	done := make(chan struct{})
	go func() { _ = w.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = w.cmd.Process.Kill()
		<-done
	}
}

// reapIdle retires, every so often until the pool closes, the free
// workers that have been idle for cfg.IdleTimeout.
func (p *Pool) reapIdle() {
	t := time.NewTicker(max(p.cfg.IdleTimeout/4, 10*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-p.closed:
			return
		case <-t.C:
		}
		for range p.cfg.Size {
			var w *worker
			select {
			case w = <-p.free:
			default:
				continue // every slot is serving a request
			}
			if w != nil && time.Since(w.idle) >= p.cfg.IdleTimeout {
				p.retireInSlot(w)
				continue
			}
			p.free <- w
		}
	}
}

// retireInSlot retires w, whose slot the caller holds, and gives the slot
// back once w has exited: a successor started beside it would run one
// reader more than the pool's size.
func (p *Pool) retireInSlot(w *worker) {
	go func() {
		w.retire()
		p.free <- nil
	}()
}

// kill ends a worker and waits for it.
func (w *worker) kill() error {
	w.in.Close()
	_ = w.cmd.Process.Kill()
	return w.cmd.Wait()
}

// do sends one request to a free worker and waits for its answer, or for
// ctx, which kills the worker.
func (p *Pool) do(ctx context.Context, req request) (response, error) {
	var w *worker
	select {
	case <-p.closed:
		return response{}, errors.New("document reader pool is closed")
	case <-ctx.Done():
		return response{}, ctx.Err()
	case w = <-p.free:
	}
	if w == nil {
		w = p.running()
	}
	if w == nil {
		var err error
		if w, err = p.start(); err != nil {
			p.free <- nil
			return response{}, err
		}
	}
	type result struct {
		res response
		err error
	}
	done := make(chan result, 1)
	w.errs.reset()
	go func() {
		var r result
		if r.err = w.enc.Encode(req); r.err == nil {
			r.err = w.dec.Decode(&r.res)
		}
		done <- r
	}()
	select {
	case r := <-done:
		if r.err != nil {
			p.free <- nil
			return response{}, p.died(w, r.err)
		}
		if w.served++; w.served >= recycleAfter || w.resident() > p.recycleAt {
			p.retireInSlot(w) // the caller has its answer already
			return r.res, r.res.Err.err()
		}
		w.idle = time.Now()
		p.free <- w
		return r.res, r.res.Err.err()
	case <-ctx.Done():
		// The caller has given up and will never read the answer: the
		// worker is killed at once rather than left to finish (which would
		// make the next request wait behind abandoned work and, under a
		// per-page deadline, time out in turn). The next request starts a
		// fresh worker.
		_ = w.kill()
		<-done
		p.free <- nil
		return response{}, ctx.Err()
	}
}

// running swaps the empty slot a request took for a running worker when
// one is free: the worker Warm started waits behind the empty slots it was
// started beside, and a request that started another process beside it
// would pay for a second start (some 100 ms of CPU). It returns nil, the
// empty slot still held, when no running worker is free.
func (p *Pool) running() *worker {
	for range cap(p.free) - 1 {
		select {
		case w := <-p.free:
			if w != nil {
				p.free <- nil // the slot taken, given back
				return w
			}
			p.free <- w
		default:
			return nil
		}
	}
	return nil
}

// died turns a worker's end into an error that says why, for the one
// request it was serving.
func (p *Pool) died(w *worker, ioErr error) error {
	waitErr := w.kill()
	why := "it crashed"
	var ee *exec.ExitError
	if errors.As(waitErr, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok {
			switch {
			case ws.Exited() && ws.ExitStatus() == exitCPU:
				why = fmt.Sprintf("it used more than %d s of CPU", p.cfg.CPU)
			case ws.Exited() && strings.Contains(w.errs.String(), "stack exceeds"):
				why = "the file nests its structure without end (stack limit reached)"
			case ws.Exited() && outOfMemory(w.errs.String()):
				why = fmt.Sprintf("it needed more than %d MB of memory", p.cfg.Memory>>20)
			case ws.Signaled() && ws.Signal() == syscall.SIGKILL:
				why = "it was killed (out of memory or CPU time)"
			case ws.Signaled() && ws.Signal() == syscall.SIGABRT:
				why = fmt.Sprintf("it aborted (often: more than %d MB of memory)", p.cfg.Memory>>20)
			}
		}
	}
	_ = ioErr
	return fmt.Errorf("%w: %s", ErrWorkerDied, why)
}

// outOfMemory reports whether a worker's standard error tells it ran out
// of memory: Go's "fatal error: out of memory", "runtime: cannot allocate
// memory" when the limit is hit by the runtime's own allocation, or
// "pthread_create failed" when, under the address-space limit, a new
// thread's stack could not be mapped (the runtime then aborts).
func outOfMemory(stderr string) bool {
	return strings.Contains(stderr, "out of memory") || strings.Contains(stderr, "cannot allocate memory") ||
		strings.Contains(stderr, "pthread_create failed")
}

// Close ends the workers.
func (p *Pool) Close() error {
	p.once.Do(func() {
		close(p.closed)
		for range p.cfg.Size {
			if w := <-p.free; w != nil {
				w.retire()
			}
		}
		if p.local != nil {
			_ = p.local.Close()
		}
	})
	return nil
}

// Inspect validates a record file and returns its page count.
func (p *Pool) Inspect(ctx context.Context, name string, data []byte) (int, error) {
	if p.local != nil {
		return p.local.Inspect(ctx, name, data)
	}
	res, err := p.do(ctx, request{Op: opInspect, Name: name, Data: data})
	if errors.Is(err, ErrWorkerDied) {
		return 0, &pdf.FileError{File: name, Detail: "could not be inspected: " + err.Error(), Err: pdf.ErrCorrupt}
	}
	return res.N, err
}

// InspectFile is Inspect on the file at path, read by the worker: the
// calling process never holds the file (a 200 MB upload would cost it as
// much, twice over with the request's encoding), and the worker reads a
// PDF as its parser asks for it, never whole. It also returns the pages'
// weights (see Local.InspectFile).
func (p *Pool) InspectFile(ctx context.Context, name, path string) (pages int, weights []int64, err error) {
	if p.local != nil {
		return p.local.InspectFile(ctx, name, path)
	}
	res, err := p.do(ctx, request{Op: opInspect, Name: name, Path: path})
	if errors.Is(err, ErrWorkerDied) {
		return 0, nil, &pdf.FileError{File: name, Detail: "could not be inspected: " + err.Error(), Err: pdf.ErrCorrupt}
	}
	return res.N, res.Weights, err
}

// TextLayer returns every page with its text layer (pdftotext, under the
// workers' limits, started from this process: sending every word of a long
// document between processes costs more than reading it). An image
// document's pages are counted in a worker.
func (p *Pool) TextLayer(ctx context.Context, path string) ([]extract.Page, error) {
	if p.local != nil {
		return p.local.TextLayer(ctx, path)
	}
	if imagedoc.SniffFile(path) == "" {
		return pdf.TextLayer(ctx, path)
	}
	res, err := p.do(ctx, request{Op: opText, Path: path})
	return res.Pages, err
}

// PageImage returns the image of one page to OCR and its resolution.
func (p *Pool) PageImage(ctx context.Context, path string, page int) ([]byte, int, error) {
	if p.local != nil {
		return p.local.PageImage(ctx, path, page)
	}
	res, err := p.do(ctx, request{Op: opImage, Path: path, Page: page})
	return res.Data, res.N, err
}

// Recognize OCRs a page image in a worker.
func (p *Pool) Recognize(ctx context.Context, img []byte, dpi int, docID string, page int) (extract.Page, error) {
	if p.local != nil {
		return p.local.Recognize(ctx, img, dpi, docID, page)
	}
	res, err := p.do(ctx, request{Op: opOCR, Data: img, DPI: dpi, DocID: docID, Page: page})
	return res.Page, err
}

// OCRPage reads one page of the file at path in a worker: its image and
// its words, in one step.
func (p *Pool) OCRPage(ctx context.Context, path string, page int, docID string) (extract.Page, error) {
	if p.local != nil {
		return p.local.OCRPage(ctx, path, page, docID)
	}
	res, err := p.do(ctx, request{Op: opOCRPage, Path: path, Page: page, DocID: docID})
	return res.Page, err
}

// RenderPage draws a page of the record file in data as a PNG at dpi.
func (p *Pool) RenderPage(ctx context.Context, data []byte, page, dpi int) ([]byte, error) {
	if p.local != nil {
		return p.local.RenderPage(ctx, data, page, dpi)
	}
	res, err := p.do(ctx, request{Op: opRender, Data: data, Page: page, DPI: dpi})
	return res.Data, err
}

// tail keeps the first few kilobytes a worker wrote to standard error
// during its current request (where a Go runtime or a C library says why
// it stopped).
type tail struct {
	mu  sync.Mutex
	buf []byte
}

func (t *tail) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if room := 4<<10 - len(t.buf); room > 0 {
		t.buf = append(t.buf, b[:min(len(b), room)]...)
	}
	return len(b), nil
}

func (t *tail) reset() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = t.buf[:0]
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}
