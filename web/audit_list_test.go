package web_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
)

// TestAccountAuditPages: admins read the whole log, attorneys their
// matter's, newest first, 100 rows a page, filtered by user; paralegals
// and non-members cannot; the log cannot be changed through the store.
func TestAccountAuditPages(t *testing.T) {
	env := newAcctEnv(t)
	ctx := context.Background()
	env.user(t, "root", access.RoleAdmin)
	att := env.user(t, "att", access.RoleAttorney)
	para := env.user(t, "para", access.RoleParalegal)
	env.user(t, "stranger", access.RoleAttorney)
	for _, id := range []string{"m1", "m2"} {
		if err := env.store.PutMatter(ctx, chronology.Matter{ID: id}); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range []access.User{att, para} {
		if err := env.store.AddMember(ctx, "m1", u.ID); err != nil {
			t.Fatal(err)
		}
	}
	admin, a, p, s := env.signIn(t, "root"), env.signIn(t, "att"), env.signIn(t, "para"), env.signIn(t, "stranger")
	t0 := time.Now().UTC()
	for i := range 150 {
		u, m := att, "m1"
		if i%3 == 0 {
			u, m = para, "m2"
		}
		e := access.Event{At: t0.Add(time.Duration(i) * time.Second), UserID: u.ID, Username: u.Username, Action: access.AuditPageView, MatterID: m, Object: fmt.Sprintf("doc-%03d p.1", i), IP: "10.0.0.1"}
		if err := env.store.AppendAudit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}

	rows := regexp.MustCompile(`doc-(\d{3}) p\.1`)
	objects := func(body string) []string {
		var out []string
		for _, m := range rows.FindAllStringSubmatch(body, -1) {
			out = append(out, m[1])
		}
		return out
	}
	res, body := admin.get("/audit")
	want(t, "audit log", res, body, http.StatusOK, "")
	first := objects(body)
	if len(first) != 100 || first[0] != "149" || first[99] != "050" {
		t.Fatalf("first page: %d rows, %v…", len(first), first[:min(3, len(first))])
	}
	older := regexp.MustCompile(`href="(/audit\?before=\d+)"`).FindStringSubmatch(body)
	if older == nil {
		t.Fatal("no link to older rows")
	}
	res, body = admin.get(older[1])
	want(t, "older rows", res, body, http.StatusOK, "")
	if second := objects(body); len(second) != 50 || second[0] != "049" || second[49] != "000" {
		t.Errorf("second page: %d rows from %v", len(second), second[:min(1, len(second))])
	}
	if !strings.Contains(body, "sign_in") {
		t.Error("the oldest page lacks the sign-in rows")
	}
	res, body = admin.get("/audit?user=" + para.ID)
	want(t, "filtered", res, body, http.StatusOK, "")
	if got := objects(body); len(got) != 50 || got[0] != "147" {
		t.Errorf("filtered by the paralegal: %d rows from %v", len(got), got[:min(1, len(got))])
	}

	res, body = a.get("/matters/m1/audit")
	want(t, "matter audit log", res, body, http.StatusOK, "")
	got := objects(body)
	if len(got) != 100 || got[0] != "149" {
		t.Errorf("matter log: %d rows from %v", len(got), got[:min(1, len(got))])
	}
	for _, o := range got {
		if n, _ := strconv.Atoi(o); n%3 == 0 {
			t.Fatalf("row %s of matter m2 on m1's log", o)
		}
	}
	for _, c := range []struct {
		who  *client
		path string
		code int
	}{
		{a, "/audit", http.StatusNotFound},
		{p, "/audit", http.StatusNotFound},
		{p, "/matters/m1/audit", http.StatusForbidden},
		{s, "/matters/m1/audit", http.StatusNotFound},
		{a, "/matters/m2/audit", http.StatusNotFound},
		{admin, "/audit?before=x", http.StatusBadRequest},
	} {
		res, body := c.who.get(c.path)
		want(t, c.path, res, body, c.code, "")
	}

	// Append-only: the database refuses to change or delete audit rows.
	for _, q := range []string{`UPDATE audit_log SET detail = 'changed'`, `DELETE FROM audit_log`, `INSERT OR REPLACE INTO audit_log (id, at, action) VALUES (1, 'x', 'x')`} {
		if _, err := env.sqlite.DB().ExecContext(ctx, q); err == nil {
			t.Errorf("%s: succeeded", q)
		}
	}
	evs, err := env.store.AuditEvents(ctx, access.AuditFilter{Limit: 1000})
	if err != nil || len(evs) < 150 || evs[len(evs)-1].Detail == "changed" {
		t.Errorf("audit rows after the attempts: %d %v", len(evs), err)
	}
}
