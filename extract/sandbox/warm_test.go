package sandbox

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestWarmStartsOneWorker: Warm leaves a running worker in the free slot,
// which then serves the first request; a second Warm starts no other.
func TestWarmStartsOneWorker(t *testing.T) {
	p := New(Config{Size: 1})
	defer p.Close()
	p.Warm()
	w := <-p.free
	if w == nil {
		t.Fatal("no worker started")
	}
	p.free <- w
	p.Warm()
	if again := <-p.free; again != w {
		t.Fatal("a second Warm replaced the running worker")
	} else {
		p.free <- again
	}
	good, err := os.ReadFile(repoFile(t, "testdata/bundles/small/born-digital.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if n, err := p.Inspect(context.Background(), "good.pdf", good); err != nil || n != 16 {
		t.Fatalf("first request: %d pages, %v", n, err)
	}
	if w.served != 1 {
		t.Errorf("the warm worker served %d requests, want 1", w.served)
	}
}

// TestWarmWorkerServesFirstRequestOfLargerPool: in a pool of two, the
// warm worker waits behind the other, empty slot; the first request takes
// it rather than starting a second process.
func TestWarmWorkerServesFirstRequestOfLargerPool(t *testing.T) {
	p := New(Config{Size: 2})
	defer p.Close()
	p.Warm()
	good, err := os.ReadFile(repoFile(t, "testdata/bundles/small/born-digital.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if n, err := p.Inspect(context.Background(), "good.pdf", good); err != nil || n != 16 {
		t.Fatalf("first request: %d pages, %v", n, err)
	}
	var running []*worker
	for range 2 {
		if w := <-p.free; w != nil {
			running = append(running, w)
		}
	}
	for range 2 - len(running) {
		p.free <- nil
	}
	for _, w := range running {
		p.free <- w
	}
	if len(running) != 1 || running[0].served != 1 {
		t.Fatalf("%d workers running after one request (want 1, the warm one, having served it)", len(running))
	}
}

// TestIdleWorkerRetires: a worker idle for IdleTimeout exits (its memory
// goes back to the system); the next request starts another, which serves
// it.
func TestIdleWorkerRetires(t *testing.T) {
	p := New(Config{Size: 1, IdleTimeout: 50 * time.Millisecond})
	defer p.Close()
	good, err := os.ReadFile(repoFile(t, "testdata/bundles/small/born-digital.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if n, err := p.Inspect(context.Background(), "good.pdf", good); err != nil || n != 16 {
		t.Fatalf("first request: %d pages, %v", n, err)
	}
	w := <-p.free
	p.free <- w
	if w == nil {
		t.Fatal("no worker running after the first request")
	}
	waitExited(t, w.cmd.Process.Pid, "its last request")
	if n, err := p.Inspect(context.Background(), "good.pdf", good); err != nil || n != 16 {
		t.Fatalf("request after the worker retired: %d pages, %v", n, err)
	}
}

// waitExited waits up to 30 s for process pid to exit, and fails the test
// when it does not: the worker still running that long after what.
func waitExited(t *testing.T, pid int, what string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for syscall.Kill(pid, 0) == nil {
		if time.Now().After(deadline) {
			t.Fatalf("worker %d still running 30 s after %s", pid, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestRestRetiresFreeWorkers: Rest ends the running workers at once,
// well before their idle timeout; the next request starts another.
func TestRestRetiresFreeWorkers(t *testing.T) {
	p := New(Config{Size: 1, IdleTimeout: time.Hour})
	defer p.Close()
	good, err := os.ReadFile(repoFile(t, "testdata/bundles/small/born-digital.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if n, err := p.Inspect(context.Background(), "good.pdf", good); err != nil || n != 16 {
		t.Fatalf("first request: %d pages, %v", n, err)
	}
	w := <-p.free
	p.free <- w
	if w == nil {
		t.Fatal("no worker running after the first request")
	}
	p.Rest()
	waitExited(t, w.cmd.Process.Pid, "Rest")
	if n, err := p.Inspect(context.Background(), "good.pdf", good); err != nil || n != 16 {
		t.Fatalf("request after Rest: %d pages, %v", n, err)
	}
}

// TestWorkerPastMemoryRecycled: a worker whose resident memory passed
// the pool's bound after a request is replaced at once, however few
// requests it served; under the bound it keeps serving.
func TestWorkerPastMemoryRecycled(t *testing.T) {
	good, err := os.ReadFile(repoFile(t, "testdata/bundles/small/born-digital.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		bound uint64
		kept  bool
	}{{1 << 40, true}, {1 << 20, false}} {
		p := New(Config{Size: 1})
		p.recycleAt = tt.bound
		if n, err := p.Inspect(context.Background(), "good.pdf", good); err != nil || n != 16 {
			t.Fatalf("request: %d pages, %v", n, err)
		}
		w := <-p.free
		p.free <- w
		if kept := w != nil; kept != tt.kept {
			t.Errorf("bound %d MB: worker kept %v, want %v", tt.bound>>20, kept, tt.kept)
		}
		p.Close()
	}
}

// TestDiedOutOfMemoryNamed: a worker that the memory limit stopped inside
// Go's runtime ("fatal error: runtime: cannot allocate memory", exit
// status 2), or unable to map a new thread's stack ("pthread_create
// failed", seen on a fresh machine), fails its request naming the memory,
// as one stopped by "out of memory" does, not as a crash.
func TestDiedOutOfMemoryNamed(t *testing.T) {
	for _, msg := range []string{"fatal error: out of memory", "fatal error: runtime: cannot allocate memory",
		"runtime/cgo: pthread_create failed: Resource temporarily unavailable", "panic: boom"} {
		cmd := exec.Command("sh", "-c", "echo '"+msg+"' >&2; exit 2")
		errs := &tail{}
		cmd.Stderr = errs
		in, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Until the shell has exited (a zombie, not yet waited for) and
		// its message has been read.
		stat := "/proc/" + strconv.Itoa(cmd.Process.Pid) + "/stat"
		for {
			b, _ := os.ReadFile(stat)
			if strings.Contains(string(b), ") Z ") && strings.Contains(errs.String(), msg) {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		p := &Pool{cfg: Config{Memory: 768 << 20}}
		err = p.died(&worker{cmd: cmd, in: in, errs: errs}, nil)
		if named := strings.Contains(err.Error(), "768 MB of memory"); named != (msg != "panic: boom") {
			t.Errorf("stderr %q: %v", msg, err)
		}
	}
}

// TestRecycledWorkerGoneBeforeItsSlotServes: a worker replaced after a
// request has exited before its slot serves again, so the pool never runs
// more readers than its size (a replaced reader still exiting beside its
// successor and the other reader took a 1,000-page run's sum of RSS 45 MB
// past its bound on a loaded machine).
func TestRecycledWorkerGoneBeforeItsSlotServes(t *testing.T) {
	good, err := os.ReadFile(repoFile(t, "testdata/bundles/small/born-digital.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	p := New(Config{Size: 1, IdleTimeout: time.Hour})
	defer p.Close()
	p.recycleAt = 1 << 40
	if n, err := p.Inspect(context.Background(), "good.pdf", good); err != nil || n != 16 {
		t.Fatalf("first request: %d pages, %v", n, err)
	}
	w := <-p.free
	p.free <- w
	if w == nil {
		t.Fatal("no worker running after the first request")
	}
	pid := w.cmd.Process.Pid
	p.recycleAt = 1 << 20
	if n, err := p.Inspect(context.Background(), "good.pdf", good); err != nil || n != 16 {
		t.Fatalf("second request: %d pages, %v", n, err)
	}
	slot := <-p.free // the slot, as the next request takes it
	p.free <- slot
	if slot != nil {
		t.Fatal("the worker past its bound was kept")
	}
	if err := syscall.Kill(pid, 0); err == nil {
		t.Errorf("the replaced worker %d still runs when its slot is free again", pid)
	}
}
