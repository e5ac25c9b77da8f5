package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pdfcpu/pdfcpu/pkg/api"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/web"
)

// browserEnv is a server on an embedded store with OCR on (the real
// pipeline) and three accounts: an admin, a paralegal and an attorney.
type browserEnv struct {
	srv   *httptest.Server
	users map[access.Role]access.User
}

func newBrowserEnv(t *testing.T) *browserEnv {
	t.Helper()
	ctx := context.Background()
	h, err := app.Open(ctx, app.Config{DBPath: filepath.Join(t.TempDir(), "m.db"), Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close(context.Background()) })
	if err := h.Start(ctx); err != nil {
		t.Fatal(err)
	}
	st := webStore(t, h.Store)
	env := &browserEnv{users: map[access.Role]access.User{}}
	for _, a := range []struct {
		username, name string
		role           access.Role
	}{{"ada", "Ada Admin", access.RoleAdmin}, {"paula", "Paula Paralegal", access.RoleParalegal}, {"artie", "Artie Attorney", access.RoleAttorney}} {
		u := testUser(t, a.username, a.name, a.role, acctPassword)
		if err := st.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		env.users[a.role] = u
	}
	env.srv = httptest.NewServer(web.New(web.Config{Store: st, Pipeline: h.Pipeline}))
	t.Cleanup(env.srv.Close)
	return env
}

// TestBrowserReviewWorkflow drives the review workflow in headless
// Chromium: a paralegal signs in, creates a matter, uploads the small
// bundle (born-digital, and the first three pages of the scanned one,
// OCR'd), waits for processing, opens an
// entry beside its highlighted page and verifies it, merges a provider,
// dismisses a flag, and generates the demand; an admin assigns an attorney, who edits a section, reads the
// diff, approves it, exports the DOCX and finds the export in the audit
// log. The chronology must not overflow at 800px. Screenshots of every
// main page go to $MEDCHRON_SCREENSHOTS (default test-output/screenshots).
// In parallel with the other tests: it waits on Chromium and on the
// upload's processing much of its time.
func TestBrowserReviewWorkflow(t *testing.T) {
	t.Parallel()
	chromiumPath(t)
	start := time.Now()
	env := newBrowserEnv(t)
	c := newChrome(t, env.srv.URL, 1280, 900)
	lap := func(what string) { t.Logf("%s: %.1fs since start", what, time.Since(start).Seconds()) }

	browserCreateMatter(c)
	browserUpload(c)
	lap("processing done")
	browserVerifyEntry(c)
	browserMergeAndDismiss(c)
	browserGenerateAndAssign(c, env.users[access.RoleAttorney].ID)
	browserEditApprove(c)
	lap("section approved")
	browserExportAudit(c)
	browserNarrow(c)
	c.checkConsole()
	lap("done")
}

// browserMatter is the matter the workflow creates.
const browserMatter = "/matters/browser-v-test"

// browserCreateMatter: the paralegal signs in and creates the matter.
func browserCreateMatter(c *chrome) {
	c.stepf("1. the paralegal signs in and creates a matter")
	c.open("/signin")
	c.shot("signin.png")
	c.signIn("paula", acctPassword, "Paula Paralegal · paralegal")
	c.do(chromedp.SendKeys(chromedp.ID("m-name"), "Browser v. Test"),
		chromedp.SendKeys(chromedp.ID("m-client"), "Pat Example"),
		chromedp.SetValue(chromedp.ID("m-doi"), "2023-12-06"))
	c.click(`form[action="/matters"] button[type="submit"]`)
	if p := c.path(); !strings.HasPrefix(p, browserMatter+"?") {
		c.fatalf("after creating the matter: at %s, want %s", p, browserMatter)
	}
	c.wantText("main h1", "Browser v. Test")
	c.wantText("main h1 + p", "incident 2023-12-06")
}

// browserUpload uploads the small bundle (three pages of the scanned one) through the page's script and
// waits until the page shows processing done, without errors.
func browserUpload(c *chrome) {
	c.stepf("2. upload the small bundle and wait for processing")
	files := []string{repoFile(c.t, "testdata/bundles/small/born-digital.pdf"), scannedPages(c.t, 3)}
	c.do(chromedp.SetUploadFiles(chromedp.ID("up-files"), files),
		chromedp.Click(chromedp.CSS(`form[data-upload] button[type="submit"]`), chromedp.NodeVisible))
	c.waitJS("the upload to be received", `/received/.test(document.querySelector("[data-upload-status]").textContent)`, 20*time.Second)
	c.waitJS("processing to finish", `!document.querySelector("[data-progress-done]").hidden`, 150*time.Second)
	c.wantText("[data-progress-summary]", "2 of 2 files done")
	if s := c.text("[data-progress-summary]"); strings.Contains(s, "failed") {
		c.fatalf("processing reports failures: %s", s)
	}
	if errs := eval[string](c, `[...document.querySelectorAll('[data-progress-files] [data-f="error"]')].map(e => e.textContent.trim()).join(" ")`); strings.TrimSpace(errs) != "" {
		c.fatalf("per-file errors shown: %s", errs)
	}
	c.waitJS("the export links to appear", `!!document.querySelector('[data-exports] a[href$="/export/chronology.xlsx"]')`, 10*time.Second)
	c.shot("matter.png")
}

