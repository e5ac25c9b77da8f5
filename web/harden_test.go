package web_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/internal/hostile"
)

// TestSignInLockoutIsAtomic: twenty wrong passwords for one user sent at
// once: at most five are checked (401), the rest are refused before any
// hashing (429); then even the right password is refused.
func TestSignInLockoutIsAtomic(t *testing.T) {
	env := newAcctEnv(t)
	env.user(t, "carol", access.RoleAttorney)
	codes := map[int]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			res, _ := env.anonymous(t).form("/signin", url.Values{"username": {"carol"}, "password": {fmt.Sprintf("wrong guess %02d", i)}})
			mu.Lock()
			codes[res.StatusCode]++
			mu.Unlock()
		})
	}
	wg.Wait()
	// A loaded machine may answer some with 503 (no hashing slot within
	// the wait): those were not checked and do not count.
	if codes[http.StatusUnauthorized] > 5 || codes[http.StatusTooManyRequests] < 15-codes[http.StatusServiceUnavailable] {
		t.Errorf("20 parallel wrong passwords: %v, want at most 5 × 401 and the rest 429 (or 503)", codes)
	}
	for i := codes[http.StatusUnauthorized]; i < 5; i++ {
		env.anonymous(t).form("/signin", url.Values{"username": {"carol"}, "password": {"one more wrong guess"}})
	}
	res, body := env.anonymous(t).form("/signin", url.Values{"username": {"carol"}, "password": {acctPassword}})
	want(t, "right password after the lockout", res, body, http.StatusTooManyRequests, "")
}

// TestUploadCannotRewriteSettings: a paralegal's API upload with new
// settings and a zero-byte file is refused and changes nothing; with a
// good file it is refused for the settings (403) and stores nothing; an
// attorney's goes through, audited with the old and new values.
func TestUploadCannotRewriteSettings(t *testing.T) {
	env := newReviewEnv(t)
	ctx := context.Background()
	before, _ := env.store.Matter(ctx, env.matter)
	_, vBefore, _ := env.store.Chronology(ctx, env.matter)
	para := env.signIn(t, "paula", access.RoleParalegal, true)
	send := func(c *browser, file string, data []byte) (*http.Response, string) {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		mw.WriteField("incident_date", "2020-01-01")
		mw.WriteField("gap_days", "365")
		mw.WriteField("client", "Someone Else")
		w, _ := mw.CreateFormFile("file", file)
		w.Write(data)
		mw.Close()
		req, _ := http.NewRequest("POST", env.srv.URL+"/api/matters/"+env.matter+"/documents", &b)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("X-CSRF-Token", c.csrf)
		return c.do(req)
	}
	res, body := send(para, "empty.pdf", nil)
	if res.StatusCode/100 != 4 {
		t.Fatalf("paralegal's zero-byte upload with settings: %d %s", res.StatusCode, body)
	}
	good := hostile.Page(strings.Replace(hostile.Record, "Oakwood", "Newwood", 1), "", "").Bytes("/Root 1 0 R")
	res, body = send(para, "new.pdf", good)
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("paralegal's upload with settings: %d %s, want 403", res.StatusCode, body)
	}
	after, _ := env.store.Matter(ctx, env.matter)
	_, vAfter, _ := env.store.Chronology(ctx, env.matter)
	docs, _ := env.store.MatterDocuments(ctx, env.matter)
	if after != before || vAfter != vBefore || len(docs) != 1 {
		t.Errorf("refused uploads left a change: matter %+v (was %+v), chronology version %d (was %d), %d documents", after, before, vAfter, vBefore, len(docs))
	}
	if n := env.auditActions(t)[access.AuditMatterEdit]; n != 0 {
		t.Errorf("%d settings changes audited after refusals", n)
	}

	att := env.signIn(t, "ada", access.RoleAttorney, true)
	res, body = send(att, "new.pdf", good)
	if res.StatusCode != http.StatusAccepted {
		t.Fatalf("attorney's upload with settings: %d %s", res.StatusCode, body)
	}
	after, _ = env.store.Matter(ctx, env.matter)
	if after.DateOfIncident.String() != "2020-01-01" || after.GapDays != 365 || after.Client != "Someone Else" {
		t.Errorf("settings not applied: %+v", after)
	}
	evs, _ := env.store.AuditEvents(ctx, access.AuditFilter{MatterID: env.matter, Limit: 1000})
	found := false
	for _, e := range evs {
		if e.Action == access.AuditMatterEdit && e.Username == "ada" && strings.Contains(e.Detail, `incident_date: "2023-12-06" → "2020-01-01"`) {
			found = true
		}
	}
	if !found {
		t.Errorf("the settings change is not audited with old and new values: %+v", evs)
	}
}

