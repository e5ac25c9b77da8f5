package web_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/store/sqlite"
	"github.com/medchron/medchron/web"
)

// acctPassword is every test user's password.
const acctPassword = "correct horse battery"

// testClock is the server's clock, moved by tests (idle timeout, throttling).
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *testClock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// acctEnv is a server on an embedded store with a movable clock.
type acctEnv struct {
	srv    *httptest.Server
	web    *web.Server
	store  web.Store
	sqlite *sqlite.Store
	clock  *testClock
}

func newAcctEnv(t *testing.T) *acctEnv {
	t.Helper()
	ctx := context.Background()
	h, err := app.Open(ctx, backendOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close(context.Background()) })
	if err := h.Start(ctx); err != nil {
		t.Fatal(err)
	}
	env := &acctEnv{store: webStore(t, h.Store), clock: &testClock{t: time.Now()}}
	if h.Embedded != nil {
		env.sqlite = h.Embedded.Store
	}
	env.web = web.New(web.Config{Store: env.store, Pipeline: h.Pipeline, Token: token, Now: env.clock.Now})
	env.srv = httptest.NewServer(env.web)
	t.Cleanup(env.srv.Close)
	return env
}

// user creates an account with acctPassword.
func (env *acctEnv) user(t *testing.T, username string, role access.Role) access.User {
	t.Helper()
	u := testUser(t, username, strings.ToUpper(username[:1])+username[1:]+" Tester", role, acctPassword)
	if err := env.store.CreateUser(context.Background(), u); err != nil {
		t.Fatal(err)
	}
	return u
}

