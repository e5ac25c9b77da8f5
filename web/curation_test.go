package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
)

// providerOf returns the id of the provider named name in c.
func providerOf(t *testing.T, c chronology.Chronology, name string) string {
	t.Helper()
	for _, p := range c.Providers {
		if p.Name == name {
			return p.ID
		}
	}
	t.Fatalf("no provider %q in %+v", name, c.Providers)
	return ""
}

// entriesOf returns the ids of c's entries filed under provider id.
func entriesOf(c chronology.Chronology, id string) []string {
	var out []string
	for _, e := range c.AllEntries() {
		if e.ProviderID == id {
			out = append(out, e.ID)
		}
	}
	return out
}

// TestProviderOverrides renames, merges, splits and undoes through the
// pages, and checks that the chronology every page reads, the chronology
// page and the providers page follow at once, and that each change and
// undo is audited.
func TestProviderOverrides(t *testing.T) {
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	base := "/matters/" + env.matter
	c := env.chronology(t)
	pt := providerOf(t, c, "Momentum Physical Therapy")
	ortho := providerOf(t, c, "Parkway Orthopaedic Associates LLC")
	ptEntries, orthoEntries := entriesOf(c, pt), entriesOf(c, ortho)
	if len(ptEntries) < 3 || len(orthoEntries) == 0 {
		t.Fatalf("small bundle: %d therapy and %d orthopaedic entries", len(ptEntries), len(orthoEntries))
	}

	// Refused changes store nothing.
	for _, tc := range []struct {
		path string
		v    url.Values
		code int
	}{
		{"/providers/rename", url.Values{"provider": {pt}, "name": {"  "}}, http.StatusUnprocessableEntity},
		{"/providers/rename", url.Values{"provider": {pt}, "name": {"Unknown provider"}}, http.StatusUnprocessableEntity},
		{"/providers/rename", url.Values{"provider": {"prov-nope"}, "name": {"X"}}, http.StatusUnprocessableEntity},
		{"/providers/merge", url.Values{"provider": {pt}, "into": {pt}}, http.StatusUnprocessableEntity},
		{"/providers/reassign", url.Values{"name": {"X"}}, http.StatusUnprocessableEntity},
		{"/providers/reassign", url.Values{"name": {"X"}, "entry": {"ent-nope"}}, http.StatusUnprocessableEntity},
		{"/providers/split", url.Values{"name": {"X"}}, http.StatusNotFound},
		{"/providers/overrides/999/undo", nil, http.StatusNotFound},
	} {
		res, body := pl.post(base+tc.path, tc.v)
		wantStatus(t, tc.path+" "+tc.v.Encode(), res, body, tc.code)
	}
	if os, _ := env.store.ProviderOverrides(t.Context(), env.matter); len(os) != 0 {
		t.Fatalf("%d overrides stored by refused requests", len(os))
	}
	other := env.signIn(t, "olga", access.RoleAttorney, false)
	res, body := other.post(base+"/providers/rename", url.Values{"provider": {pt}, "name": {"X"}})
	wantStatus(t, "rename by a non-member", res, body, http.StatusNotFound)

	// Rename: every entry of the provider, its summary and the pages follow.
	res, body = pl.post(base+"/providers/rename", url.Values{"provider": {pt}, "name": {"Momentum PT & Rehab"}})
	wantStatus(t, "rename", res, body, http.StatusSeeOther)
	c = env.chronology(t)
	for _, e := range c.Entries {
		if e.ProviderID == pt && (e.Provider != "Momentum PT & Rehab" || strings.Contains(e.Summary, "Momentum Physical Therapy")) {
			t.Errorf("renamed entry %s: %q, summary %q", e.ID, e.Provider, e.Summary)
		}
	}
	_, page := pl.get(base + "/chronology")
	if strings.Contains(page, ">Momentum Physical Therapy<") || !strings.Contains(page, "Momentum PT &amp; Rehab") {
		t.Error("the chronology page still shows the old name, or not the new one")
	}
	res, page = pl.get(base + "/providers")
	wantStatus(t, "providers page", res, page, http.StatusOK)
	if !strings.Contains(page, "also printed as:") || !strings.Contains(page, "Momentum Physical Therapy") {
		t.Error("the providers page does not show the old name as an alias")
	}
	for _, p := range c.Providers {
		if p.ID == pt && !slices.Contains(p.Aliases, "Momentum Physical Therapy") {
			t.Errorf("aliases after rename: %q", p.Aliases)
		}
	}

	// Merge the orthopaedic practice into the therapy clinic.
	res, body = pl.post(base+"/providers/merge", url.Values{"provider": {ortho}, "into": {pt}})
	wantStatus(t, "merge", res, body, http.StatusSeeOther)
	c = env.chronology(t)
	if n := len(entriesOf(c, pt)); n != len(ptEntries)+len(orthoEntries) {
		t.Errorf("after merge %d entries under the clinic, want %d", n, len(ptEntries)+len(orthoEntries))
	}
	for _, p := range c.Providers {
		if p.ID == ortho {
			t.Error("the merged provider is still listed")
		}
	}
	for _, s := range c.Specials.ByProvider {
		if s.ProviderID == ortho {
			t.Error("the specials still list the merged provider")
		}
	}

	// Split: two selected entries move to a new provider, from the chronology.
	moved := ptEntries[:2]
	res, body = pl.post(base+"/providers/reassign", url.Values{"name": {"Lakeside Chiropractic"}, "entry": moved, "back": {"chronology"}})
	wantStatus(t, "reassign", res, body, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); !strings.Contains(loc, "/chronology?notice=reassigned") {
		t.Errorf("reassign went back to %q", loc)
	}
	c = env.chronology(t)
	lake := providerOf(t, c, "Lakeside Chiropractic")
	if got := entriesOf(c, lake); strings.Join(got, ",") != strings.Join(moved, ",") {
		t.Errorf("entries of the new provider: %v, want %v", got, moved)
	}
	_, page = pl.get(base + "/chronology?provider=" + url.QueryEscape(lake))
	if n := strings.Count(page, `<tr id="entry-`); n != len(moved) {
		t.Errorf("filter by the new provider: %d rows, want %d", n, len(moved))
	}

	// Undo the merge: the orthopaedic entries are back under their provider.
	os, err := env.store.ProviderOverrides(t.Context(), env.matter)
	if err != nil || len(os) != 3 {
		t.Fatalf("overrides: %d, %v", len(os), err)
	}
	res, body = pl.post(base+"/providers/overrides/"+i64(os[1].ID)+"/undo", nil)
	wantStatus(t, "undo merge", res, body, http.StatusSeeOther)
	c = env.chronology(t)
	if got := entriesOf(c, ortho); len(got) != len(orthoEntries) {
		t.Errorf("after undo %d orthopaedic entries, want %d", len(got), len(orthoEntries))
	}
	if got := entriesOf(c, lake); len(got) != len(moved) {
		t.Errorf("undoing the merge changed the split: %v", got)
	}
	// The same through the API, with the service token.
	api := env.srv.URL + "/api/matters/" + env.matter + "/providers/overrides"
	req, _ := http.NewRequest("POST", api, strings.NewReader(`{"kind":"merge","provider_id":"`+lake+`","into_id":"`+pt+`"}`))
	code, out := do(t, req, true)
	var added chronology.ProviderOverride
	if err := json.Unmarshal(out, &added); code != http.StatusCreated || err != nil || added.ID == 0 || added.Username != "service-token" {
		t.Fatalf("API merge: %d %s", code, out)
	}
	if got := entriesOf(env.chronology(t), lake); len(got) != 0 {
		t.Errorf("after the API merge %d entries left under the split provider", len(got))
	}
	req, _ = http.NewRequest("POST", api, strings.NewReader(`{"kind":"merge","provider_id":"prov-nope","into_id":"`+pt+`"}`))
	if code, out := do(t, req, true); code != http.StatusUnprocessableEntity {
		t.Errorf("API merge of an unknown provider: %d %s", code, out)
	}
	req, _ = http.NewRequest("DELETE", api+"/"+i64(added.ID), nil)
	if code, out := do(t, req, true); code != http.StatusOK {
		t.Errorf("API undo: %d %s", code, out)
	}
	req, _ = http.NewRequest("GET", api, nil)
	code, out = do(t, req, true)
	var list []chronology.ProviderOverride
	if err := json.Unmarshal(out, &list); code != http.StatusOK || err != nil || len(list) != 2 {
		t.Errorf("API list: %d %s", code, out)
	}
	acts := env.auditActions(t)
	if acts[access.AuditProviderOverride] != 4 || acts[access.AuditProviderUndo] != 2 {
		t.Errorf("audit: %d overrides, %d undos; want 4 and 2", acts[access.AuditProviderOverride], acts[access.AuditProviderUndo])
	}

	// Bulk verify refuses entries under "Unknown provider": name a provider
	// unknown in the stored chronology, as the build does for records that
	// name none.
	stored, version, err := env.store.Chronology(t.Context(), env.matter)
	if err != nil {
		t.Fatal(err)
	}
	for i := range stored.Providers {
		if stored.Providers[i].ID == ortho {
			stored.Providers[i].Name = chronology.UnknownProvider
		}
	}
	for i := range stored.Entries {
		if stored.Entries[i].ProviderID == ortho {
			stored.Entries[i].Provider = chronology.UnknownProvider
		}
	}
	if err := env.store.PutChronology(t.Context(), env.matter, version, stored); err != nil {
		t.Fatal(err)
	}
	res, body = pl.post(base+"/review/bulk", url.Values{"provider": {ortho}, "confirm": {"yes"}, "flags": {"yes"}})
	if res.StatusCode == http.StatusSeeOther || !strings.Contains(body, "cannot be verified in bulk") {
		t.Errorf("bulk verify of unknown-provider entries: %d, refusal shown %v", res.StatusCode, strings.Contains(body, "cannot be verified in bulk"))
	}
	if rs, _ := env.store.EntryReviews(t.Context(), env.matter); len(rs) != 0 {
		t.Errorf("%d entries verified under an unknown provider", len(rs))
	}
}

