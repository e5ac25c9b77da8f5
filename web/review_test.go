package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/search"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/web"
)

// firstCited returns an entry whose first citation was found on its page.
func firstCited(t *testing.T, c chronology.Chronology) chronology.Entry {
	t.Helper()
	for _, e := range c.Entries {
		if e.Grounded && len(e.Citations) > 0 && !e.Date.IsZero() {
			return e
		}
	}
	t.Fatal("no entry with a found citation in the small bundle")
	return chronology.Entry{}
}

func entryOf(t *testing.T, c chronology.Chronology, id string) chronology.Entry {
	t.Helper()
	for _, e := range c.Entries {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("entry %s is gone", id)
	return chronology.Entry{}
}

// TestEntryReviewRoundTrip: a paralegal verifies, resets, rejects (a
// reason is required), and corrects an entry through the forms; each
// decision is stored with the user, shown on the entry and in the
// chronology, and audited.
func TestEntryReviewRoundTrip(t *testing.T) {
	t.Parallel()
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	e := firstCited(t, env.chronology(t))
	path := "/matters/" + env.matter + "/entries/" + e.ID
	review := func(form url.Values) (*http.Response, string) { return pl.post(path+"/review", form) }

	// Without the CSRF token nothing is stored.
	res, body := review(url.Values{"action": {"verify"}, "csrf": {"forged"}})
	wantStatus(t, "review without CSRF", res, body, http.StatusForbidden)
	if rs, _ := env.store.EntryReviews(t.Context(), env.matter); len(rs) != 0 {
		t.Fatalf("a forged review was stored: %+v", rs)
	}

	res, body = review(url.Values{"action": {"verify"}})
	wantStatus(t, "verify", res, body, http.StatusSeeOther)
	got := entryOf(t, env.chronology(t), e.ID)
	if got.Review != chronology.ReviewVerified || got.ReviewedBy == nil || got.ReviewedBy.By != "paula" {
		t.Fatalf("after verify: review %q by %+v", got.Review, got.ReviewedBy)
	}
	res, body = pl.get(res.Header.Get("Location"))
	wantStatus(t, "entry after verify", res, body, http.StatusOK)
	if !strings.Contains(body, "Entry verified.") || !strings.Contains(body, `class="badge verified"`) {
		t.Error("the entry page does not show the verification")
	}

	res, body = review(url.Values{"action": {"reset"}})
	wantStatus(t, "reset", res, body, http.StatusSeeOther)
	if got := entryOf(t, env.chronology(t), e.ID).Review; got != chronology.ReviewUnreviewed {
		t.Fatalf("after reset: %q", got)
	}

	res, body = review(url.Values{"action": {"reject"}, "reason": {"  "}})
	wantStatus(t, "reject without a reason", res, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "a reason is required") {
		t.Errorf("the refusal does not say why: %.300s", body)
	}
	res, body = review(url.Values{"action": {"reject"}, "reason": {"Duplicate of the ER note"}})
	wantStatus(t, "reject", res, body, http.StatusSeeOther)
	got = entryOf(t, env.chronology(t), e.ID)
	if got.Review != chronology.ReviewRejected || got.ReviewedBy.Reason != "Duplicate of the ER note" {
		t.Fatalf("after reject: %q %+v", got.Review, got.ReviewedBy)
	}

	// A correction records only the changed field; the original is kept
	// and shown beside the corrected value.
	form := url.Values{"action": {"correct"}}
	for _, f := range chronology.CorrectableFields {
		form.Set("f_"+f, got.FieldValue(f))
	}
	form.Set("f_provider", "Corrected Clinic of Testing")
	res, body = review(form)
	wantStatus(t, "correct", res, body, http.StatusSeeOther)
	rs, err := env.store.EntryReviews(t.Context(), env.matter)
	if err != nil {
		t.Fatal(err)
	}
	last := rs[len(rs)-1]
	if last.State != chronology.ReviewCorrected || len(last.Fields) != 1 || last.Fields["provider"] != "Corrected Clinic of Testing" || last.UserID != pl.user.ID {
		t.Fatalf("stored correction: %+v", last)
	}
	res, body = pl.get(path)
	wantStatus(t, "entry after correction", res, body, http.StatusOK)
	if !strings.Contains(body, "Corrected Clinic of Testing") || !strings.Contains(body, "<del>"+html.EscapeString(e.Provider)+"</del>") {
		t.Errorf("the entry page does not show the corrected provider with the original %q", e.Provider)
	}
	res, body = pl.get("/matters/" + env.matter + "/chronology?review=corrected")
	wantStatus(t, "chronology", res, body, http.StatusOK)
	if !strings.Contains(body, `id="entry-`+e.ID+`"`) || !strings.Contains(body, `class="badge corrected"`) {
		t.Error("the chronology filtered on corrected entries does not show the entry as corrected")
	}

	// A correction that changes nothing is refused. The provider's
	// correction renamed it in the summary too: the form shows that now.
	form.Set("f_provider", "Corrected Clinic of Testing")
	form.Set("f_summary", entryOf(t, env.chronology(t), e.ID).Summary)
	res, body = review(form)
	wantStatus(t, "empty correction", res, body, http.StatusUnprocessableEntity)

	// "Verify, then next" opens the next entry to review.
	res, body = review(url.Values{"action": {"verify"}, "next": {"1"}})
	wantStatus(t, "verify then next", res, body, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); !strings.Contains(loc, "/entries/") || strings.Contains(loc, "/entries/"+e.ID+"?") {
		t.Errorf("verify then next goes to %s", loc)
	}

	acts := env.auditActions(t)
	for _, a := range []string{access.AuditEntryVerify, access.AuditEntryReset, access.AuditEntryReject, access.AuditEntryCorrect, access.AuditEntryView} {
		if acts[a] == 0 {
			t.Errorf("no %s audit row", a)
		}
	}
}

// TestBulkVerify: verifying a provider's entries asks for confirmation,
// then verifies every unreviewed entry of that provider whose quotes were
// found, and no other.
func TestBulkVerify(t *testing.T) {
	t.Parallel()
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	c := env.chronology(t)
	provider := firstCited(t, c).ProviderID
	want := map[string]bool{}
	for _, e := range c.Entries {
		if e.ProviderID == provider && e.Grounded {
			want[e.ID] = true
		}
	}
	path := "/matters/" + env.matter + "/review/bulk"
	res, body := pl.post(path, url.Values{"provider": {provider}})
	wantStatus(t, "bulk without confirmation", res, body, http.StatusOK)
	if !strings.Contains(body, `name="confirm" value="yes"`) {
		t.Fatal("no confirmation asked")
	}
	if rs, _ := env.store.EntryReviews(t.Context(), env.matter); len(rs) != 0 {
		t.Fatalf("%d reviews stored before confirmation", len(rs))
	}
	res, body = pl.post(path, url.Values{"provider": {provider}, "confirm": {"yes"}})
	if strings.Contains(body, `name="flags"`) {
		// Some of the entries carry open flags: verified only when the
		// reviewer also confirms having checked them.
		wantStatus(t, "bulk with open flags, not confirmed", res, body, http.StatusConflict)
		res, body = pl.post(path, url.Values{"provider": {provider}, "confirm": {"yes"}, "flags": {"yes"}})
	}
	wantStatus(t, "bulk", res, body, http.StatusSeeOther)
	for _, e := range env.chronology(t).Entries {
		verified := e.Review == chronology.ReviewVerified
		if verified != want[e.ID] {
			t.Errorf("entry %s (provider %s): verified %v, want %v", e.ID, e.ProviderID, verified, want[e.ID])
		}
	}
	if n := env.auditActions(t)[access.AuditEntryVerify]; n != len(want) {
		t.Errorf("%d verify audit rows, want %d", n, len(want))
	}
	// An attorney of another matter does not see this one.
	other := env.signIn(t, "olga", access.RoleAttorney, false)
	res, body = other.post(path, url.Values{"provider": {provider}, "confirm": {"yes"}})
	wantStatus(t, "bulk by a non-member", res, body, http.StatusNotFound)
}

// TestPageImageAndHighlight: the entry view draws highlight rects over
// the cited page where the quote stands; the page image is a PNG, and
// every view of it is audited.
func TestPageImageAndHighlight(t *testing.T) {
	t.Parallel()
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	e := firstCited(t, env.chronology(t))
	res, body := pl.get("/matters/" + env.matter + "/entries/" + e.ID)
	wantStatus(t, "entry", res, body, http.StatusOK)
	if n := strings.Count(body, `<rect class="hl"`); n == 0 {
		t.Errorf("no highlight over the cited page for quote %q", e.Citations[0].Quote)
	}
	ct := e.Citations[0]
	img := "/matters/" + env.matter + "/documents/" + ct.DocumentID + "/pages/" + itoa(ct.Page) + "/image.png"
	if !strings.Contains(body, `href="`+img+`"`) {
		t.Errorf("the entry page does not show %s", img)
	}
	for i := 0; i < 2; i++ { // the second answer comes from the cache
		res, data := pl.get(img)
		wantStatus(t, "page image", res, "", http.StatusOK)
		if res.Header.Get("Content-Type") != "image/png" || !bytes.HasPrefix([]byte(data), []byte("\x89PNG\r\n\x1a\n")) {
			t.Fatalf("page image: %s, %d bytes", res.Header.Get("Content-Type"), len(data))
		}
	}
	if n := env.auditActions(t)[access.AuditPageView]; n != 2 {
		t.Errorf("%d page_view audit rows, want 2", n)
	}
	// The page view highlights a ?q= quote, and the original PDF opens.
	res, body = pl.get("/matters/" + env.matter + "/documents/" + ct.DocumentID + "/pages/" + itoa(ct.Page) + "?q=" + url.QueryEscape(ct.Quote))
	wantStatus(t, "page view", res, body, http.StatusOK)
	if !strings.Contains(body, `<rect class="hl"`) {
		t.Error("the page view does not highlight ?q=")
	}
	res, data := pl.get("/matters/" + env.matter + "/documents/" + ct.DocumentID + ".pdf")
	wantStatus(t, "original PDF", res, "", http.StatusOK)
	if !strings.HasPrefix(data, "%PDF") || res.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("original: %s", res.Header.Get("Content-Type"))
	}
	if env.auditActions(t)[access.AuditDocumentView] != 1 {
		t.Error("the original's download was not audited")
	}
	// Pages of other matters' documents and of unknown pages answer 404.
	for _, p := range []string{
		"/matters/" + env.matter + "/documents/doc-0000000000000000/pages/1/image.png",
		"/matters/" + env.matter + "/documents/" + ct.DocumentID + "/pages/999",
		"/matters/" + env.matter + "/documents/" + ct.DocumentID,
	} {
		res, body := pl.get(p)
		wantStatus(t, p, res, body, http.StatusNotFound)
	}
}

