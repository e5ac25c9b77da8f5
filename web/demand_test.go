package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/demand"
)

// generated verifies one entry, generates the draft as the paralegal and
// returns the stored letter and the verified entry's id.
func generated(t *testing.T, env *reviewEnv, pl *browser) (demand.Record, string) {
	t.Helper()
	e := firstCited(t, env.chronology(t))
	res, body := pl.post("/matters/"+env.matter+"/entries/"+e.ID+"/review", url.Values{"action": {"verify"}})
	wantStatus(t, "verify", res, body, http.StatusSeeOther)
	res, body = pl.post("/matters/"+env.matter+"/demand/generate", nil)
	wantStatus(t, "generate", res, body, http.StatusSeeOther)
	rec, err := env.store.DemandRecord(t.Context(), env.matter)
	if err != nil {
		t.Fatal(err)
	}
	return rec, e.ID
}

// TestDemandFromVerifiedEntriesOnly: the draft uses only entries a person
// verified; every other entry is listed as excluded.
func TestDemandFromVerifiedEntriesOnly(t *testing.T) {
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	rec, used := generated(t, env, pl)
	c := env.chronology(t)
	excluded := map[string]bool{}
	for _, x := range rec.Generation.Excluded {
		excluded[x.EntryID] = true
	}
	if excluded[used] {
		t.Errorf("the verified entry %s was excluded", used)
	}
	for _, e := range c.Entries {
		if e.ID != used && !excluded[e.ID] {
			t.Errorf("unreviewed entry %s was used in the draft", e.ID)
		}
	}
	if len(rec.Generation.Keys) == 0 || rec.Generation.Username != "paula" {
		t.Fatalf("generation: %+v", rec.Generation)
	}
	for _, k := range rec.Generation.Keys {
		if v, ok := rec.Latest(k); !ok || v.N != 1 {
			t.Errorf("section %s: want version 1, got %+v", k, v)
		}
	}
	res, body := pl.get("/matters/" + env.matter + "/demand")
	wantStatus(t, "demand page", res, body, http.StatusOK)
	if !strings.Contains(body, "watermarked DRAFT") || !strings.Contains(body, "/export/demand.docx") {
		t.Error("the demand page does not say the letter is a draft or link the export")
	}
	if env.auditActions(t)[access.AuditDemandGen] != 1 {
		t.Error("generation not audited")
	}
	// Generating again with nothing changed makes no new version.
	res, body = pl.post("/matters/"+env.matter+"/demand/generate", nil)
	wantStatus(t, "generate again", res, body, http.StatusSeeOther)
	again, err := env.store.DemandRecord(t.Context(), env.matter)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range again.Generation.Keys {
		if len(again.Versions[k]) != 1 {
			t.Errorf("section %s has %d versions after an identical regeneration", k, len(again.Versions[k]))
		}
	}
}