// scannedPages writes the first n pages of the small scanned bundle to a
// file named scanned.pdf and returns its path: the workflow needs an OCR'd
// document beside the born-digital one (the same records), not all sixteen
// pages of OCR.
func scannedPages(t testing.TB, n int) string {
	t.Helper()
	data, err := os.ReadFile(repoFile(t, "testdata/bundles/small/scanned.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := api.Trim(bytes.NewReader(data), &b, []string{fmt.Sprintf("1-%d", n)}, pdf.Config()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "scanned.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// browserVerifyEntry opens the chronology, then an unreviewed entry whose
// quote was found, checks its page, and verifies it.
func browserVerifyEntry(c *chrome) {
	c.stepf("3. open the chronology and an entry beside its page; verify it")
	c.click(`[data-progress-done] a`)
	if n := eval[int](c, `document.querySelectorAll("table.chrono tr.entry").length`); n == 0 {
		c.fatalf("the chronology shows no entries")
	}
	c.shot("chronology.png")
	c.click(`table.chrono tr.entry.unreviewed:has(a.cite:not(.notfound)) td.date a`)
	entry := strings.SplitN(c.path(), "?", 2)[0]
	checkPageFigure(c)
	c.shot("entry.png")
	c.click(`.review-actions button[type="submit"]:not([name])`)
	if p := c.path(); !strings.HasPrefix(p, entry+"?") || !strings.Contains(p, "notice=verified") {
		c.fatalf("after verifying: at %s, want %s with notice=verified", p, entry)
	}
	if got := c.text(".entry-detail h1 + p .badge"); got != "verified" {
		c.fatalf("the entry's badge says %q, want verified", got)
	}
	c.wantText("main .notice", "Entry verified.")

	c.stepf("3b. review by keyboard: v verifies and opens the next entry to review, r opens the reject form")
	if !eval[bool](c, `!document.querySelector("[data-keys]").hidden`) {
		c.fatalf("the entry page does not show its review keys")
	}
	c.load("press v", chromedp.KeyEvent("v"))
	next := strings.SplitN(c.path(), "?", 2)[0]
	if next == entry || !strings.HasPrefix(next, browserMatter+"/entries/") || !strings.Contains(c.path(), "notice=verified") {
		c.fatalf("after pressing v on %s: at %s, want the next entry to review with notice=verified", entry, c.path())
	}
	c.do(chromedp.KeyEvent("r"))
	if !eval[bool](c, `document.querySelector('details[data-key="r"]').open && document.activeElement.id === "reason"`) {
		c.fatalf("pressing r did not open the reject form with its reason focused")
	}
	c.do(chromedp.KeyEvent("x")) // typed into the reason, not taken as a key
	if got := eval[string](c, `document.getElementById("reason").value`); got != "x" {
		c.fatalf("a letter typed in the reason field was taken as a key: the field holds %q", got)
	}
	c.open(browserMatter + "/chronology")
	if got := c.text(".dashboard"); !strings.Contains(got, "dated visits") || !strings.Contains(got, "to review") {
		c.fatalf("the chronology's dashboard says %q", got)
	}
	c.do(chromedp.Click(chromedp.CSS(`[data-run-toggle]`), chromedp.NodeVisible))
	if !eval[bool](c, `(() => { const b = document.querySelector("[data-run-toggle]"); const rows = [...document.querySelectorAll('tr[data-run="' + b.dataset.runToggle + '"]')]; return b.getAttribute("aria-expanded") === "false" && rows.length > 0 && rows.every(r => r.hidden); })()`) {
		c.fatalf("folding a visit series did not hide its visits")
	}
	c.do(chromedp.Click(chromedp.CSS(`[data-run-toggle]`), chromedp.NodeVisible))
	c.do(chromedp.Click(chromedp.CSS(`table[data-sortable] th button.sort`), chromedp.NodeVisible))
	if got := eval[string](c, `document.querySelector("table[data-sortable] th").getAttribute("aria-sort")`); got != "ascending" {
		c.fatalf("a sortable column heading sets aria-sort %q, want ascending", got)
	}
}

// browserMergeAndDismiss: the paralegal merges the orthopaedic practice
// into the therapy clinic on the providers page (the merged name stays as
// an alias), then dismisses a flag with a reason in the flags workspace.
func browserMergeAndDismiss(c *chrome) {
	c.stepf("3b. merge a provider, dismiss a flag")
	c.click(`nav.matter-nav a[href$="/providers"]`)
	before := eval[int](c, `document.querySelectorAll("table.providers tbody tr").length`)
	row := eval[string](c, `(() => {
		const tr = [...document.querySelectorAll("table.providers tbody tr")].find(r => r.cells[0].textContent.includes("Parkway Orthopaedic"));
		const sel = tr.querySelector("select[name=into]");
		sel.value = [...sel.options].find(o => o.text.includes("Momentum Physical")).value;
		return tr.id;
	})()`)
	c.click("#" + row + ` form[action$="/merge"] button[type="submit"]`)
	c.wantText("main .notice", "Providers merged")
	if after := eval[int](c, `document.querySelectorAll("table.providers tbody tr").length`); after != before-1 {
		c.fatalf("after the merge %d providers, want %d", after, before-1)
	}
	c.wantText("table.providers", "also printed as")
	c.wantText(".overrides", "Merged")
	c.shot("providers.png")

	c.click(`nav.matter-nav a[href$="/flags"]`)
	c.do(chromedp.SendKeys(chromedp.CSS(`li.flag:not(.dismissed) input[name="reason"]`), "Checked against the pages: unrelated"))
	c.click(`li.flag:not(.dismissed) button[value="dismiss"]`)
	c.wantText("main .notice", "Flag dismissed.")
	if n := eval[int](c, `document.querySelectorAll("li.flag.dismissed").length`); n != 1 {
		c.fatalf("%d dismissed flags shown, want 1", n)
	}
	c.shot("flags.png")
}

// browserGenerateAndAssign: the paralegal generates the demand; an admin
// assigns the attorney (user id attorney) through the members form.
func browserGenerateAndAssign(c *chrome, attorney string) {
	c.stepf("4a. the paralegal fills in the letter's Re: block, generates the demand and signs out")
	c.click(`nav.matter-nav a[href$="/demand"]`)
	for id, v := range map[string]string{"in-adjuster": "Pat Lee", "in-carrier": "Acme Mutual", "in-claim": "AM-22-104", "in-insured": "Acme Freight LLC"} {
		c.do(chromedp.SetValue(chromedp.ID(id), v))
	}
	c.click(`form[action$="/demand/generate"] button[type="submit"]`)
	c.wantText("main .notice", "Demand draft generated")
	c.signOut()

	c.stepf("4b. the admin assigns the attorney to the matter")
	c.signIn("ada", acctPassword, "Ada Admin · admin")
	c.open(browserMatter)
	c.do(chromedp.SetValue(chromedp.ID("mem-user"), attorney))
	c.click(`form[action$="/members"] button[type="submit"]`)
	c.wantText("#members table", "artie")
	c.signOut()
}

// browserEditApprove: the attorney edits the first section (version 2),
// reads the diff and approves the section, confirming the dialog.
func browserEditApprove(c *chrome) {
	c.stepf("4c. the attorney edits a section, reads the diff and approves")
	c.signIn("artie", acctPassword, "Artie Attorney · attorney")
	c.wantText("table.matters", "Browser v. Test")
	c.shot("matters.png")
	c.click(`table.matters a[href="` + browserMatter + `"]`)
	c.click(`nav.matter-nav a[href$="/demand"]`)
	c.click(`main table tbody tr:first-child td:first-child a`)
	section := strings.SplitN(c.path(), "?", 2)[0]
	c.wantText("main", "Latest: version 1")
	const added = "The browser test added this sentence."
	body := run(c, chromedp.Value(chromedp.ID("body")))
	c.do(chromedp.SetValue(chromedp.ID("body"), strings.TrimRight(body, "\n")+"\n\n"+added+"\n"))
	c.click(`form textarea#body ~ p button[type="submit"]`)
	c.wantText("main .notice", "Saved.")
	c.wantText("main", "Latest: version 2")
	c.click(`table.versions a[href*="/diff?from=1"]`)
	if got := eval[string](c, `[...document.querySelectorAll(".diff .add ins")].map(e => e.textContent).join("\n")`); !strings.Contains(got, added) {
		c.fatalf("the diff's added lines are %q, want %q", got, added)
	}
	c.shot("demand-diff.png")
	c.click(`main a[href="` + section + `"]`)
	c.click(`form.approve button[type="submit"]`)
	c.wantText("main .notice", "Section approved.")
	if got := c.text("main h1 .badge"); got != "approved" {
		c.fatalf("the section's badge says %q, want approved", got)
	}
	if !c.dialogSeen("Approve version 2") {
		c.fatalf("no confirmation was asked before approving")
	}
	c.click(`main a[href="` + browserMatter + `/demand"]`)
	c.wantText("main table tbody tr:first-child", "approved")
	c.shot("demand.png")
}

// browserExportAudit exports the DOCX from the demand page and finds the
// export, and the workflow's edits, in the matter's audit log.
func browserExportAudit(c *chrome) {
	c.stepf("5. export the DOCX in the browser; the audit log lists it")
	checkDOCXExport(c)
	c.click(`nav.matter-nav a[href$="/audit"]`)
	rows := eval[[]string](c, `[...document.querySelectorAll("table.audit tbody tr")].map(r => r.innerText.replace(/\s+/g, " "))`)
	for _, want := range []string{"export", "demand_approve", "demand_edit", "entry_verify", "document_upload"} {
		found := false
		for _, r := range rows {
			found = found || strings.Contains(r, " "+want+" ") && (want != "export" || strings.Contains(r, "browser-v-test-demand.docx"))
		}
		if !found {
			c.fatalf("the audit log has no %s row (%d rows)", want, len(rows))
		}
	}
	c.shot("audit.png")
}

// browserNarrow loads the chronology in an 800px viewport: the page must
// not scroll sideways (wide tables scroll inside their own box).
func browserNarrow(c *chrome) {
	c.stepf("6. the chronology at 800px has no horizontal overflow")
	c.do(chromedp.EmulateViewport(800, 900))
	c.open(browserMatter + "/chronology")
	over := eval[[]int](c, `[document.documentElement.scrollWidth, window.innerWidth]`)
	if over[0] > over[1]+2 {
		c.fatalf("at 800px the page is %dpx wide for a %dpx window", over[0], over[1])
	}
	c.shot("chronology-800.png")
}

// checkPageFigure checks the entry page's source page: the image loaded
// (naturalWidth > 0) and at least one highlight rectangle lies on it.
func checkPageFigure(c *chrome) {
	c.t.Helper()
	type figure struct {
		Error        string
		NaturalWidth int
		Rects        int
		Inside       int
		ShownWidth   float64
	}
	f := eval[figure](c, `(async () => {
		const svg = document.querySelector("svg.page-svg");
		if (!svg) return {Error: "no page figure"};
		const img = new Image();
		img.src = svg.querySelector("image").getAttribute("href");
		try { await img.decode(); } catch (e) { return {Error: "the page image did not load: " + e}; }
		const vb = svg.viewBox.baseVal;
		const rects = [...svg.querySelectorAll("rect.hl")].map(r => r.getBBox());
		const inside = rects.filter(b => b.width > 0 && b.height > 0 && b.x >= 0 && b.y >= 0 &&
			b.x + b.width <= vb.width + 0.5 && b.y + b.height <= vb.height + 0.5).length;
		return {NaturalWidth: img.naturalWidth, Rects: rects.length, Inside: inside, ShownWidth: svg.getBoundingClientRect().width};
	})()`)
	switch {
	case f.Error != "":
		c.fatalf("%s", f.Error)
	case f.NaturalWidth <= 0:
		c.fatalf("the page image has naturalWidth %d", f.NaturalWidth)
	case f.Rects == 0 || f.Inside != f.Rects:
		c.fatalf("%d highlight rectangles, %d of them on the page", f.Rects, f.Inside)
	case f.ShownWidth < 200:
		c.fatalf("the page is shown %.0fpx wide", f.ShownWidth)
	}
	c.wantText(".quote-status", "Highlighted:")
}

// checkDOCXExport fetches the demand page's export link inside the
// browser (with the session's cookie) and checks the answer is a DOCX: a
// zip holding word/document.xml.
func checkDOCXExport(c *chrome) {
	c.t.Helper()
	type download struct {
		Status int
		Type   string
		Data   string // base64
	}
	d := eval[download](c, `(async () => {
		const a = document.querySelector('a[href$="/export/demand.docx"]');
		const res = await fetch(a.href, {credentials: "same-origin"});
		const blob = await res.blob();
		const url = await new Promise(ok => { const r = new FileReader(); r.onload = () => ok(r.result); r.readAsDataURL(blob); });
		return {Status: res.status, Type: res.headers.get("content-type"), Data: url.slice(url.indexOf(",") + 1)};
	})()`)
	data, err := base64.StdEncoding.DecodeString(d.Data)
	if err != nil || d.Status != 200 {
		c.fatalf("export: status %d, %d bytes, decode error %v", d.Status, len(d.Data), err)
	}
	if !bytes.HasPrefix(data, []byte("PK")) || !strings.Contains(d.Type, "wordprocessingml") {
		c.fatalf("export: %s, %d bytes starting %q: not a DOCX", d.Type, len(data), data[:min(len(data), 4)])
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		c.fatalf("export: not a zip: %v", err)
	}
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			c.t.Logf("demand.docx: %d bytes, %d parts", len(data), len(z.File))
			return
		}
	}
	c.fatalf("export: the zip has no word/document.xml")
}
