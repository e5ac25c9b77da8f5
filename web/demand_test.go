package web_test

import (
	"context"
	"github.com/medchron/medchron/demand/llmdraft"
	"github.com/medchron/medchron/web"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/demand/adjuster"
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

// letterInputs is the generate form filled in completely.
func letterInputs() url.Values {
	return url.Values{"inputs": {"1"}, "variant": {demand.VariantBodilyInjury}, "adjuster": {"Pat Lee"}, "carrier": {"Acme Mutual"},
		"claim_number": {"AM-22-104"}, "insured": {"Acme Freight LLC"}, "liability": {"The insured's driver ran the red light."},
		"employer": {"Harbor Logistics"}, "occupation": {"warehouse associate"}, "daily_wage": {"$168"}, "days_missed": {"12"},
		"pip": {"2,500"}, "medpay": {"0"}, "out_of_pocket": {"310.25"}, "liens": {"Blue Plan Health: 1,200.00\r\n"},
		"future_care_cost": {"8500"}, "demand_amount": {"95000"}, "deadline": {"2026-02-16"}, "signature": {"Rivera & Cole LLP"}}
}

// generatedFinal verifies every grounded entry, provider by provider, and
// generates the letter with every input filled in: each section can then
// be approved.
func generatedFinal(t *testing.T, env *reviewEnv, pl *browser) demand.Record {
	t.Helper()
	for _, p := range env.chronology(t).Providers {
		res, body := pl.post("/matters/"+env.matter+"/review/bulk", url.Values{"provider": {p.ID}, "confirm": {"yes"}, "flags": {"yes"}})
		wantStatus(t, "verify "+p.ID, res, body, http.StatusSeeOther)
	}
	res, body := pl.post("/matters/"+env.matter+"/demand/generate", letterInputs())
	wantStatus(t, "generate", res, body, http.StatusSeeOther)
	rec, err := env.store.DemandRecord(t.Context(), env.matter)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// TestDemandEligibleEntries: the draft follows demand.Eligible: the
// verified entry is used as reviewed; entries nobody reviewed are used
// only when grounded, listed as unreviewed by the sections stating them,
// which cannot be approved; the others are listed as left out.
func TestDemandEligibleEntries(t *testing.T) {
	t.Parallel()
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	at := env.signIn(t, "alice", access.RoleAttorney, true)
	rec, used := generated(t, env, pl)
	c := env.chronology(t)
	byID := map[string]bool{}
	for _, e := range c.Entries {
		byID[e.ID] = e.Grounded
	}
	for _, x := range rec.Generation.Excluded {
		if x.EntryID == used || x.Reason != demand.ReasonUngrounded || byID[x.EntryID] {
			t.Errorf("left out %s (%s): only unreviewed entries whose quote was not found may be", x.EntryID, x.Reason)
		}
	}
	var blocked string
	for _, k := range rec.Generation.Keys {
		v, _ := rec.Latest(k)
		if v.N != 1 {
			t.Errorf("section %s: want version 1, got %d", k, v.N)
		}
		for _, id := range v.Unreviewed {
			if id == used || !byID[id] {
				t.Errorf("section %s lists %s as an unreviewed grounded entry", k, id)
			}
		}
		if len(v.Unreviewed) > 0 && blocked == "" {
			blocked = k
		}
		if strings.Contains(strings.ToLower(v.Body), "verified") {
			t.Errorf("section %s speaks of verification:\n%s", k, v.Body)
		}
	}
	if blocked == "" || rec.Generation.Username != "paula" {
		t.Fatalf("no section states unreviewed facts, or generation by %q", rec.Generation.Username)
	}
	res, body := at.post("/matters/"+env.matter+"/demand/"+blocked+"/approve", url.Values{"version": {"1"}})
	wantStatus(t, "approve a section with unreviewed facts", res, body, http.StatusConflict)
	if !strings.Contains(body, "Not approved:") || !strings.Contains(body, "nobody has reviewed") && !strings.Contains(body, "placeholder") {
		t.Errorf("the refusal does not say why")
	}
	if r, _ := env.store.DemandRecord(t.Context(), env.matter); len(r.Approvals) != 0 {
		t.Error("an unfinished section was approved")
	}
	res, body = pl.get("/matters/" + env.matter + "/demand")
	wantStatus(t, "demand page", res, body, http.StatusOK)
	for _, want := range []string{"watermarked DRAFT", "/export/demand.docx", "Letter inputs", `name="claim_number"`, "placeholder"} {
		if !strings.Contains(body, want) {
			t.Errorf("the demand page lacks %q", want)
		}
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

// TestDemandInputs: the form's inputs are stored with the generation and
// fill the letter; generating without the form keeps them; a wrong amount
// is refused and stores nothing.
func TestDemandInputs(t *testing.T) {
	t.Parallel()
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	// Before the first generation the claim fields are filled from what the
	// bills print, said so, with the page.
	res, body := pl.get("/matters/" + env.matter + "/demand")
	wantStatus(t, "demand page", res, body, http.StatusOK)
	for _, want := range []string{`name="claim_number" value="5582051716"`, `name="carrier" value="State Farm Auto - Med Pay/PIP"`,
		"Filled in from the records: check that it is this claim", "Claim # <strong>5582051716</strong>", "/pages/3\">"} {
		if !strings.Contains(body, want) {
			t.Errorf("the demand form lacks %q", want)
		}
	}
	bad := letterInputs()
	bad.Set("pip", "lots")
	res, body = pl.post("/matters/"+env.matter+"/demand/generate", bad)
	wantStatus(t, "bad amount", res, body, http.StatusBadRequest)
	if !strings.Contains(body, "PIP paid") {
		t.Error("the refusal does not name the field")
	}
	rec := generatedFinal(t, env, pl)
	in := rec.Generation.Inputs
	if in.ClaimNumber != "AM-22-104" || in.PIP == nil || *in.PIP != 2500 || in.DaysMissed == nil || *in.DaysMissed != 12 ||
		len(in.Liens) != 1 || in.Liens[0].Amount != 1200 || in.Deadline != "2026-02-16" {
		t.Fatalf("stored inputs %+v", in)
	}
	intro, _ := rec.Latest(demand.KeyIntroduction)
	if !strings.Contains(intro.Body, "- Claim number: AM-22-104") || !strings.Contains(intro.Body, "Dear Pat Lee:") {
		t.Errorf("introduction:\n%s", intro.Body)
	}
	res, body = pl.post("/matters/"+env.matter+"/demand/generate", nil)
	wantStatus(t, "generate without the form", res, body, http.StatusSeeOther)
	again, _ := env.store.DemandRecord(t.Context(), env.matter)
	if again.Generation.Inputs.ClaimNumber != "AM-22-104" || len(again.Versions[demand.KeyIntroduction]) != 1 {
		t.Errorf("inputs after a plain regeneration: %+v", again.Generation.Inputs)
	}
	res, body = pl.get("/matters/" + env.matter + "/demand")
	if !strings.Contains(body, `value="AM-22-104"`) || !strings.Contains(body, "Blue Plan Health: 1200.00") {
		t.Error("the form does not show the stored inputs")
	}
	if strings.Contains(body, "Filled in from the records") || !strings.Contains(body, "Claim # <strong>5582051716</strong>") {
		t.Error("after the attorney's inputs the form should still list what the records print, without filling it in")
	}
}

// TestDemandEditApproveDiff: a paralegal cannot approve; an attorney
// approves; an edit makes version 2 and clears the approval; the diff
// shows the lines added and removed; a save from a stale version is a
// conflict and an unchanged save stores nothing.
func TestDemandEditApproveDiff(t *testing.T) {
	t.Parallel()
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	at := env.signIn(t, "alice", access.RoleAttorney, true)
	rec := generatedFinal(t, env, pl)
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

// TestDemandApprovalRefusesUnreconciledFigures: a section edited to state
// an amount the ledger does not hold shows the failing sentence on its
// page and cannot be approved; the original text, whose figures all
// reconcile, can.
func TestDemandApprovalRefusesUnreconciledFigures(t *testing.T) {
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	at := env.signIn(t, "alice", access.RoleAttorney, true)
	rec := generatedFinal(t, env, pl)
	key := rec.Generation.Keys[0]
	v1, _ := rec.Latest(key)
	path := "/matters/" + env.matter + "/demand/" + key

	res, body := at.get(path)
	wantStatus(t, "section", res, body, http.StatusOK)
	if strings.Contains(body, "do not reconcile") || !strings.Contains(body, "reconcile with the chronology and the ledger") {
		t.Fatal("the generated section is not shown as reconciled")
	}
	invented := v1.Body + "\n\nThe medical charges total $987,654.32."
	res, body = at.post(path, url.Values{"base": {"1"}, "body": {invented}})
	wantStatus(t, "edit", res, body, http.StatusSeeOther)
	res, body = at.get(path)
	if !strings.Contains(body, "Figures that do not reconcile") || !strings.Contains(body, "$987,654.32") {
		t.Error("the section page does not mark the sentence with the invented amount")
	}
	res, body = at.post(path+"/approve", url.Values{"version": {"2"}})
	wantStatus(t, "approve an invented amount", res, body, http.StatusConflict)
	if !strings.Contains(body, "Not approved") {
		t.Error("the refusal does not say why")
	}
	rec, _ = env.store.DemandRecord(t.Context(), env.matter)
	if _, ok := rec.ApprovalOf(key); ok {
		t.Fatal("a section with an invented amount was approved")
	}
	res, body = at.post(path, url.Values{"base": {"2"}, "body": {v1.Body}})
	wantStatus(t, "restore", res, body, http.StatusSeeOther)
	res, body = at.post(path+"/approve", url.Values{"version": {"3"}})
	wantStatus(t, "approve the restored text", res, body, http.StatusSeeOther)
	rec, _ = env.store.DemandRecord(t.Context(), env.matter)
	if _, ok := rec.ApprovalOf(key); !ok {
		t.Error("the restored text was not approved")
	}
}

// TestDemandAdjusterAnswers: the demand page lists the adjuster's read
// with an answer box per point; an answer posted with the inputs is
// stored, shown again, and stated in the letter.
func TestDemandAdjusterAnswers(t *testing.T) {
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	generatedFinal(t, env, pl)
	// The small bundle holds care before the incident: a prior-history
	// point at least.
	if n := len(adjuster.Read(env.chronology(t), adjuster.Options{})); n == 0 {
		t.Fatal("the adjuster's read of the test matter is empty")
	}
	res, body := pl.get("/matters/" + env.matter + "/demand")
	wantStatus(t, "demand page", res, body, http.StatusOK)
	m := regexp.MustCompile(`name="answer_([a-z_]+-[0-9a-f]+)"`).FindStringSubmatch(body)
	if m == nil || !strings.Contains(body, "s read (") {
		t.Fatal("the demand page lists no point of the adjuster's read")
	}
	const answer = "Our client kept every appointment the clinic offered."
	form := letterInputs()
	form.Set("answer_"+m[1], answer)
	res, body = pl.post("/matters/"+env.matter+"/demand/generate", form)
	wantStatus(t, "generate with an answer", res, body, http.StatusSeeOther)
	rec, _ := env.store.DemandRecord(t.Context(), env.matter)
	if rec.Generation.Inputs.Answers[m[1]] != answer {
		t.Fatalf("stored answers %v", rec.Generation.Inputs.Answers)
	}
	found := false
	for _, k := range rec.Generation.Keys {
		if v, _ := rec.Latest(k); strings.Contains(v.Body, answer) {
			found = true
		}
	}
	if !found {
		t.Error("the letter does not state the answer")
	}
	res, body = pl.get("/matters/" + env.matter + "/demand")
	if !strings.Contains(body, answer) {
		t.Error("the demand page does not show the saved answer")
	}
}

// fakeDrafter answers every LLM draft request with body and one failing
// sentence, and records what it was sent.
type fakeDrafter struct {
	body string
	reqs []llmdraft.Request
}

func (f *fakeDrafter) Draft(_ context.Context, req llmdraft.Request) (llmdraft.Draft, error) {
	f.reqs = append(f.reqs, req)
	return llmdraft.Draft{Section: req.Section, Model: "replay-model", PromptVersion: "demand-" + req.Section + "-v1", Body: f.body,
		Sentences: []llmdraft.Sentence{{Text: "ok"}, {Text: "bad", Problems: []string{"cites no entry"}}}}, nil
}

// TestDemandSectionLLM: with a drafter configured, the treatment section
// offers "Draft with the LLM"; the draft is saved as the next version,
// audited with the model and the failing count, sent only reviewed
// entries, and a draft holding a failed-check note cannot be approved.
// Without a drafter the route answers 404 and no button shows.
func TestDemandSectionLLM(t *testing.T) {
	fd := &fakeDrafter{body: "The client attended physical therapy. [Check failed: cites no entry]"}
	env := newReviewEnvWith(t, func(c *web.Config) { c.Drafter = fd })
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	at := env.signIn(t, "alice", access.RoleAttorney, true)
	generatedFinal(t, env, pl)
	path := "/matters/" + env.matter + "/demand/" + demand.KeyTreatment
	res, body := at.get(path)
	wantStatus(t, "section", res, body, http.StatusOK)
	if !strings.Contains(body, path+"/llm") {
		t.Fatal("the treatment section does not offer LLM drafting")
	}
	res, body = at.post(path+"/llm", nil)
	wantStatus(t, "llm draft", res, body, http.StatusSeeOther)
	if len(fd.reqs) != 1 || fd.reqs[0].Section != "treatment" || fd.reqs[0].Eligible == nil {
		t.Fatalf("requests %+v", fd.reqs)
	}
	for _, e := range env.chronology(t).Entries {
		if fd.reqs[0].Eligible(e) && !e.Reviewed() {
			t.Errorf("entry %s is sent to the LLM without a review", e.ID)
		}
	}
	rec, _ := env.store.DemandRecord(t.Context(), env.matter)
	v, _ := rec.Latest(demand.KeyTreatment)
	if v.Body != fd.body || v.N != 2 {
		t.Fatalf("latest treatment v%d: %q", v.N, v.Body)
	}
	res, body = at.post(path+"/approve", url.Values{"version": {"2"}})
	wantStatus(t, "approve a draft with a failed check", res, body, http.StatusConflict)
	var found bool
	evs, err := env.store.AuditEvents(t.Context(), access.AuditFilter{MatterID: env.matter, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range evs {
		if a.Action == access.AuditDemandEdit && strings.Contains(a.Detail, "replay-model") && strings.Contains(a.Detail, "1 of 2 sentences failed") {
			found = true
		}
	}
	if !found {
		t.Error("the LLM draft is not audited with its model and failures")
	}

	plain := newReviewEnv(t)
	at2 := plain.signIn(t, "alice", access.RoleAttorney, true)
	generatedFinal(t, plain, plain.signIn(t, "paula", access.RoleParalegal, true))
	res, body = at2.get("/matters/" + plain.matter + "/demand/" + demand.KeyTreatment)
	if strings.Contains(body, "/llm") {
		t.Error("LLM drafting is offered without an LLM endpoint")
	}
	res, body = at2.post("/matters/"+plain.matter+"/demand/"+demand.KeyTreatment+"/llm", nil)
	wantStatus(t, "llm route without a drafter", res, body, http.StatusNotFound)
}

// TestDemandSectionPreview: the editor's text is shown as the letter lays
// it out, escaped, with the text kept in the editor and nothing saved; a
// paralegal cannot preview an edit they cannot save.
func TestDemandSectionPreview(t *testing.T) {
	t.Parallel()
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	at := env.signIn(t, "alice", access.RoleAttorney, true)
	rec := generatedFinal(t, env, pl)
	key := rec.Generation.Keys[0]
	path := "/matters/" + env.matter + "/demand/" + key
	text := "### Injuries\r\nFirst line\r\nsame paragraph <script>x</script>\r\n- a bullet\r\n\r\n| Provider | Billed |\r\n|---|---|\r\n| ER | $1,200.00 |"
	res, body := at.post(path+"/preview", url.Values{"base": {"1"}, "body": {text}})
	wantStatus(t, "preview", res, body, http.StatusOK)
	for _, want := range []string{"Preview <span class=\"muted\">(not saved)</span>", "<h3>Injuries</h3>",
		"<p>First line same paragraph &lt;script&gt;x&lt;/script&gt;</p>", "<p class=\"bullet\">• a bullet</p>",
		"<th>Provider</th><th>Billed</th>", "<td>ER</td><td>$1,200.00</td>", "- a bullet\n"} {
		if !strings.Contains(body, want) {
			t.Errorf("the preview lacks %q", want)
		}
	}
	if after, _ := env.store.DemandRecord(t.Context(), env.matter); len(after.Versions[key]) != 1 {
		t.Errorf("a preview stored a version: %d versions", len(after.Versions[key]))
	}
	res, body = pl.post(path+"/preview", url.Values{"base": {"1"}, "body": {text}})
	wantStatus(t, "preview by a paralegal", res, body, http.StatusForbidden)
}
