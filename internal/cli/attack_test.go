package cli

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/medchron/medchron/internal/hostile"
)

// vmHWM reads a process's peak resident memory (VmHWM) in MB; resetPeak
// starts it again from the current resident size.
func vmHWM(pid int) int {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.Atoi(f[1])
			return kb >> 10
		}
	}
	return 0
}

func resetPeak(pid int) { os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0) }

// children lists the pids whose parent is pid (the reader processes).
func children(pid int) []int {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
	var out []int
	for _, f := range strings.Fields(string(b)) {
		if n, err := strconv.Atoi(f); err == nil {
			out = append(out, n)
		}
	}
	return out
}

// TestServeUnderAttack replays the attacks on "medchron serve"
// (embedded, loopback, one OCR worker) and reports what each costs the
// server process and its reader processes: a 200 MB upload, a 1 MB
// zip-bomb PDF uploaded twice at once, forty sign-ins at once, and a
// sign-in body that never ends; /healthz is asked throughout. It runs in
// make bench (MEDCHRON_ATTACK=1) and writes its figures to the log that
// scripts/security.sh copies into SECURITY.md.
func TestServeUnderAttack(t *testing.T) {
	if os.Getenv("MEDCHRON_ATTACK") != "1" {
		t.Skip("set MEDCHRON_ATTACK=1 (make bench runs it)")
	}
	tmp := t.TempDir()
	env := []string{"MEDCHRON_API_TOKEN=tok", "XDG_CACHE_HOME=" + tmp, "TMPDIR=" + filepath.Join(tmp, "tmp"), "MEDCHRON_KEY_FILE=" + filepath.Join(tmp, "k")}
	os.MkdirAll(filepath.Join(tmp, "tmp"), 0o700)
	db := filepath.Join(tmp, "data", "m.db")
	add := exec.Command(binary(t), "user", "add", "victim", "--role", "attorney", "--db", db)
	add.Env = append(os.Environ(), env...)
	add.Stdin = strings.NewReader("correct horse battery staple\n")
	if out, err := add.CombinedOutput(); err != nil {
		t.Fatalf("user add: %v\n%s", err, out)
	}
	addr := freeAddr(t)
	p := start(t, env, "serve", "--db", db, "--addr", addr, "--workers", "1")
	base := "http://" + addr
	waitHealthy(t, base)
	pid := p.cmd.Process.Pid

	var healthMax time.Duration
	var hmu sync.Mutex
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-time.After(200 * time.Millisecond):
			}
			s := time.Now()
			if res, err := http.Get(base + "/healthz"); err == nil {
				res.Body.Close()
			} else {
				t.Errorf("healthz: %v", err)
			}
			hmu.Lock()
			healthMax = max(healthMax, time.Since(s))
			hmu.Unlock()
		}
	}()
	defer close(stop)
	report := func(what string, took time.Duration) {
		readers := 0
		for _, c := range children(pid) {
			readers = max(readers, vmHWM(c))
		}
		hmu.Lock()
		t.Logf("attack: %s: server peak %d MB, reader peak %d MB, %s, /healthz slowest %s", what, vmHWM(pid), readers, took.Round(100*time.Millisecond), healthMax.Round(time.Millisecond))
		healthMax = 0
		hmu.Unlock()
		resetPeak(pid)
		for _, c := range children(pid) {
			resetPeak(c)
		}
	}
	upload := func(matter, name string, body io.Reader) (int, string) {
		pr, pw := io.Pipe()
		mw := multipart.NewWriter(pw)
		go func() {
			w, _ := mw.CreateFormFile("file", name)
			io.Copy(w, body)
			mw.Close()
			pw.Close()
		}()
		req, _ := http.NewRequest("POST", base+"/api/matters/"+matter+"/documents", pr)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Authorization", "Bearer tok")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("upload %s: %v", name, err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	resetPeak(pid)

	// A 200 MB upload.
	s := time.Now()
	big := io.MultiReader(strings.NewReader("%PDF-1.7\n"), io.LimitReader(zeroReader{}, 200<<20), strings.NewReader("\n%%EOF\n"))
	code, body := upload("big", "big.pdf", big)
	report(fmt.Sprintf("a 200 MB upload (answer %d)", code), time.Since(s))
	if code != http.StatusAccepted {
		t.Errorf("200 MB upload: %d %.300s", code, body)
	}
	a := api{t: t, base: base}
	a.waitDone("big", 30*time.Minute)
	report("processing the 200 MB upload (refused by the reader: not a PDF inside)", time.Since(s))

	// The zip bomb, twice at once.
	var bomb []byte
	for _, c := range hostile.Cases() {
		if c.File == "zip-bomb-content.pdf" {
			bomb, _ = c.Make()
		}
	}
	s = time.Now()
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Go(func() {
			code, body := upload("bomb", fmt.Sprintf("bomb-%d.pdf", i), bytes.NewReader(append(bomb, fmt.Sprintf("%% copy %d\n%%%%EOF\n", i)...)))
			if code != http.StatusAccepted {
				t.Errorf("bomb upload: %d %.300s", code, body)
			}
		})
	}
	wg.Wait()
	report("two 1 MB zip-bomb PDFs (1 GiB page stream) uploaded at once: the upload", time.Since(s))
	a.waitDone("bomb", 30*time.Minute)
	report("processing the two zip bombs", time.Since(s))

	// Forty sign-ins at once with unknown usernames.
	s = time.Now()
	codes := map[int]int{}
	var cmu sync.Mutex
	for i := range 40 {
		wg.Go(func() {
			res, err := http.PostForm(base+"/signin", url.Values{"username": {fmt.Sprintf("nobody%02d", i)}, "password": {"guess guess guess"}})
			if err != nil {
				t.Errorf("sign-in: %v", err)
				return
			}
			res.Body.Close()
			cmu.Lock()
			codes[res.StatusCode]++
			cmu.Unlock()
		})
	}
	wg.Wait()
	report(fmt.Sprintf("forty sign-ins at once (answers %v)", codes), time.Since(s))

	// A sign-in body that never ends.
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(conn, "POST /signin HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nusername=a")
	s = time.Now()
	conn.SetReadDeadline(time.Now().Add(3 * time.Minute))
	io.ReadAll(conn)
	conn.Close()
	report("an unfinished sign-in body: held until the server closed it", time.Since(s))
	if entries, _ := os.ReadDir(filepath.Join(tmp, "tmp")); len(entries) > 0 {
		t.Errorf("the server wrote %d file(s) to the temporary folder", len(entries))
	}
}

// zeroReader reads zeros.
type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
