package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/medchron/medchron/access"
)

// TestAccountMatterCreateAndMembers: a paralegal creates matters (ids
// derived from the name, made unique; a given id must be free), becomes
// their member and sees them listed; others see nothing of them until an
// attorney of the matter assigns them; removal takes access away again.
func TestAccountMatterCreateAndMembers(t *testing.T) {
	env := newAcctEnv(t)
	ctx := context.Background()
	env.user(t, "para", access.RoleParalegal)
	env.user(t, "other", access.RoleParalegal)
	att := env.user(t, "att", access.RoleAttorney)
	p, o, a := env.signIn(t, "para"), env.signIn(t, "other"), env.signIn(t, "att")

	create := url.Values{"name": {"Smith v. Jones"}, "client": {"Pat Smith"}, "incident_date": {"2023-12-06"}, "gap_days": {"45"}}
	res, body := p.post("/matters", create)
	want(t, "create", res, body, http.StatusSeeOther, "/matters/smith-v-jones?notice=created")
	res, body = p.post("/matters", create)
	want(t, "create again", res, body, http.StatusSeeOther, "/matters/smith-v-jones-2?")
	res, body = p.post("/matters", url.Values{"id": {"smith-v-jones"}})
	want(t, "a taken id", res, body, http.StatusConflict, "")
	res, body = p.post("/matters", url.Values{"name": {"Bad date"}, "incident_date": {"12/06/2023"}})
	want(t, "a bad date", res, body, http.StatusBadRequest, "")
	if !strings.Contains(body, "incident_date: want YYYY-MM-DD") {
		t.Errorf("the date error is not shown: %.300s", body)
	}
	res, body = p.post("/matters", url.Values{"id": {"../etc"}})
	want(t, "a bad id", res, body, http.StatusBadRequest, "")
	res, body = p.form("/matters", url.Values{"name": {"No token"}})
	want(t, "create without the CSRF token", res, body, http.StatusForbidden, "")

	m, err := env.store.Matter(ctx, "smith-v-jones")
	if err != nil || m.Client != "Pat Smith" || m.GapDays != 45 || m.DateOfIncident.String() != "2023-12-06" {
		t.Fatalf("stored matter %+v %v", m, err)
	}
	res, body = p.get("/matters")
	want(t, "matters list", res, body, http.StatusOK, "")
	if !strings.Contains(body, `href="/matters/smith-v-jones"`) || !strings.Contains(body, `href="/matters/smith-v-jones-2"`) {
		t.Error("the creator's list lacks the new matters")
	}
	res, body = p.get("/matters/smith-v-jones")
	want(t, "matter page", res, body, http.StatusOK, "")
	if !strings.Contains(body, "Smith v. Jones") || !strings.Contains(body, "Upload records") {
		t.Error("the matter page lacks its name or the upload area")
	}
	res, body = o.get("/matters")
	want(t, "another user's list", res, body, http.StatusOK, "")
	if strings.Contains(body, "smith-v-jones") {
		t.Error("a non-member sees the matter in the list")
	}
	res, body = o.get("/matters/smith-v-jones")
	want(t, "a non-member opens the matter", res, body, http.StatusNotFound, "")

	// The paralegal may not assign; an attorney who is a member may.
	res, body = p.post("/matters/smith-v-jones/members", url.Values{"user": {att.ID}})
	want(t, "a paralegal assigns", res, body, http.StatusForbidden, "")
	if err := env.store.AddMember(ctx, "smith-v-jones", att.ID); err != nil {
		t.Fatal(err)
	}
	other, _ := env.store.UserByName(ctx, "other")
	res, body = a.post("/matters/smith-v-jones/members", url.Values{"user": {other.ID}})
	want(t, "assign", res, body, http.StatusSeeOther, "/matters/smith-v-jones?notice=membership")
	res, body = o.get("/matters/smith-v-jones")
	want(t, "an assigned user opens the matter", res, body, http.StatusOK, "")
	res, body = a.post("/matters/smith-v-jones/members", url.Values{"user": {"usr-nobody"}})
	want(t, "assign an unknown user", res, body, http.StatusBadRequest, "")
	res, body = a.post("/matters/smith-v-jones/members/remove", url.Values{"user": {att.ID}})
	want(t, "remove oneself", res, body, http.StatusBadRequest, "")
	res, body = a.post("/matters/smith-v-jones/members/remove", url.Values{"user": {other.ID}})
	want(t, "remove", res, body, http.StatusSeeOther, "/matters/smith-v-jones?notice=membership")
	res, body = o.get("/matters/smith-v-jones")
	want(t, "a removed user opens the matter", res, body, http.StatusNotFound, "")

	if evs := env.audit(t, access.AuditMatterCreate); len(evs) != 2 || evs[1].MatterID != "smith-v-jones" || evs[1].Username != "para" {
		t.Errorf("matter_create rows %+v", evs)
	}
	var assigns []string
	for _, e := range env.audit(t, access.AuditMatterAssign) {
		assigns = append(assigns, e.Detail)
	}
	if got := strings.Join(assigns, ","); got != "removed other,added other" {
		t.Errorf("matter_assign rows %q", got)
	}
}
