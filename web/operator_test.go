package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/web"
)

// TestRiverUIGuard: River's operator UI answers admins and the service
// token only; others get 404, and a browser without a session goes to
// sign in.
func TestRiverUIGuard(t *testing.T) {
	river := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("river ui")) })
	env := newReviewEnvWith(t, func(c *web.Config) { c.RiverUI = river })
	admin := env.signIn(t, "olive", access.RoleAdmin, false)
	att := env.signIn(t, "artie", access.RoleAttorney, true)
	res, body := admin.get("/admin/river/")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "river ui") {
		t.Errorf("admin: %d %q", res.StatusCode, body)
	}
	if res, _ := att.get("/admin/river/"); res.StatusCode != http.StatusNotFound {
		t.Errorf("attorney: %d, want 404", res.StatusCode)
	}
	req, _ := http.NewRequest("GET", env.srv.URL+"/admin/river/", nil)
	res, err := noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/signin") {
		t.Errorf("no session: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	req, _ = http.NewRequest("GET", env.srv.URL+"/admin/river/", nil)
	if code, _ := do(t, req, true); code != http.StatusOK {
		t.Errorf("service token: %d", code)
	}
	// A write posted from another site with the admin's cookie is refused.
	for _, c := range []struct {
		site string
		want int
	}{{"cross-site", http.StatusForbidden}, {"same-origin", http.StatusOK}} {
		req, _ := http.NewRequest("POST", env.srv.URL+"/admin/river/api/jobs/cancel", strings.NewReader(`{"job_ids":["1"]}`))
		req.Header.Set("Sec-Fetch-Site", c.site)
		if res, _ := admin.do(req); res.StatusCode != c.want {
			t.Errorf("POST to River's UI, Sec-Fetch-Site %s: %d, want %d", c.site, res.StatusCode, c.want)
		}
	}
}