// TestChronologyPage: filters, gap rows, timeline, provider index,
// specials and bills render; a filter narrows the table.
func TestChronologyPage(t *testing.T) {
	t.Parallel()
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	c := env.chronology(t)
	res, body := pl.get("/matters/" + env.matter + "/chronology")
	wantStatus(t, "chronology", res, body, http.StatusOK)
	if n := strings.Count(body, `<tr id="entry-`); n != len(c.Entries)+len(c.UndatedEntries) {
		t.Errorf("%d entry rows, want %d", n, len(c.Entries)+len(c.UndatedEntries))
	}
	if n := strings.Count(body, `<tr class="gap">`); n != len(c.Gaps) {
		t.Errorf("%d gap rows, want %d", n, len(c.Gaps))
	}
	if !strings.Contains(body, `<svg class="timeline"`) || strings.Contains(body, "style=") {
		t.Error("no timeline, or an inline style the CSP would block")
	}
	// Each visit series has one heading row, its visits marked for folding.
	if len(c.Runs) == 0 {
		t.Fatal("the small bundle's chronology has no visit series")
	}
	for _, r := range c.Runs {
		if n := strings.Count(body, `data-run-head="`+r.ID+`"`); n != 1 {
			t.Errorf("series %s: %d heading rows, want 1", r.ID, n)
		}
		if n := strings.Count(body, `data-run="`+r.ID+`"`); n != len(r.EntryIDs) {
			t.Errorf("series %s: %d rows marked, want its %d visits", r.ID, n, len(r.EntryIDs))
		}
	}
	if !strings.Contains(body, fmt.Sprintf("series: %d visits, %s to %s", c.Runs[0].Visits, c.Runs[0].FirstDate, c.Runs[0].LastDate)) {
		t.Error("a series heading does not give its visits and dates")
	}
	if !strings.Contains(body, `<section class="dashboard"`) || !strings.Contains(body, "dated visits") {
		t.Error("no dashboard above the chronology")
	}
	if !strings.Contains(body, "Medical specials") || len(c.Bills) > 0 && !strings.Contains(body, "?bill=") {
		t.Error("specials or bill citations missing")
	}
	provider := firstCited(t, c).ProviderID
	want := 0
	for _, e := range c.Entries {
		if e.ProviderID == provider {
			want++
		}
	}
	res, body = pl.get("/matters/" + env.matter + "/chronology?provider=" + url.QueryEscape(provider))
	wantStatus(t, "filtered chronology", res, body, http.StatusOK)
	if n := strings.Count(body, `<tr id="entry-`); n != want {
		t.Errorf("provider filter: %d rows, want %d", n, want)
	}
	res, body = pl.get("/matters/" + env.matter + "/chronology?from=nonsense")
	wantStatus(t, "bad date filter", res, body, http.StatusOK)
	if !strings.Contains(body, "YYYY-MM-DD") {
		t.Error("a bad date filter is not explained")
	}
}

