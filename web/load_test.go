package web_test

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
)

// loadScale is how hard a loopback load run pushes.
type loadScale struct {
	signIns, uploads, renders int
	uploadMB                  int
}

// loadFigures are what a load run measured.
type loadFigures struct {
	peakHeapMB, peakRSSMB float64
	healthzMax            time.Duration
	times                 map[string][]time.Duration
	codes                 map[string]map[int]int
}

func (f *loadFigures) add(kind string, code int, d time.Duration, mu *sync.Mutex) {
	mu.Lock()
	defer mu.Unlock()
	f.times[kind] = append(f.times[kind], d)
	if f.codes[kind] == nil {
		f.codes[kind] = map[int]int{}
	}
	f.codes[kind][code]++
}

// pct is the p-th percentile of ds.
func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, len(s)*p/100)]
}

// rssMB is this process's resident memory now.
func rssMB() float64 {
	b, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.Atoi(f[1])
			return float64(kb) / 1024
		}
	}
	return 0
}

// runLoad starts a server with a processed matter and sends, all at once:
// sign-ins with unknown usernames, uploads of junk PDFs, and page image
// requests; meanwhile it asks /healthz every 100 ms and samples the heap.
func runLoad(t *testing.T, sc loadScale) loadFigures {
	env := newReviewEnv(t)
	att := env.signIn(t, "loadatt", access.RoleAttorney, true)
	f := loadFigures{times: map[string][]time.Duration{}, codes: map[string]map[int]int{}}
	var mu sync.Mutex
	stop := make(chan struct{})
	var probes sync.WaitGroup
	probes.Go(func() { // healthz and memory
		for {
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Millisecond):
			}
			start := time.Now()
			if res, err := http.Get(env.srv.URL + "/healthz"); err == nil {
				res.Body.Close()
			} else {
				t.Errorf("healthz: %v", err)
			}
			d := time.Since(start)
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			mu.Lock()
			f.healthzMax = max(f.healthzMax, d)
			f.peakHeapMB = max(f.peakHeapMB, float64(ms.HeapInuse)/(1<<20))
			f.peakRSSMB = max(f.peakRSSMB, rssMB())
			mu.Unlock()
		}
	})
	var wg sync.WaitGroup
	for i := range sc.signIns {
		wg.Go(func() {
			start := time.Now()
			res, _ := env.anonymousClient(t).form("/signin", url.Values{"username": {fmt.Sprintf("nobody%03d", i)}, "password": {"not a password at all"}})
			f.add("sign-in", res.StatusCode, time.Since(start), &mu)
		})
	}
	for i := range sc.uploads {
		wg.Go(func() {
			pr, pw := io.Pipe()
			mw := multipart.NewWriter(pw)
			go func() {
				w, _ := mw.CreateFormFile("file", fmt.Sprintf("junk-%d.pdf", i))
				w.Write([]byte("%PDF-1.7\n"))
				chunk := bytes.Repeat([]byte{byte('a' + i)}, 1<<20)
				for range sc.uploadMB {
					w.Write(chunk)
				}
				w.Write([]byte("\n%%EOF\n"))
				mw.Close()
				pw.Close()
			}()
			req, _ := http.NewRequest("POST", env.srv.URL+"/matters/"+env.matter+"/documents", pr)
			req.Header.Set("Content-Type", mw.FormDataContentType())
			req.Header.Set("X-CSRF-Token", att.csrf)
			req.Header.Set("X-Requested-With", "XMLHttpRequest")
			start := time.Now()
			res, _ := att.do(req)
			f.add("upload", res.StatusCode, time.Since(start), &mu)
		})
	}
	docs, _ := env.store.MatterDocuments(t.Context(), env.matter)
	for i := range sc.renders {
		wg.Go(func() {
			start := time.Now()
			res, _ := att.get(fmt.Sprintf("/matters/%s/documents/%s/pages/%d/image.png?dpi=150", env.matter, docs[0].ID, 1+i%docs[0].Pages))
			f.add("page image", res.StatusCode, time.Since(start), &mu)
		})
	}
	wg.Wait()
	close(stop)
	probes.Wait()
	return f
}

// anonymousClient is a signed-out browser on the review environment.
func (env *reviewEnv) anonymousClient(t *testing.T) *client { return &client{t: t, base: env.srv.URL} }

// TestLoopbackLoad sends sign-ins, uploads and page renders at once and
// holds the server to generous bounds: the heap stays far below what
// unbounded hashing (64 MiB each) or buffered uploads would take, every
// request is answered (refusals are 429 or 503, never a hang), and
// /healthz keeps answering. make bench runs it harder
// (MEDCHRON_LOAD=bench: 40 sign-ins, 8 uploads of 64 MB, 40 page images)
// and writes the figures it logs to SECURITY.md.
func TestLoopbackLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	sc := loadScale{signIns: 30, uploads: 6, renders: 16, uploadMB: 16}
	if os.Getenv("MEDCHRON_LOAD") == "bench" {
		sc = loadScale{signIns: 40, uploads: 8, renders: 40, uploadMB: 64}
	}
	f := runLoad(t, sc)
	if f.peakHeapMB > 450 {
		t.Errorf("heap peaked at %.0f MB", f.peakHeapMB)
	}
	if f.healthzMax > 10*time.Second {
		t.Errorf("/healthz took up to %s", f.healthzMax)
	}
	for kind, ds := range f.times {
		if worst := pct(ds, 100); worst > 2*time.Minute {
			t.Errorf("%s: slowest answer %s", kind, worst)
		}
		for code, n := range f.codes[kind] {
			switch {
			case code == http.StatusInternalServerError, code == 0:
				t.Errorf("%s: %d answers with status %d", kind, n, code)
			}
		}
	}
	if f.codes["sign-in"][http.StatusUnauthorized] > 20 {
		t.Errorf("sign-ins from one address: %v, want at most 20 checked", f.codes["sign-in"])
	}
	if f.codes["upload"][http.StatusServiceUnavailable] == 0 {
		t.Errorf("uploads: %v, want some refused with 503 beyond the %d running at once", f.codes["upload"], 4)
	}
	t.Logf("load: %d sign-ins, %d uploads of %d MB, %d page images at once", sc.signIns, sc.uploads, sc.uploadMB, sc.renders)
	t.Logf("load: heap peak %.0f MB, RSS peak %.0f MB, /healthz slowest %s", f.peakHeapMB, f.peakRSSMB, f.healthzMax.Round(time.Millisecond))
	for _, k := range []string{"sign-in", "upload", "page image"} {
		t.Logf("load: %s: p50 %s, p95 %s, slowest %s, answers %v", k, pct(f.times[k], 50).Round(time.Millisecond),
			pct(f.times[k], 95).Round(time.Millisecond), pct(f.times[k], 100).Round(time.Millisecond), f.codes[k])
	}
}