// TestFlagsWorkspace lists the flags by kind, dismisses and restores one,
// makes a task of one and closes it; the chronology's filters return
// exactly the entries each kind of flag concerns; and a disagreeing date
// of incident is shown on the chronology and demand pages.
func TestFlagsWorkspace(t *testing.T) {
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	base := "/matters/" + env.matter
	c := env.chronology(t)
	if len(c.Flags) == 0 {
		t.Fatal("the small bundle raises no flag")
	}
	res, page := pl.get(base + "/flags")
	wantStatus(t, "flags page", res, page, http.StatusOK)
	kinds := map[string]int{}
	for _, f := range c.Flags {
		kinds[f.Kind]++
		if !strings.Contains(page, `id="flag-`+chronology.FlagKey(f)+`"`) {
			t.Errorf("flag %s not listed", f.Kind)
		}
	}
	for k := range kinds {
		if !strings.Contains(page, `id="kind-`+k+`"`) {
			t.Errorf("no group for %s", k)
		}
		_, one := pl.get(base + "/flags?kind=" + k)
		if n := strings.Count(one, `<li id="flag-`); n != kinds[k] {
			t.Errorf("kind %s: %d flags listed, want %d", k, n, kinds[k])
		}
	}
	for _, d := range c.Duplicates {
		if !strings.Contains(page, "/documents/"+d.DocumentID+"/pages/"+i64(int64(d.Page))+"/image.png") {
			t.Error("a duplicate page is not shown as an image")
		}
	}

	// Filters: one per kind present, each returning exactly its entries.
	_, chrono := pl.get(base + "/chronology")
	for k := range kinds {
		want := map[string]bool{}
		for _, f := range c.Flags {
			if f.Kind == k {
				for id := range chronology.FlagEntries(&c, f) {
					want[id] = true
				}
			}
		}
		n := 0
		for _, e := range c.Entries {
			if want[e.ID] {
				n++
			}
		}
		if n == 0 || k == chronology.FlagUnverified {
			continue
		}
		if !strings.Contains(chrono, `value="kind:`+k+`"`) {
			t.Errorf("no filter offered for %s", k)
		}
		_, got := pl.get(base + "/chronology?flag=" + url.QueryEscape("kind:"+k))
		if rows := strings.Count(got, `<tr id="entry-`); rows != n {
			t.Errorf("filter %s: %d rows, want %d", k, rows, n)
		}
	}
	if len(c.Duplicates) > 0 {
		n := len(chronology.DuplicateEntries(&c))
		_, got := pl.get(base + "/chronology?flag=duplicate")
		if rows := strings.Count(got, `<tr id="entry-`); n > 0 && rows == 0 {
			t.Errorf("duplicate filter: no rows, want %d", n)
		}
	}

	// Dismiss (a reason is required), then restore.
	f := c.Flags[0]
	key := chronology.FlagKey(f)
	res, body := pl.post(base+"/flags/"+key, url.Values{"action": {"dismiss"}})
	wantStatus(t, "dismiss without a reason", res, body, http.StatusUnprocessableEntity)
	res, body = pl.post(base+"/flags/f-0000000000", url.Values{"action": {"dismiss"}, "reason": {"x"}})
	wantStatus(t, "dismiss an unknown flag", res, body, http.StatusNotFound)
	res, body = pl.post(base+"/flags/"+key, url.Values{"action": {"dismiss"}, "reason": {"known, unrelated old injury"}})
	wantStatus(t, "dismiss", res, body, http.StatusSeeOther)
	_, page = pl.get(base + "/flags")
	if !strings.Contains(page, `id="flag-`+key+`" class="flag dismissed"`) || !strings.Contains(page, "known, unrelated old injury") {
		t.Error("the dismissed flag is not shown as dismissed with its reason")
	}
	res, body = pl.post(base+"/flags/"+key, url.Values{"action": {"restore"}})
	wantStatus(t, "restore", res, body, http.StatusSeeOther)
	ds, _ := env.store.FlagDecisions(t.Context(), env.matter)
	if st := chronology.FlagStates(ds, nil)[key]; len(ds) != 2 || st.State != chronology.FlagOpen {
		t.Errorf("decisions: %d, state %q", len(ds), st.State)
	}

	// A task from a flag, then done.
	res, body = pl.post(base+"/tasks", url.Values{"flag": {key}, "text": {"Request records from Parkway pain management"}})
	wantStatus(t, "task from a flag", res, body, http.StatusSeeOther)
	res, body = pl.post(base+"/tasks", url.Values{"text": {""}})
	wantStatus(t, "empty task", res, body, http.StatusUnprocessableEntity)
	tasks, _ := env.store.Tasks(t.Context(), env.matter)
	if len(tasks) != 1 || tasks[0].FlagKey != key || tasks[0].Status != chronology.TaskOpen {
		t.Fatalf("tasks: %+v", tasks)
	}
	res, body = pl.post(base+"/tasks/"+i64(tasks[0].ID)+"/status", url.Values{"status": {"done"}})
	wantStatus(t, "task done", res, body, http.StatusSeeOther)
	res, body = pl.post(base+"/tasks/"+i64(tasks[0].ID+100)+"/status", url.Values{"status": {"done"}})
	wantStatus(t, "another matter's task", res, body, http.StatusNotFound)
	if tasks, _ = env.store.Tasks(t.Context(), env.matter); tasks[0].Status != chronology.TaskDone {
		t.Errorf("task status %q after done", tasks[0].Status)
	}
	acts := env.auditActions(t)
	for _, a := range []string{access.AuditFlagDismiss, access.AuditFlagRestore, access.AuditTaskCreate, access.AuditTaskStatus} {
		if acts[a] != 1 {
			t.Errorf("audit %s: %d rows, want 1", a, acts[a])
		}
	}

	// The API lists the flags with their keys and states.
	req, _ := http.NewRequest("GET", env.srv.URL+"/api/matters/"+env.matter+"/flags", nil)
	code, out := do(t, req, true)
	var fl struct {
		Flags []struct{ Key, Kind, State string }
		Tasks []chronology.Task
	}
	if err := json.Unmarshal(out, &fl); code != http.StatusOK || err != nil || len(fl.Flags) != len(c.Flags) || len(fl.Tasks) != 1 {
		t.Errorf("API flags: %d %.300s", code, out)
	} else if fl.Flags[0].Key != key || fl.Flags[0].State != chronology.FlagOpen {
		t.Errorf("API flag 0: %+v", fl.Flags[0])
	}

	// An incident date the records contradict is shown before drafting.
	stored, version, err := env.store.Chronology(t.Context(), env.matter)
	if err != nil {
		t.Fatal(err)
	}
	doi := chronology.Flag{Kind: chronology.FlagIncidentDate, Message: "The records print \"DOI\" as 2023-12-05 on 1 page(s)",
		Citations: []extract.Citation{{DocumentID: stored.Documents[0].ID, Page: 2, Quote: "DOI: 12/05/2023"}}}
	stored.Flags = append(stored.Flags, doi)
	if err := env.store.PutChronology(context.Background(), env.matter, version, stored); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/chronology", "/demand"} {
		_, got := pl.get(base + p)
		if !strings.Contains(got, "Check the date of incident") || !strings.Contains(got, "/documents/"+stored.Documents[0].ID+"/pages/2") {
			t.Errorf("%s: no incident-date warning with its page", p)
		}
	}
	res, body = pl.post(base+"/flags/"+chronology.FlagKey(doi), url.Values{"action": {"dismiss"}, "reason": {"the client confirmed 12/06"}})
	wantStatus(t, "dismiss the incident warning", res, body, http.StatusSeeOther)
	if _, got := pl.get(base + "/demand"); strings.Contains(got, "Check the date of incident") {
		t.Error("a dismissed incident warning is still shown")
	}
}

func i64(n int64) string { return strconv.FormatInt(n, 10) }
