package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
)

// TestReviewerShownByName: matter pages name reviewers by their names,
// the username kept as the hover title.
func TestReviewerShownByName(t *testing.T) {
	t.Parallel()
	env := newReviewEnv(t)
	ctx := context.Background()
	u := testUser(t, "pnguyen", "Paula Nguyen", access.RoleParalegal, "correct horse battery")
	u.ID = "u-pnguyen"
	if err := env.store.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if err := env.store.AddMember(ctx, env.matter, u.ID); err != nil {
		t.Fatal(err)
	}
	sess, tok := access.NewSession(u.ID, time.Now())
	if err := env.store.CreateSession(ctx, sess); err != nil {
		t.Fatal(err)
	}
	pl := &browser{t: t, base: env.srv.URL, cookie: tok, csrf: sess.CSRF, user: u}
	e := firstCited(t, env.chronology(t))
	path := "/matters/" + env.matter + "/entries/" + e.ID
	res, body := pl.post(path+"/review", url.Values{"action": {"verify"}})
	wantStatus(t, "verify", res, body, http.StatusSeeOther)
	const shown = `<span title="pnguyen">Paula Nguyen</span>`
	for _, page := range []string{path, "/matters/" + env.matter + "/chronology"} {
		res, body = pl.get(page)
		wantStatus(t, page, res, body, http.StatusOK)
		if !strings.Contains(body, shown) {
			t.Errorf("%s does not name the reviewer as %s", page, shown)
		}
	}
}
