package web_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// stepTimeout bounds one browser action (a click and the page it loads,
// a query, a screenshot); waits for processing take their own timeout.
const stepTimeout = 30 * time.Second

// failureShot is the screenshot a failing step leaves next to the others.
const failureShot = "failure.png"

// chromiumPath returns Debian's Chromium. Without it the test is skipped,
// unless MEDCHRON_REQUIRE_BROWSER=1 (make test), which makes it fail.
func chromiumPath(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("MEDCHRON_REQUIRE_BROWSER") == "1" {
		t.Fatal("chromium is not installed and MEDCHRON_REQUIRE_BROWSER=1: run scripts/setup-debian.sh test")
	}
	t.Skip("chromium is not installed (scripts/setup-debian.sh test installs it)")
	return ""
}

// chrome is one headless Chromium tab driven through a test, with the
// step it is on (named in every failure) and where screenshots go.
type chrome struct {
	t     testing.TB
	ctx   context.Context
	base  string
	shots string
	step  string

	mu      sync.Mutex
	dialogs []string // confirm() messages, accepted
	console []string // console errors and uncaught exceptions
}

// newChrome starts Chromium at width×height for a server at base. Every
// confirm() dialog is accepted, as a user clicking OK; console errors are
// collected for checkConsole.
func newChrome(t testing.TB, base string, width, height int) *chrome {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true), chromedp.Flag("lang", "en-US"),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(width, height))
	parent, stop := context.WithTimeout(context.Background(), 4*time.Minute)
	actx, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelTab(); cancelAlloc(); stop() })
	c := &chrome{t: t, ctx: ctx, base: base, shots: screenshotDir(t), step: "start the browser"}
	os.Remove(filepath.Join(c.shots, failureShot)) // from an earlier failed run
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			c.mu.Lock()
			c.dialogs = append(c.dialogs, ev.Message)
			c.mu.Unlock()
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	console := chromedp.Console(ctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				c.mu.Lock()
				c.console = append(c.console, m.String()+" ("+m.URL+")")
				c.mu.Unlock()
			}
		}
	}()
	return c
}

// screenshotDir is $MEDCHRON_SCREENSHOTS or <repo>/test-output/screenshots.
func screenshotDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("MEDCHRON_SCREENSHOTS")
	if dir == "" {
		dir = repoFile(t, filepath.Join("test-output", "screenshots"))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// stepf names the step that the following actions belong to.
func (c *chrome) stepf(format string, args ...any) {
	c.step = fmt.Sprintf(format, args...)
	c.t.Logf("step: %s", c.step)
}

// fatalf fails the test, naming the step, the page's URL and the start of
// its text, and saves a screenshot of the failure.
func (c *chrome) fatalf(format string, args ...any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(c.ctx, 5*time.Second)
	defer cancel()
	url, _ := chromedp.Run(ctx, chromedp.Location())
	text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("main") || document.body || {innerText: ""}).innerText`))
	text = strings.Join(strings.Fields(text), " ")
	if len(text) > 400 {
		text = text[:400] + "…"
	}
	shot := "(none)"
	if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
		shot = filepath.Join(c.shots, failureShot)
		os.WriteFile(shot, png, 0o644)
	}
	c.t.Fatalf("step %q: %s\n  page: %s\n  text: %s\n  screenshot: %s", c.step, fmt.Sprintf(format, args...), url, text, shot)
}

// do runs actions that return nothing.
func (c *chrome) do(actions ...chromedp.Action[chromedp.Void]) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(c.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		c.fatalf("%v", err)
	}
}

// run runs one action that returns a value.
func run[T any](c *chrome, a chromedp.Action[T]) T {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(c.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		c.fatalf("%v", err)
	}
	return v
}

// eval evaluates a JavaScript expression; a promise is awaited.
func eval[T any](c *chrome, expr string) T {
	c.t.Helper()
	return run(c, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// load runs actions that make the tab load a page (a navigation, a click
// on a link or a submit button) and waits until it has loaded; the final
// response (after redirects) must be 200.
func (c *chrome) load(what string, actions ...chromedp.Action[chromedp.Void]) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(c.ctx, stepTimeout)
	defer cancel()
	res, err := chromedp.RunResponse(ctx, actions...)
	if err != nil {
		c.fatalf("%s: %v", what, err)
	}
	if res == nil || res.Status != 200 {
		status := int64(0)
		if res != nil {
			status = res.Status
		}
		c.fatalf("%s: HTTP status %d", what, status)
	}
}

// open loads path on the server.
func (c *chrome) open(path string) {
	c.t.Helper()
	c.load("open "+path, chromedp.Navigate(c.base+path))
}

// click clicks the first element matching the CSS selector and waits for
// the page it loads.
func (c *chrome) click(sel string) {
	c.t.Helper()
	c.load("click "+sel, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
}

// text returns the visible text of the first element matching sel.
func (c *chrome) text(sel string) string {
	c.t.Helper()
	return strings.Join(strings.Fields(run(c, chromedp.Text(chromedp.CSS(sel)))), " ")
}

// wantText fails unless the first element matching sel contains want.
func (c *chrome) wantText(sel, want string) {
	c.t.Helper()
	if got := c.text(sel); !strings.Contains(got, want) {
		c.fatalf("%s says %q, want %q in it", sel, got, want)
	}
}

// path returns the current URL's path and query, without the server.
func (c *chrome) path() string {
	c.t.Helper()
	return strings.TrimPrefix(run(c, chromedp.Location()), c.base)
}

// waitJS polls expr until it is true, up to timeout.
func (c *chrome) waitJS(what, expr string, timeout time.Duration) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(c.ctx, timeout+5*time.Second)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(timeout)))
	if err != nil {
		c.fatalf("waiting for %s: %v", what, err)
	}
}

// shot writes a full-page PNG screenshot named name.
func (c *chrome) shot(name string) {
	c.t.Helper()
	png := run(c, chromedp.FullScreenshot(100))
	p := filepath.Join(c.shots, name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		c.t.Fatal(err)
	}
	c.t.Logf("screenshot %s", p)
}

// signIn signs in through the form; the header must then show who.
func (c *chrome) signIn(username, password, who string) {
	c.t.Helper()
	c.open("/signin")
	c.do(chromedp.SendKeys(chromedp.ID("username"), username), chromedp.SendKeys(chromedp.ID("password"), password))
	c.click(`main form button[type="submit"]`)
	if p := c.path(); !strings.HasPrefix(p, "/matters") {
		c.fatalf("after signing in as %s: at %s, want /matters", username, p)
	}
	c.wantText("header .who", who)
}

// signOut signs out with the header's button.
func (c *chrome) signOut() {
	c.t.Helper()
	c.click(`header form.signout button`)
	if p := c.path(); !strings.HasPrefix(p, "/signin") {
		c.fatalf("after signing out: at %s, want /signin", p)
	}
}

// dialogSeen reports whether a confirm dialog containing s was accepted.
func (c *chrome) dialogSeen(s string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, d := range c.dialogs {
		if strings.Contains(d, s) {
			return true
		}
	}
	return false
}

// checkConsole reports console errors and uncaught exceptions (a CSP
// violation, a script error) as test errors.
func (c *chrome) checkConsole() {
	c.t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, m := range c.console {
		if strings.Contains(m, "favicon.ico") {
			continue
		}
		c.t.Errorf("browser console: %s", m)
	}
}