// TestMatterIDsUnique: ten people creating the same id at once: one gets
// it; creating from one name at once gives ten different ids.
func TestMatterIDsUnique(t *testing.T) {
	env := newAcctEnv(t)
	env.user(t, "root", access.RoleAdmin)
	c := env.signIn(t, "root")
	var mu sync.Mutex
	codes := map[int]int{}
	locs := map[string]bool{}
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			res, _ := c.post("/matters", url.Values{"id": {"same-id"}, "name": {"Same"}})
			r2, _ := c.post("/matters", url.Values{"name": {"Smith v. Jones"}})
			mu.Lock()
			codes[res.StatusCode]++
			locs[r2.Header.Get("Location")] = true
			mu.Unlock()
		})
	}
	wg.Wait()
	if codes[http.StatusSeeOther] != 1 || codes[http.StatusConflict] != 9 {
		t.Errorf("ten creations of one id: %v, want one 303 and nine 409", codes)
	}
	if len(locs) != 10 {
		t.Errorf("ten creations from one name gave %d different matters: %v", len(locs), locs)
	}
}

// TestUnfinishedBodyIsCutOff: a sign-in whose body never ends is closed
// within seconds, and the server answers /healthz meanwhile. Parallel: it
// spends those seconds waiting.
func TestUnfinishedBodyIsCutOff(t *testing.T) {
	t.Parallel()
	env := newAcctEnv(t)
	conn, err := net.Dial("tcp", strings.TrimPrefix(env.srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /signin HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nusername=a")
	start := time.Now()
	if res, err := http.Get(env.srv.URL + "/healthz"); err != nil || res.StatusCode != 200 {
		t.Fatalf("healthz while a body hangs: %v", err)
	}
	conn.SetReadDeadline(time.Now().Add(60 * time.Second))
	io.ReadAll(conn) // until the server gives up on the body and answers or closes
	if took := time.Since(start); took > 30*time.Second {
		t.Errorf("an unfinished sign-in body was held %s", took.Round(time.Second))
	}
}

// TestUploadIsStreamed: a 64 MB upload through the page's form (no
// script: the CSRF token in the first part) grows the server's heap by
// far less than its size and writes nothing to the temporary folder.
func TestUploadIsStreamed(t *testing.T) {
	tmpdir := t.TempDir()
	t.Setenv("TMPDIR", tmpdir)
	env := newAcctEnv(t)
	env.user(t, "root", access.RoleAdmin)
	c := env.signIn(t, "root")
	res, body := c.post("/matters", url.Values{"id": {"big"}, "name": {"Big"}})
	want(t, "create", res, body, http.StatusSeeOther, "")
	const size = 64 << 20
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		mw.WriteField("csrf", c.csrf)
		w, _ := mw.CreateFormFile("file", "big.pdf")
		w.Write([]byte("%PDF-1.7\n"))
		chunk := bytes.Repeat([]byte("0123456789abcdef"), 4096)
		for n := 0; n < size; n += len(chunk) {
			w.Write(chunk)
		}
		w.Write([]byte("\n%%EOF\n"))
		mw.Close()
		pw.Close()
	}()
	var peak uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
		}
	}()
	req, _ := http.NewRequest("POST", env.srv.URL+"/matters/big/documents", pr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	res, body = c.do(req)
	close(stop)
	<-done
	if res.StatusCode != http.StatusSeeOther && res.StatusCode != http.StatusOK {
		t.Fatalf("upload: %d %.300s", res.StatusCode, body)
	}
	if grew := int64(peak) - int64(base); grew > size/2 {
		t.Errorf("the heap grew by %d MB during a %d MB upload", grew>>20, size>>20)
	}
	entries, _ := os.ReadDir(tmpdir)
	for _, e := range entries {
		t.Errorf("the upload left %s in the temporary folder", filepath.Join(tmpdir, e.Name()))
	}
}