// TestDemandEditApproveDiff: a paralegal cannot approve; an attorney
// approves; an edit makes version 2 and clears the approval; the diff
// shows the lines added and removed; a save from a stale version is a
// conflict and an unchanged save stores nothing.
func TestDemandEditApproveDiff(t *testing.T) {
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	at := env.signIn(t, "alice", access.RoleAttorney, true)
	rec, _ := generated(t, env, pl)
	key := rec.Generation.Keys[0]
	v1, _ := rec.Latest(key)
	path := "/matters/" + env.matter + "/demand/" + key

	res, body := pl.post(path+"/approve", url.Values{"version": {"1"}})
	wantStatus(t, "approve by a paralegal", res, body, http.StatusForbidden)
	res, body = pl.post(path, url.Values{"base": {"1"}, "body": {v1.Body + "\nparalegal text"}})
	wantStatus(t, "edit by a paralegal", res, body, http.StatusForbidden)

	res, body = at.post(path+"/approve", url.Values{"version": {"1"}})
	wantStatus(t, "approve", res, body, http.StatusSeeOther)
	rec, _ = env.store.DemandRecord(t.Context(), env.matter)
	a, ok := rec.ApprovalOf(key)
	if !ok || a.Username != "alice" || a.SHA256 != demand.TextHash(v1.Body) {
		t.Fatalf("approval: %+v %v", a, ok)
	}
	res, body = at.get(path)
	wantStatus(t, "section", res, body, http.StatusOK)
	if !strings.Contains(body, a.SHA256[:12]) || strings.Contains(body, "/approve") {
		t.Error("the section page does not show the approval hash, or still offers to approve")
	}

	lines := strings.Split(v1.Body, "\n")
	edited := strings.Join(append([]string{"A new opening line."}, lines[1:]...), "\r\n") // as a browser sends it
	res, body = at.post(path, url.Values{"base": {"1"}, "body": {edited}})
	wantStatus(t, "edit", res, body, http.StatusSeeOther)
	rec, _ = env.store.DemandRecord(t.Context(), env.matter)
	v2, _ := rec.Latest(key)
	if v2.N != 2 || v2.Username != "alice" || strings.Contains(v2.Body, "\r") {
		t.Fatalf("after the edit: v%d by %s", v2.N, v2.Username)
	}
	if _, ok := rec.ApprovalOf(key); ok {
		t.Error("the edit did not clear the approval")
	}
	if rec.Approved() {
		t.Error("the letter counts as approved after an edit")
	}

	res, body = at.get(path + "/diff?from=1&to=2")
	wantStatus(t, "diff", res, body, http.StatusOK)
	if !strings.Contains(body, "<ins>A new opening line.</ins>") || !strings.Contains(body, "<del>") {
		t.Errorf("the diff does not show the added and removed lines")
	}
	res, body = at.get(path)
	if !strings.Contains(body, "diff?from=1&amp;to=2") {
		t.Error("the versions list has no diff with the previous version")
	}

	res, body = at.post(path, url.Values{"base": {"1"}, "body": {"stale text"}})
	wantStatus(t, "stale save", res, body, http.StatusConflict)
	if !strings.Contains(body, "Someone else saved this section") || !strings.Contains(body, "stale text") {
		t.Error("the conflict does not explain itself or loses the text typed")
	}
	res, body = at.post(path, url.Values{"base": {"2"}, "body": {v2.Body}})
	wantStatus(t, "unchanged save", res, body, http.StatusSeeOther)
	if !strings.Contains(res.Header.Get("Location"), "notice=unchanged") {
		t.Errorf("unchanged save redirects to %s", res.Header.Get("Location"))
	}
	rec, _ = env.store.DemandRecord(t.Context(), env.matter)
	if v, _ := rec.Latest(key); v.N != 2 {
		t.Errorf("latest is v%d after a stale and an unchanged save, want 2", v.N)
	}
	// Approving a version that is no longer the latest is refused.
	res, body = at.post(path+"/approve", url.Values{"version": {"1"}})
	wantStatus(t, "approve a stale version", res, body, http.StatusSeeOther)
	rec, _ = env.store.DemandRecord(t.Context(), env.matter)
	if _, ok := rec.ApprovalOf(key); ok {
		t.Error("a stale version's approval applies")
	}
	// Approve every section: the letter becomes final.
	for _, k := range rec.Generation.Keys {
		v, _ := rec.Latest(k)
		res, body := at.post("/matters/"+env.matter+"/demand/"+k+"/approve", url.Values{"version": {strconv.Itoa(v.N)}})
		wantStatus(t, "approve "+k, res, body, http.StatusSeeOther)
	}
	res, body = at.get("/matters/" + env.matter + "/demand")
	if !strings.Contains(body, "exports as final") {
		t.Error("the demand page does not say the letter is final")
	}
	acts := env.auditActions(t)
	if acts[access.AuditDemandEdit] != 1 || acts[access.AuditDemandApprove] != 1+len(rec.Generation.Keys) {
		t.Errorf("audit: %d edits, %d approvals", acts[access.AuditDemandEdit], acts[access.AuditDemandApprove])
	}
}