// TestChronologyPageUndated: undated records are listed in their own
// section, link to their entry view, and the entry view opens.
func TestChronologyPageUndated(t *testing.T) {
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	ctx := context.Background()
	c, version, err := env.store.Chronology(ctx, env.matter)
	if err != nil {
		t.Fatal(err)
	}
	und := c.Entries[len(c.Entries)-1]
	und.Date, und.EndDate, und.PreIncident = dates.Date{}, dates.Date{}, false
	c.Entries = c.Entries[:len(c.Entries)-1]
	c.UndatedEntries = []chronology.Entry{und}
	env.putChronology(t, version, c)
	res, body := pl.get("/matters/" + env.matter + "/chronology")
	wantStatus(t, "chronology", res, body, http.StatusOK)
	i := strings.Index(body, "Undated records")
	if i < 0 || !strings.Contains(body[i:], `href="/matters/`+env.matter+`/entries/`+und.ID+`"`) {
		t.Fatal("no undated section linking to the entry")
	}
	res, body = pl.get("/matters/" + env.matter + "/entries/" + und.ID)
	wantStatus(t, "undated entry", res, body, http.StatusOK)
	if !strings.Contains(body, und.Provider) {
		t.Error("the undated entry's view does not show it")
	}
}

// TestSearchPageNotConfigured: without a search backend the page says so,
// and nothing is audited.
func TestSearchPageNotConfigured(t *testing.T) {
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	res, body := pl.get("/matters/" + env.matter + "/search?q=mri")
	wantStatus(t, "search", res, body, http.StatusOK)
	if !strings.Contains(body, "Search is not configured") {
		t.Error("the page does not say search is not configured")
	}
	if env.auditActions(t)[access.AuditSearch] != 0 {
		t.Error("a search that did not run was audited")
	}
}