// TestOriginalWithoutActiveContent: the original the browser is shown
// carries none of the JavaScript, launch or link-out actions of the file
// uploaded, while the file itself is kept as uploaded.
func TestOriginalWithoutActiveContent(t *testing.T) {
	env := newAcctEnv(t)
	env.user(t, "root", access.RoleAdmin)
	c := env.signIn(t, "root")
	res, body := c.post("/matters", url.Values{"id": {"act"}, "name": {"Active"}})
	want(t, "create", res, body, http.StatusSeeOther, "")
	var data []byte
	for _, hc := range hostile.Cases() {
		if hc.File == "launch-link.pdf" {
			data, _ = hc.Make()
		}
	}
	path := filepath.Join(t.TempDir(), "launch.pdf")
	os.WriteFile(path, data, 0o600)
	res, body = c.uploadFiles("act", map[string]string{"launch.pdf": path}, true)
	want(t, "upload", res, body, http.StatusAccepted, "")
	p := c.waitProcessed("act")
	res, body = c.get("/matters/act/documents/" + p.Files[0].ID + ".pdf")
	want(t, "original", res, body, http.StatusOK, "")
	for _, s := range []string{"/Launch", "cmd.exe", "calc", "/JavaScript"} {
		if strings.Contains(body, s) {
			t.Errorf("the original shown still holds %q", s)
		}
	}
	if !strings.HasPrefix(body, "%PDF-") {
		t.Errorf("the original shown is not a PDF: %.40q", body)
	}
	stored, err := env.store.DocumentBlob(context.Background(), p.Files[0].ID)
	if err != nil || !bytes.Equal(stored, data) {
		t.Errorf("the stored original differs from the upload: %v", err)
	}
}

// TestFailedDocumentEndsProcessing: a file that passes the upload's check
// but fails in the ingest job ends the matter's processing (failed, with
// its reason), and Retry failed records processes it again.
func TestFailedDocumentEndsProcessing(t *testing.T) {
	env := newAcctEnv(t)
	env.user(t, "root", access.RoleAdmin)
	c := env.signIn(t, "root")
	res, body := c.post("/matters", url.Values{"id": {"bad"}, "name": {"Bad"}})
	want(t, "create", res, body, http.StatusSeeOther, "")
	path := filepath.Join(t.TempDir(), "garbage.pdf")
	os.WriteFile(path, []byte("%PDF-1.7\n\x00\x01 not a PDF inside\n%%EOF\n"), 0o600)
	res, body = c.uploadFiles("bad", map[string]string{"garbage.pdf": path}, true)
	want(t, "upload", res, body, http.StatusAccepted, "")
	p := c.waitProcessed("bad")
	if len(p.Files) != 1 || p.Files[0].Status != "failed" || p.Files[0].Error == "" || strings.Contains(p.Files[0].Error, "doc-") {
		t.Fatalf("after processing: %+v", p.Files)
	}
	res, body = c.post("/matters/bad/retry", nil)
	want(t, "retry", res, body, http.StatusSeeOther, "/matters/bad")
	if n := len(env.audit(t, access.AuditRetry)); n != 1 {
		t.Errorf("%d retries audited, want 1", n)
	}
	if p := c.waitProcessed("bad"); p.Files[0].Status != "failed" {
		t.Errorf("the retried garbage file: %+v", p.Files[0])
	}
}