// audit returns the audit rows with action, newest first.
func (env *acctEnv) audit(t *testing.T, action string) []access.Event {
	t.Helper()
	evs, err := env.store.AuditEvents(context.Background(), access.AuditFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var out []access.Event
	for _, e := range evs {
		if e.Action == action {
			out = append(out, e)
		}
	}
	return out
}

// acctHTTP does not follow redirects, so tests see them.
var acctHTTP = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// client is a browser: a session cookie (empty: signed out) and the CSRF
// token its pages carry.
type client struct {
	t      *testing.T
	base   string
	cookie string
	csrf   string
	user   access.User // set when the test created the session itself
}

func (env *acctEnv) anonymous(t *testing.T) *client { return &client{t: t, base: env.srv.URL} }

// signIn signs in through the form and reads the CSRF token off a page.
func (env *acctEnv) signIn(t *testing.T, username string) *client {
	t.Helper()
	c := env.anonymous(t)
	res, body := c.form("/signin", url.Values{"username": {username}, "password": {acctPassword}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in %s: %d %.300s", username, res.StatusCode, body)
	}
	c.takeCookie(res)
	if c.cookie == "" {
		t.Fatalf("sign in %s: no session cookie", username)
	}
	c.readCSRF()
	return c
}

func (c *client) takeCookie(res *http.Response) {
	for _, k := range res.Cookies() {
		if k.Name == "medchron_session" {
			c.cookie = k.Value
		}
	}
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (c *client) readCSRF() {
	c.t.Helper()
	res, body := c.get("/matters")
	if res.StatusCode != http.StatusOK {
		c.t.Fatalf("GET /matters: %d", res.StatusCode)
	}
	m := csrfField.FindStringSubmatch(body)
	if m == nil {
		c.t.Fatal("no CSRF token on /matters")
	}
	c.csrf = m[1]
}

func (c *client) do(req *http.Request) (*http.Response, string) {
	c.t.Helper()
	if c.cookie != "" {
		req.AddCookie(&http.Cookie{Name: "medchron_session", Value: c.cookie})
	}
	res, err := acctHTTP.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func (c *client) get(path string) (*http.Response, string) {
	c.t.Helper()
	req, _ := http.NewRequest("GET", c.base+path, nil)
	return c.do(req)
}

// form posts values as they are (no CSRF token added).
func (c *client) form(path string, v url.Values) (*http.Response, string) {
	c.t.Helper()
	req, _ := http.NewRequest("POST", c.base+path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

// post posts values with the session's CSRF token, unless v has one.
func (c *client) post(path string, v url.Values) (*http.Response, string) {
	c.t.Helper()
	if v == nil {
		v = url.Values{}
	}
	if v.Get("csrf") == "" {
		v.Set("csrf", c.csrf)
	}
	return c.form(path, v)
}

// want fails the test unless res has status code (and, for a redirect,
// a Location starting with loc).
func want(t *testing.T, what string, res *http.Response, body string, code int, loc string) {
	t.Helper()
	if res.StatusCode != code {
		t.Fatalf("%s: status %d, want %d: %.400s", what, res.StatusCode, code, body)
	}
	if loc != "" && !strings.HasPrefix(res.Header.Get("Location"), loc) {
		t.Fatalf("%s: redirect to %q, want %q…", what, res.Header.Get("Location"), loc)
	}
}

// TestAccountSignIn: failures look the same whatever the cause and are
// audited without the password; success rotates the session and honours
// only local next links; POSTs need the CSRF token; sign-out and the idle
// timeout end the session.
func TestAccountSignIn(t *testing.T) {
	t.Parallel()
	env := newAcctEnv(t)
	env.user(t, "alice", access.RoleParalegal)
	anon := env.anonymous(t)

	res, body := anon.get("/signin")
	want(t, "sign-in form", res, body, http.StatusOK, "")
	res, body = anon.get("/matters")
	want(t, "a page without a session", res, body, http.StatusSeeOther, "/signin?next=%2Fmatters")

	res, wrongPw := anon.form("/signin", url.Values{"username": {"alice"}, "password": {"not the password"}})
	want(t, "wrong password", res, wrongPw, http.StatusUnauthorized, "")
	res, unknown := anon.form("/signin", url.Values{"username": {"nobody"}, "password": {"not the password"}})
	want(t, "unknown user", res, unknown, http.StatusUnauthorized, "")
	if !strings.Contains(wrongPw, "Wrong username or password.") || !strings.Contains(unknown, "Wrong username or password.") {
		t.Error("the failure message differs or is missing")
	}
	fails := env.audit(t, access.AuditSignInFailed)
	if len(fails) != 2 || fails[1].Object != "alice" || fails[0].Object != "" {
		t.Errorf("failed sign-ins audited as %+v", fails)
	}
	for _, e := range fails {
		if strings.Contains(e.Object+e.Detail, "not the password") {
			t.Error("a password reached the audit log")
		}
	}
	req, _ := http.NewRequest("POST", env.srv.URL+"/signin", strings.NewReader(url.Values{"username": {"alice"}, "password": {acctPassword}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	if res, _ := anon.do(req); res.StatusCode != http.StatusForbidden {
		t.Errorf("a sign-in posted from another site: %d, want 403", res.StatusCode)
	}
	// What browsers send under Referrer-Policy: no-referrer: Origin null
	// with Sec-Fetch-Site telling the truth.
	for _, c := range []struct {
		site string
		want int
	}{{"same-origin", http.StatusSeeOther}, {"cross-site", http.StatusForbidden}} {
		req, _ := http.NewRequest("POST", env.srv.URL+"/signin", strings.NewReader(url.Values{"username": {"alice"}, "password": {acctPassword}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", "null")
		req.Header.Set("Sec-Fetch-Site", c.site)
		if res, _ := anon.do(req); res.StatusCode != c.want {
			t.Errorf("sign-in with Origin null, Sec-Fetch-Site %s: %d, want %d", c.site, res.StatusCode, c.want)
		}
	}

	for _, c := range []struct{ next, want string }{
		{"/matters?x=1", "/matters?x=1"}, {"//evil.example/x", "/matters"}, {"https://evil.example/", "/matters"}, {`/\evil.example`, "/matters"},
	} {
		res, body := anon.form("/signin", url.Values{"username": {"alice"}, "password": {acctPassword}, "next": {c.next}})
		want(t, "sign in with next "+c.next, res, body, http.StatusSeeOther, "")
		if got := res.Header.Get("Location"); got != c.want {
			t.Errorf("next %q: redirected to %q, want %q", c.next, got, c.want)
		}
	}

	a := env.signIn(t, "alice")
	old := a.cookie
	// Signing in again with the session cookie replaces the session.
	req, _ = http.NewRequest("POST", env.srv.URL+"/signin", strings.NewReader(url.Values{"username": {"alice"}, "password": {acctPassword}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, body = a.do(req)
	want(t, "sign in again", res, body, http.StatusSeeOther, "/matters")
	a.takeCookie(res)
	if a.cookie == old {
		t.Fatal("the session was not rotated")
	}
	stale := &client{t: t, base: a.base, cookie: old}
	res, body = stale.get("/matters")
	want(t, "the replaced session", res, body, http.StatusSeeOther, "/signin")
	a.readCSRF()

	res, body = a.form("/signout", url.Values{"csrf": {"forged"}})
	want(t, "sign out without the CSRF token", res, body, http.StatusForbidden, "")
	res, body = a.post("/signout", nil)
	want(t, "sign out", res, body, http.StatusSeeOther, "/signin?notice=signedout")
	res, body = a.get("/matters")
	want(t, "after sign-out", res, body, http.StatusSeeOther, "/signin")

	b := env.signIn(t, "alice")
	env.clock.Add(access.IdleTimeout - time.Minute)
	res, body = b.get("/matters")
	want(t, "active within the idle timeout", res, body, http.StatusOK, "")
	env.clock.Add(access.IdleTimeout + time.Minute)
	res, body = b.get("/matters")
	want(t, "idle past the timeout", res, body, http.StatusSeeOther, "/signin")
	if n := len(env.audit(t, access.AuditSignIn)); n != 8 {
		t.Errorf("%d sign-ins audited, want 8", n)
	}
	if n := len(env.audit(t, access.AuditSignOut)); n != 1 {
		t.Errorf("%d sign-outs audited, want 1", n)
	}
}

// TestAccountSignInThrottle: the sixth attempt within five minutes is
// refused even with the right password, until the window has passed.
func TestAccountSignInThrottle(t *testing.T) {
	env := newAcctEnv(t)
	env.user(t, "bob", access.RoleAttorney)
	anon := env.anonymous(t)
	for i := range 5 {
		res, body := anon.form("/signin", url.Values{"username": {"bob"}, "password": {"guess number " + string(rune('a'+i))}})
		want(t, "wrong password", res, body, http.StatusUnauthorized, "")
	}
	res, body := anon.form("/signin", url.Values{"username": {"bob"}, "password": {acctPassword}})
	want(t, "sixth attempt", res, body, http.StatusTooManyRequests, "")
	if !strings.Contains(body, "Too many failed sign-ins") {
		t.Errorf("the refusal does not say why: %.300s", body)
	}
	if evs := env.audit(t, access.AuditSignInFailed); len(evs) != 6 || evs[0].Detail != "throttled" {
		t.Errorf("throttled attempt not audited: %+v", evs)
	}
	env.clock.Add(5*time.Minute + time.Second)
	res, body = anon.form("/signin", url.Values{"username": {"bob"}, "password": {acctPassword}})
	want(t, "after the window", res, body, http.StatusSeeOther, "/matters")
}

// TestAccountUsersAdmin: only admins manage users; creating checks the
// username and password; disabling and resetting a password end the
// user's sessions; every change is audited.
func TestAccountUsersAdmin(t *testing.T) {
	env := newAcctEnv(t)
	env.user(t, "root", access.RoleAdmin)
	env.user(t, "para", access.RoleParalegal)
	admin, para := env.signIn(t, "root"), env.signIn(t, "para")

	res, body := para.get("/admin/users")
	want(t, "users page as a paralegal", res, body, http.StatusNotFound, "")
	res, body = para.post("/admin/users", url.Values{"username": {"mallory"}, "role": {"admin"}, "password": {acctPassword}})
	want(t, "create as a paralegal", res, body, http.StatusNotFound, "")

	res, body = admin.get("/admin/users")
	want(t, "users page", res, body, http.StatusOK, "")
	if !strings.Contains(body, "para") || !strings.Contains(body, "root") {
		t.Error("the users page does not list the users")
	}
	res, body = admin.post("/admin/users", url.Values{"username": {"carol"}, "role": {"attorney"}, "password": {"short"}})
	want(t, "short password", res, body, http.StatusBadRequest, "")
	if !strings.Contains(body, "at least 12 characters") {
		t.Errorf("no policy message: %.300s", body)
	}
	res, body = admin.post("/admin/users", url.Values{"username": {"carol"}, "name": {"Carol Ames"}, "role": {"attorney"}, "password": {acctPassword}})
	want(t, "create", res, body, http.StatusSeeOther, "/admin/users?notice=created")
	res, body = admin.post("/admin/users", url.Values{"username": {"Carol"}, "role": {"paralegal"}, "password": {acctPassword}})
	want(t, "duplicate", res, body, http.StatusConflict, "")
	carol, err := env.store.UserByName(context.Background(), "carol")
	if err != nil || carol.Role != access.RoleAttorney || carol.Name != "Carol Ames" {
		t.Fatalf("carol: %+v %v", carol, err)
	}
	// Test accounts carry cheap hashes (testUser); one made through
	// the pages carries the production parameters access pins.
	wantParams(t, "created through the users page", carol.PasswordHash)
	c := env.signIn(t, "carol")

	res, body = admin.post("/admin/users/"+carol.ID+"/status", url.Values{"disabled": {"1"}})
	want(t, "disable", res, body, http.StatusSeeOther, "/admin/users")
	res, body = c.get("/matters")
	want(t, "a disabled user's session", res, body, http.StatusSeeOther, "/signin")
	res, body = env.anonymous(t).form("/signin", url.Values{"username": {"carol"}, "password": {acctPassword}})
	want(t, "a disabled user signs in", res, body, http.StatusUnauthorized, "")
	res, body = admin.post("/admin/users/"+carol.ID+"/status", url.Values{"disabled": {"0"}})
	want(t, "enable", res, body, http.StatusSeeOther, "/admin/users")
	c = env.signIn(t, "carol")

	me, _ := env.store.UserByName(context.Background(), "root")
	res, body = admin.post("/admin/users/"+me.ID+"/status", url.Values{"disabled": {"1"}})
	want(t, "disable oneself", res, body, http.StatusBadRequest, "")

	res, body = admin.post("/admin/users/"+carol.ID+"/password", url.Values{"password": {"a brand new passphrase"}})
	want(t, "reset password", res, body, http.StatusSeeOther, "/admin/users?notice=password")
	res, body = c.get("/matters")
	want(t, "session after a password reset", res, body, http.StatusSeeOther, "/signin")
	c = env.anonymous(t)
	res, body = c.form("/signin", url.Values{"username": {"carol"}, "password": {"a brand new passphrase"}})
	want(t, "sign in with the new password", res, body, http.StatusSeeOther, "/matters")
	c.takeCookie(res)
	if reset, err := env.store.UserByName(context.Background(), "carol"); err != nil {
		t.Fatal(err)
	} else {
		wantParams(t, "reset through the users page", reset.PasswordHash)
	}
	res, body = admin.post("/admin/users/no-such-user/password", url.Values{"password": {"a brand new passphrase"}})
	want(t, "reset an unknown user", res, body, http.StatusNotFound, "")

	res, body = admin.post("/admin/users/"+carol.ID+"/role", url.Values{"role": {"judge"}})
	want(t, "an unknown role", res, body, http.StatusBadRequest, "")
	res, body = admin.post("/admin/users/"+me.ID+"/role", url.Values{"role": {"paralegal"}})
	want(t, "change one's own role", res, body, http.StatusBadRequest, "")
	res, body = admin.post("/admin/users/"+carol.ID+"/role", url.Values{"role": {"paralegal"}})
	want(t, "change a role", res, body, http.StatusSeeOther, "/admin/users?notice=saved")
	if u, _ := env.store.UserByName(context.Background(), "carol"); u.Role != access.RoleParalegal {
		t.Errorf("carol's role is %s after the change, want paralegal", u.Role)
	}
	res, body = c.get("/matters")
	want(t, "session after a role change", res, body, http.StatusSeeOther, "/signin")

	if n := len(env.audit(t, access.AuditUserCreate)); n != 1 {
		t.Errorf("%d user_create rows, want 1", n)
	}
	var details []string
	for _, e := range env.audit(t, access.AuditUserUpdate) {
		details = append(details, e.Detail)
		if e.Object != carol.ID || e.Username != "root" {
			t.Errorf("user_update row %+v", e)
		}
	}
	if got := strings.Join(details, ","); got != "role attorney -> paralegal,password reset,enabled,disabled" {
		t.Errorf("user_update rows %q", got)
	}
}

// jsonBody decodes body into v.
func jsonBody(t *testing.T, body string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("%v: %.300s", err, body)
	}
}

// wantParams fails the test unless hash was made with access.HashPassword's
// parameters (the "$argon2id$v=…$m=…,t=…,p=…$" head before the salt).
func wantParams(t *testing.T, what, hash string) {
	t.Helper()
	prod, err := productionHead()
	if err != nil {
		t.Fatal(err)
	}
	if got := hashHead(hash); !strings.HasPrefix(hash, "$argon2id$") || got != prod {
		t.Errorf("password %s hashed as %q…, want the production parameters %q", what, got, prod)
	}
}

// productionHead is the head of a hash access.HashPassword makes.
var productionHead = sync.OnceValues(func() (string, error) {
	h, err := access.HashPassword("any password at all")
	return hashHead(h), err
})

// hashHead is a PHC hash up to its salt.
func hashHead(h string) string {
	i := strings.LastIndex(h, "$")
	if i < 0 {
		return h
	}
	return h[:strings.LastIndex(h[:i], "$")+1]
}