// pageSearcher finds every query on page 2 of the document *doc.
type pageSearcher struct{ doc *string }

func (p pageSearcher) Search(_ context.Context, _, query string, _ int) ([]search.Hit, error) {
	return []search.Hit{{Kind: "page", DocumentID: *p.doc, Page: 2, Snippet: "… " + query + " …", Score: 1}}, nil
}

// TestSearchPage: hits link to the page view; the audit row says a search
// happened without the query, which may name the client's conditions.
func TestSearchPage(t *testing.T) {
	var doc string
	env := newReviewEnvWith(t, func(c *web.Config) { c.Search = pageSearcher{&doc} })
	doc = firstCited(t, env.chronology(t)).Citations[0].DocumentID
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	res, body := pl.get("/matters/" + env.matter + "/search?q=" + url.QueryEscape("herniated disc"))
	wantStatus(t, "search", res, body, http.StatusOK)
	if !strings.Contains(body, `href="/matters/`+env.matter+`/documents/`+doc+`/pages/2?q=herniated&#43;disc"`) {
		t.Error("the hit does not link to the page view")
	}
	evs, err := env.store.AuditEvents(t.Context(), access.AuditFilter{MatterID: env.matter, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range evs {
		if e.Action == access.AuditSearch {
			n++
			if strings.Contains(e.Object+e.Detail, "herniated") {
				t.Errorf("the audit row holds the query: %+v", e)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d search audit rows, want 1", n)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestDiagnosisCodeLookup: the correction form's look-up finds codes of
// the imported ICD-10-CM table by code and by words; a corrected diagnosis
// with a code the table does not know is refused, naming its line, and a
// code typed alone gets the table's description.
func TestDiagnosisCodeLookup(t *testing.T) {
	t.Parallel()
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	lookup := "/matters/" + env.matter + "/codes/icd10?q="
	var ans struct {
		Table   bool
		Matches []struct {
			Code, Description string
			Billable          bool
		}
	}
	get := func(q string) {
		t.Helper()
		res, body := pl.get(lookup + url.QueryEscape(q))
		wantStatus(t, "look-up "+q, res, body, http.StatusOK)
		ans.Matches = nil
		if err := json.Unmarshal([]byte(body), &ans); err != nil {
			t.Fatalf("look-up %q: %v: %.200s", q, err, body)
		}
	}
	get("S13")
	if ans.Table || len(ans.Matches) != 0 {
		t.Fatalf("before any import the look-up says %+v", ans)
	}
	imp, ok := env.store.(interface {
		ReplaceICD10(context.Context, []store.ICD10Code) (int, error)
	})
	if !ok {
		t.Fatalf("%T cannot import codes", env.store)
	}
	if _, err := imp.ReplaceICD10(t.Context(), []store.ICD10Code{
		{Code: "S134XXA", Billable: true, Short: "Sprain of ligaments of cervical spine, init", Long: "Sprain of ligaments of cervical spine, initial encounter"},
		{Code: "M542", Billable: true, Short: "Cervicalgia", Long: "Cervicalgia"},
	}); err != nil {
		t.Fatal(err)
	}
	get("cervical sprain")
	if !ans.Table || len(ans.Matches) != 1 || ans.Matches[0].Code != "S13.4XXA" || !ans.Matches[0].Billable {
		t.Fatalf("look-up of words: %+v", ans)
	}
	get("m54")
	if len(ans.Matches) != 1 || ans.Matches[0].Description != "Cervicalgia" {
		t.Fatalf("look-up of a code: %+v", ans)
	}

	e := firstCited(t, env.chronology(t))
	path := "/matters/" + env.matter + "/entries/" + e.ID
	form := url.Values{"action": {"correct"}}
	for _, f := range chronology.CorrectableFields {
		form.Set("f_"+f, e.FieldValue(f))
	}
	form.Set("f_diagnoses", "M54.2 Cervicalgia\nS13.9ZZZ made-up code")
	res, body := pl.post(path+"/review", form)
	wantStatus(t, "unknown code", res, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "Diagnosis line 2: S13.9ZZZ is not an ICD-10-CM code") {
		t.Errorf("the refusal does not name the line and code: %.400s", body)
	}
	form.Set("f_diagnoses", "s13.4xxa\nNeck pain, no code")
	res, body = pl.post(path+"/review", form)
	wantStatus(t, "code alone", res, body, http.StatusSeeOther)
	got := entryOf(t, env.chronology(t), e.ID)
	if len(got.Diagnoses) != 2 || got.Diagnoses[0].Code != "S13.4XXA" || got.Diagnoses[0].Description != "Sprain of ligaments of cervical spine, initial encounter" || got.Diagnoses[1].Code != "" {
		t.Errorf("diagnoses after the correction: %+v", got.Diagnoses)
	}

	// Someone who is not on the matter does not find it.
	other := env.signIn(t, "olga", access.RoleParalegal, false)
	res, body = other.get(lookup + "m54")
	wantStatus(t, "look-up by a non-member", res, body, http.StatusNotFound)
}

// TestChronologyPageReadCharge: a bill line whose charge a printed total
// repaired shows what OCR read under the charge it counts.
func TestChronologyPageReadCharge(t *testing.T) {
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	ctx := context.Background()
	c, version, err := env.store.Chronology(ctx, env.matter)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Bills) == 0 {
		t.Fatal("the matter has no bill line")
	}
	read := 750.0
	c.Bills[0].Charge, c.Bills[0].ReadCharge = 2750, &read
	env.putChronology(t, version, c)
	res, body := pl.get("/matters/" + env.matter + "/chronology")
	wantStatus(t, "chronology", res, body, http.StatusOK)
	if !strings.Contains(body, "$2,750.00") || strings.Count(body, "read $750.00") != 1 {
		t.Error("the bill line does not show its charge and what OCR read")
	}
}

// TestChronologyPageUndatedBillLine: a bill line whose date of service
// could not be read says so in its date cell, and its flag is named on
// the flags page.
func TestChronologyPageUndatedBillLine(t *testing.T) {
	env := newReviewEnv(t)
	pl := env.signIn(t, "paula", access.RoleParalegal, true)
	ctx := context.Background()
	c, version, err := env.store.Chronology(ctx, env.matter)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Bills) == 0 {
		t.Fatal("the matter has no bill line")
	}
	c.Bills[0].Date = dates.Date{}
	c.Flags = append(c.Flags, chronology.Flag{Kind: chronology.FlagUndatedBillLine,
		Message: "A charge line's date of service could not be read.", Citations: c.Bills[0].Citations[:1]})
	env.putChronology(t, version, c)
	res, body := pl.get("/matters/" + env.matter + "/chronology")
	wantStatus(t, "chronology", res, body, http.StatusOK)
	if !strings.Contains(body, `title="Its date of service could not be read: see its flag and date it from the page">undated</span>`) {
		t.Error("the undated bill line does not say it is undated")
	}
	res, body = pl.get("/matters/" + env.matter + "/flags")
	wantStatus(t, "flags", res, body, http.StatusOK)
	if !strings.Contains(body, "Undated bill line") {
		t.Error("the flags page does not name the undated bill line flag")
	}
}
