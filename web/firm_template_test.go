package web_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/internal/docx/docxtest"
	"github.com/medchron/medchron/store"
)

// uploadTemplate posts a file as the firm template form does: the csrf
// field first, then the file part (withToken false leaves the token out).
func (c *client) uploadTemplate(name string, data []byte, withToken bool) (*http.Response, string) {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if withToken {
		mw.WriteField("csrf", c.csrf)
	}
	w, _ := mw.CreateFormFile("template", name)
	w.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", c.base+"/admin/template", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

// TestFirmTemplate: an admin uploads the firm's Word template in the
// browser; a file that is not one is refused naming it and changes
// nothing; the template then dresses every Word download of every
// matter until it is removed; both changes are audited; nobody but an
// admin reaches the page.
func TestFirmTemplate(t *testing.T) {
	t.Parallel()
	env := newAcctEnv(t)
	env.user(t, "root", access.RoleAdmin)
	env.user(t, "att", access.RoleAttorney)
	root, att := env.signIn(t, "root"), env.signIn(t, "att")

	res, body := att.get("/admin/template")
	want(t, "an attorney opens the page", res, body, http.StatusNotFound, "")
	res, body = att.uploadTemplate("firm.dotx", docxtest.Template(), true)
	want(t, "an attorney uploads", res, body, http.StatusNotFound, "")
	res, body = root.get("/admin/template")
	want(t, "the page", res, body, http.StatusOK, "")
	if !strings.Contains(body, "medchron&#39;s own styles") && !strings.Contains(body, "medchron's own styles") {
		t.Errorf("the page does not say no template is in use:\n%.600s", body)
	}

	res, body = root.uploadTemplate("letterhead.pdf", []byte("%PDF-1.4\n"), true)
	want(t, "a PDF", res, body, http.StatusUnprocessableEntity, "")
	if !strings.Contains(body, "letterhead.pdf was not taken") {
		t.Errorf("the refusal does not name the file:\n%.800s", body)
	}
	res, body = root.uploadTemplate("firm.dotx", docxtest.Template(), false)
	want(t, "without the CSRF token", res, body, http.StatusForbidden, "")
	if _, err := env.store.FirmFile(t.Context(), store.FirmTemplate); err == nil {
		t.Fatal("a refused upload stored a template")
	}

	res, body = root.post("/matters", url.Values{"id": {"case-t"}, "incident_date": {"2023-12-06"}})
	want(t, "create", res, body, http.StatusSeeOther, "/matters/case-t")
	res, body = root.uploadFiles("case-t", map[string]string{"records.pdf": repoFile(t, "testdata/bundles/small/born-digital.pdf")}, true)
	want(t, "upload records", res, body, http.StatusAccepted, "")
	root.waitProcessed("case-t")
	dressed := func() bool {
		t.Helper()
		res, body := root.get("/matters/case-t/export/chronology.docx")
		want(t, "chronology.docx", res, body, http.StatusOK, "")
		x, err := docxtest.Text([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		return strings.Contains(x, docxtest.Font) && strings.Contains(x, docxtest.Legend)
	}
	if dressed() {
		t.Fatal("the Word download is in a template before any was uploaded")
	}

	res, body = root.uploadTemplate("firm.dotx", docxtest.Template(), true)
	want(t, "upload", res, body, http.StatusSeeOther, "/admin/template?notice=template")
	if !dressed() {
		t.Error("chronology.docx is not in the uploaded template")
	}
	_, body = root.get("/admin/template")
	if !strings.Contains(body, "uploaded by") || !strings.Contains(body, "Remove it") {
		t.Errorf("the page does not show the template in use:\n%.800s", body)
	}
	res, body = root.post("/admin/template/remove", nil)
	want(t, "remove", res, body, http.StatusSeeOther, "/admin/template?notice=template-removed")
	if dressed() {
		t.Error("chronology.docx is still in the removed template")
	}
	evs := env.audit(t, access.AuditFirmTemplate)
	if len(evs) != 2 || !strings.Contains(evs[0].Detail+evs[1].Detail, "uploaded firm.dotx") || !strings.Contains(evs[0].Detail+evs[1].Detail, "removed") {
		t.Errorf("audit rows %+v, want the upload and the removal", evs)
	}
}
