package web_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
)

// uploadFiles posts files to the matter page's upload route: as the
// page's script does (CSRF header, JSON answer) when script is true, else
// as the plain form (CSRF field).
func (c *client) uploadFiles(matter string, files map[string]string, script bool) (*http.Response, string) {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if !script {
		mw.WriteField("csrf", c.csrf)
	}
	for name, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			c.t.Fatal(err)
		}
		w, _ := mw.CreateFormFile("file", name)
		w.Write(data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", c.base+"/matters/"+matter+"/documents", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if script {
		req.Header.Set("X-CSRF-Token", c.csrf)
		req.Header.Set("X-Requested-With", "XMLHttpRequest")
	}
	return c.do(req)
}

// progressJSON is progress.json as the page reads it.
type progressJSON struct {
	Documents, Pages int
	PagesDone        int `json:"pages_done"`
	Done             bool
	Files            []struct {
		ID, File, Status, Error string
		Pages                   int
		PagesDone               int `json:"pages_done"`
		PagesLeft               int `json:"pages_left"`
	}
}

// waitProcessed polls progress.json until the matter is processed.
func (c *client) waitProcessed(matter string) progressJSON {
	c.t.Helper()
	// Generous: processing takes seconds, but a loaded 2-core CI machine
	// running the cli and web tests side by side has left a document
	// queued for over a minute.
	deadline := time.Now().Add(3 * time.Minute)
	for {
		res, body := c.get("/matters/" + matter + "/progress.json")
		want(c.t, "progress.json", res, body, http.StatusOK, "")
		var p progressJSON
		jsonBody(c.t, body, &p)
		if p.Done {
			return p
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("not processed: %s", body)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// processedMatter creates matter id as c's user, uploads the small
// born-digital bundle through the page's upload and waits for it.
func (env *acctEnv) processedMatter(t *testing.T, c *client, id string) progressJSON {
	t.Helper()
	res, body := c.post("/matters", url.Values{"id": {id}, "name": {"Matter " + id}, "incident_date": {"2023-12-06"}})
	want(t, "create "+id, res, body, http.StatusSeeOther, "/matters/"+id)
	res, body = c.uploadFiles(id, map[string]string{"records.pdf": repoFile(t, "testdata/bundles/small/born-digital.pdf")}, true)
	want(t, "upload to "+id, res, body, http.StatusAccepted, "")
	return c.waitProcessed(id)
}

// generateDemand stores a generated demand letter for the matter, as
// the demand page's generate button does.
func (env *acctEnv) generateDemand(t *testing.T, matter string, u access.User) demand.Record {
	t.Helper()
	ctx := context.Background()
	c, _, err := env.store.Chronology(ctx, matter)
	if err != nil {
		t.Fatal(err)
	}
	// As after a review of every entry, with every input filled in, so
	// that each section can be approved.
	for i := range c.Entries {
		if c.Entries[i].Review != chronology.ReviewRejected {
			c.Entries[i].Review = chronology.ReviewVerified
		}
	}
	limits, wage, days, none := 100000.0, 168.0, 12, 0.0
	in := demand.Inputs{Adjuster: "Pat Lee", Carrier: "Acme Mutual", ClaimNumber: "AM-1", Insured: "Acme Freight", PolicyLimits: &limits,
		Liability: "The insured ran the red light.", DailyWage: &wage, DaysMissed: &days, PIP: &none, MedPay: &none, OutOfPocket: &none,
		LiensEntered: true, DemandAmount: &limits, Deadline: "2026-02-16", Signature: "Rivera & Cole LLP"}
	g, vs := demand.Record{}.Regenerate(demand.Generate(c, demand.Options{Inputs: in}), u.ID, u.Username, time.Now())
	if err := env.store.PutDemandGeneration(ctx, matter, g, vs); err != nil {
		t.Fatal(err)
	}
	rec, err := env.store.DemandRecord(ctx, matter)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// TestAccountUploadProgressExports: the page's upload (script and plain
// form) stores documents and reports bad files; progress.json follows
// processing per file; every export downloads as an attachment of its
// type, audited; the DOCX is watermarked until every section is approved.
func TestAccountUploadProgressExports(t *testing.T) {
	t.Parallel()
	env := newAcctEnv(t)
	att := env.user(t, "att", access.RoleAttorney)
	a := env.signIn(t, "att")
	res, body := a.post("/matters", url.Values{"id": {"case-x"}, "incident_date": {"2023-12-06"}})
	want(t, "create", res, body, http.StatusSeeOther, "/matters/case-x")

	res, body = a.get("/matters/case-x/export/demand.docx")
	want(t, "demand before generation", res, body, http.StatusNotFound, "")
	res, body = a.get("/matters/case-x/export/chronology.csv")
	want(t, "chronology before processing", res, body, http.StatusNotFound, "")

	res, body = a.uploadFiles("case-x", map[string]string{
		"records.pdf": repoFile(t, "testdata/bundles/small/born-digital.pdf"),
		"photo.pdf":   repoFile(t, "testdata/bad/photo.pdf"),
	}, true)
	want(t, "script upload", res, body, http.StatusAccepted, "")
	var up struct {
		Documents []struct{ ID, File string }
		Errors    []struct{ File, Error string }
	}
	jsonBody(t, body, &up)
	if len(up.Documents) != 1 || up.Documents[0].File != "records.pdf" || len(up.Errors) != 1 || up.Errors[0].File != "photo.pdf" {
		t.Fatalf("upload answer %s", body)
	}
	p := a.waitProcessed("case-x")
	if len(p.Files) != 1 || p.Files[0].PagesDone != p.Files[0].Pages || p.Files[0].PagesLeft != 0 || p.PagesDone != p.Pages || p.Pages == 0 {
		t.Errorf("progress when done: %+v", p)
	}

	res, body = a.uploadFiles("case-x", map[string]string{"photo.pdf": repoFile(t, "testdata/bad/photo.pdf")}, false)
	want(t, "form upload of a bad file", res, body, http.StatusUnprocessableEntity, "")
	if !strings.Contains(body, "photo.pdf") || !strings.Contains(body, "JPEG") {
		t.Errorf("the page does not name the refused file: %.400s", body)
	}
	res, body = a.uploadFiles("case-x", map[string]string{"again.pdf": repoFile(t, "testdata/bundles/small/born-digital.pdf")}, false)
	want(t, "form upload", res, body, http.StatusSeeOther, "/matters/case-x?notice=uploaded")
	noToken := &client{t: t, base: a.base, cookie: a.cookie}
	res, body = noToken.uploadFiles("case-x", map[string]string{"x.pdf": repoFile(t, "testdata/bundles/small/born-digital.pdf")}, false)
	want(t, "upload without the CSRF token", res, body, http.StatusForbidden, "")
	ups := env.audit(t, access.AuditUpload)
	if len(ups) != 2 {
		t.Errorf("%d upload rows, want 2", len(ups))
	}
	for _, e := range ups {
		if strings.Contains(e.Object+e.Detail, ".pdf") {
			t.Errorf("upload audit row names the file (%q %q): file names can carry the client's name", e.Object, e.Detail)
		}
	}
	a.waitProcessed("case-x")

	rec := env.generateDemand(t, "case-x", att)
	exports := []struct{ name, ctype, starts string }{
		{"chronology.json", "application/json", "{"},
		{"chronology.csv", "text/csv", ""},
		{"chronology.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"},
		{"chronology.html", "text/html", "<!"},
		{"chronology.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"},
		{"demand.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"},
		{"demand.md", "text/markdown", "# Demand Letter"},
		{"exhibit.pdf", "application/pdf", "%PDF"},
	}
	for _, x := range exports {
		res, body := a.get("/matters/case-x/export/" + x.name)
		want(t, x.name, res, body, http.StatusOK, "")
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, x.ctype) {
			t.Errorf("%s: Content-Type %q", x.name, ct)
		}
		if cd := res.Header.Get("Content-Disposition"); cd != `attachment; filename="case-x-`+x.name+`"` {
			t.Errorf("%s: Content-Disposition %q", x.name, cd)
		}
		if !strings.HasPrefix(body, x.starts) || len(body) < 100 {
			t.Errorf("%s: %d bytes starting %.20q", x.name, len(body), body)
		}
	}
	res, body = a.get("/matters/case-x/export/chronology.json")
	var c chronology.Chronology
	jsonBody(t, body, &c)
	if c.Schema != "medchron.chronology/v1" || len(c.Entries) == 0 {
		t.Errorf("chronology.json: schema %q, %d entries", c.Schema, len(c.Entries))
	}
	res, body = a.get("/matters/case-x/export/secrets.txt")
	want(t, "an unknown export", res, body, http.StatusNotFound, "")

	evs := env.audit(t, access.AuditExport)
	if len(evs) != len(exports)+1 {
		t.Fatalf("%d export rows, want %d", len(evs), len(exports)+1)
	}
	if last := evs[len(evs)-1]; last.Object != "case-x-chronology.json" || last.MatterID != "case-x" || last.Username != "att" {
		t.Errorf("first export row %+v", last)
	}

	_, draft := a.get("/matters/case-x/export/demand.docx")
	if !strings.Contains(draft, "word/header1.xml") {
		t.Error("the unapproved DOCX carries no DRAFT header")
	}
	for _, k := range rec.Generation.Keys {
		ap, err := rec.Approve(k, rec.Versions[k][len(rec.Versions[k])-1].N, att.ID, att.Username, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if err := env.store.AddDemandApproval(context.Background(), "case-x", ap); err != nil {
			t.Fatal(err)
		}
	}
	_, final := a.get("/matters/case-x/export/demand.docx")
	if strings.Contains(final, "word/header1.xml") || !strings.HasPrefix(final, "PK") {
		t.Error("the approved DOCX is still marked DRAFT")
	}
	evs = env.audit(t, access.AuditExport)
	if evs[0].Detail != "approved" || evs[1].Detail != "draft, watermarked" {
		t.Errorf("demand export details %q, %q", evs[0].Detail, evs[1].Detail)
	}
}
