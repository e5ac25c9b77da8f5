package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
)

// Routes outside any matter, and what a signed-in attorney assigned only
// to another matter gets from them. A route registered but in none of
// these tables and not under /matters/{matter}, /api/matters/{matter},
// /admin/ or /audit fails the walk: whoever adds it decides here.
var (
	publicRoutes = map[string]bool{"GET /healthz": true, "GET /static/": true, "GET /signin": true, "POST /signin": true}
	ownRoutes    = map[string]int{
		"GET /{$}":      http.StatusSeeOther,   // to /matters
		"GET /matters":  http.StatusOK,         // their own list
		"POST /matters": http.StatusBadRequest, // an empty create form
		"POST /signout": http.StatusSeeOther,
	}
)

// TestAccessWalk walks every registered route with the ids of matter A
// (its document, entry, demand section, page 1, every export): a user
// assigned only to matter B gets 404 from every matter route and every
// admin route, and nothing of A on the others; without a session every
// browser route redirects to sign-in and every API route answers 401. An
// admin's GETs of the same URLs succeed, so the ids are real.
func TestAccessWalk(t *testing.T) {
	t.Parallel()
	env := newAcctEnv(t)
	ctx := context.Background()
	root := env.user(t, "root", access.RoleAdmin)
	env.user(t, "outsider", access.RoleAttorney)
	victim := env.user(t, "victim", access.RoleParalegal)
	admin, out := env.signIn(t, "root"), env.signIn(t, "outsider")

	env.processedMatter(t, admin, "matter-a")
	res, body := out.post("/matters", url.Values{"id": {"matter-b"}})
	want(t, "create matter B", res, body, http.StatusSeeOther, "/matters/matter-b")
	docs, err := env.store.MatterDocuments(ctx, "matter-a")
	if err != nil || len(docs) == 0 {
		t.Fatalf("matter A documents: %v %v", docs, err)
	}
	c, _, err := env.store.Chronology(ctx, "matter-a")
	if err != nil || len(c.Entries) == 0 {
		t.Fatalf("matter A chronology: %d entries, %v", len(c.Entries), err)
	}
	rec := env.generateDemand(t, "matter-a", root)
	key := rec.Generation.Keys[0]
	v1, _ := rec.Latest(key)
	v2, err := rec.Edit(key, v1.N, v1.Body+"\n\nEdited.", root.ID, root.Username, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := env.store.AddDemandVersion(ctx, "matter-a", v2); err != nil {
		t.Fatal(err) // two versions: the diff route has something to show
	}
	fill := map[string]string{
		"matter": "matter-a", "doc": docs[0].ID, "entry": c.Entries[0].ID, "section": key,
		"page": "1", "user": victim.ID, "id": "1", "kind": "rename", "flag": "f-0000000000",
	}
	secrets := []string{docs[0].File, c.Entries[0].Provider}

	var covered []string
	for _, pattern := range env.web.Routes() {
		method, path, ok := strings.Cut(pattern, " ")
		if !ok {
			method, path = "GET", pattern
		}
		for _, u := range expand(t, path, fill) {
			line := pattern
			if u != path {
				line = method + " " + u
			}
			covered = append(covered, line+" → "+walkOne(t, env, pattern, method, u, admin, out, secrets))
		}
	}
	sort.Strings(covered)
	t.Logf("%d route URLs walked:\n%s", len(covered), strings.Join(covered, "\n"))
}

// walkOne checks one URL and describes what each user got.
func walkOne(t *testing.T, env *acctEnv, pattern, method, u string, admin, out *client, secrets []string) string {
	t.Helper()
	if publicRoutes[pattern] {
		return "public"
	}
	scoped := strings.Contains(pattern, "{matter}")
	outsiderWant, ok := ownRoutes[pattern]
	switch {
	case scoped, strings.HasPrefix(pattern, method+" /admin/"), strings.HasPrefix(pattern, method+" /audit"):
		outsiderWant = http.StatusNotFound
	case !ok:
		t.Errorf("route %s is not classified in the access walk", pattern)
		return "unclassified"
	}
	who := out
	if pattern == "POST /signout" {
		who = env.signIn(t, "outsider") // keep the walking session
	}
	res, body := send(t, who, method, u)
	if res.StatusCode != outsiderWant {
		t.Errorf("%s %s as a user of another matter: %d, want %d", method, u, res.StatusCode, outsiderWant)
	}
	for _, s := range secrets {
		if s != "" && strings.Contains(body, s) {
			t.Errorf("%s %s as a user of another matter: the answer shows %q", method, u, s)
		}
	}
	anonWant, anonLoc := http.StatusSeeOther, "/signin"
	if strings.HasPrefix(u, "/api/") {
		anonWant, anonLoc = http.StatusUnauthorized, ""
	}
	ares, abody := send(t, env.anonymous(t), method, u)
	if ares.StatusCode != anonWant || !strings.HasPrefix(ares.Header.Get("Location"), anonLoc) {
		t.Errorf("%s %s without a session: %d to %q, want %d to %s…: %.200s", method, u, ares.StatusCode, ares.Header.Get("Location"), anonWant, anonLoc, abody)
	}
	desc := fmt.Sprintf("other matter's user %d, no session %d", res.StatusCode, ares.StatusCode)
	if scoped && method == http.MethodGet {
		cres, cbody := send(t, admin, method, u)
		if cres.StatusCode == http.StatusNotFound || (cres.StatusCode >= 500 && cres.StatusCode != http.StatusNotImplemented) {
			t.Errorf("%s %s as an admin: %d (the walk's ids must be real): %.200s", method, u, cres.StatusCode, cbody)
		}
		desc += fmt.Sprintf(", admin %d", cres.StatusCode)
	}
	return desc
}

// expand fills a route pattern's wildcards; {name} becomes every export.
func expand(t *testing.T, path string, fill map[string]string) []string {
	t.Helper()
	path = strings.ReplaceAll(path, "{$}", "")
	if strings.HasSuffix(path, "/documents/{doc}") {
		path += ".pdf" // the original file's URL names it doc-….pdf
	}
	if strings.HasSuffix(path, "/") && path != "/" {
		path += "app.css" // a subtree: one file in it
	}
	for k, v := range fill {
		path = strings.ReplaceAll(path, "{"+k+"}", url.PathEscape(v))
	}
	if strings.HasSuffix(path, "/search") {
		path += "?q=mri"
	}
	if !strings.Contains(path, "{name}") {
		if strings.Contains(path, "{") {
			t.Fatalf("route %s has a wildcard the walk does not fill", path)
		}
		return []string{path}
	}
	var out []string
	for _, n := range []string{"chronology.json", "chronology.csv", "chronology.xlsx", "chronology.html", "chronology.docx", "demand.docx", "demand.md", "exhibit.pdf"} {
		out = append(out, strings.ReplaceAll(path, "{name}", n))
	}
	return out
}

// send requests u as c, with the CSRF token in a header and the form on
// anything but GET.
func send(t *testing.T, c *client, method, u string) (*http.Response, string) {
	t.Helper()
	var req *http.Request
	if method == http.MethodGet || method == http.MethodHead {
		req, _ = http.NewRequest(method, c.base+u, nil)
	} else {
		req, _ = http.NewRequest(method, c.base+u, strings.NewReader(url.Values{"csrf": {c.csrf}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if c.csrf != "" {
			req.Header.Set("X-CSRF-Token", c.csrf)
		}
	}
	return c.do(req)
}
