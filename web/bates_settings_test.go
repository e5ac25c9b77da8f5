package web_test

import (
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/internal/hostile"
)

// TestMatterBatesSettings: an attorney sets the matter's Bates prefix and
// keeps the sender's numbers from the settings form (audited, validated
// before anything changes); a record the sender stamped keeps its number
// in the chronology and gets no second one in the exhibit, while the
// other records are numbered with the matter's prefix; unticking the box
// numbers every page again.
func TestMatterBatesSettings(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed: scripts/setup.sh installs it")
	}
	env := newAcctEnv(t)
	env.user(t, "att", access.RoleAttorney)
	a := env.signIn(t, "att")
	res, body := a.post("/matters", url.Values{"id": {"case-b"}, "incident_date": {"2024-03-01"}})
	want(t, "create", res, body, http.StatusSeeOther, "/matters/case-b")

	res, body = a.post("/matters/case-b/settings", url.Values{"bates_prefix": {"9x"}, "keep_sender_bates": {"off", "on"}})
	want(t, "a bad prefix", res, body, http.StatusBadRequest, "")
	if m, _ := env.store.Matter(t.Context(), "case-b"); m.BatesPrefix != "" || m.KeepSenderBates {
		t.Fatalf("a refused change was stored: %+v", m)
	}
	res, body = a.post("/matters/case-b/settings", url.Values{"bates_prefix": {"doe"}, "keep_sender_bates": {"off", "on"}})
	want(t, "settings", res, body, http.StatusSeeOther, "/matters/case-b?notice=saved")
	if m, _ := env.store.Matter(t.Context(), "case-b"); m.BatesPrefix != "DOE" || !m.KeepSenderBates {
		t.Fatalf("stored %+v, want prefix DOE and the sender's numbers kept", m)
	}
	edits := env.audit(t, access.AuditMatterEdit)
	if len(edits) != 1 || !strings.Contains(edits[0].Detail, `bates_prefix: (none) → "DOE"`) || !strings.Contains(edits[0].Detail, "keep_sender_bates: false → true") {
		t.Errorf("audit rows %+v", edits)
	}
	res, body = a.get("/matters/case-b")
	want(t, "matter page", res, body, http.StatusOK, "")
	if !strings.Contains(body, `value="DOE"`) || !strings.Contains(body, `value="on" checked`) {
		t.Error("the settings form does not show the stored Bates settings")
	}

	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, hostile.Page(text, "", "").Bytes("/Root 1 0 R"), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	plain := write("plain.pdf", hostile.Record)
	stamped := write("stamped.pdf", strings.Replace(hostile.Record, "03/14/2024", "03/20/2024", 1)+"\n\n\nVIS 000041")
	for _, f := range []string{plain, stamped} { // one at a time: the upload order is the Bates order
		res, body = a.uploadFiles("case-b", map[string]string{filepath.Base(f): f}, true)
		want(t, "upload", res, body, http.StatusAccepted, "")
		a.waitProcessed("case-b")
	}

	ranges := func() map[string][3]string {
		t.Helper()
		res, body := a.get("/matters/case-b/export/chronology.json")
		want(t, "chronology.json", res, body, http.StatusOK, "")
		var c chronology.Chronology
		jsonBody(t, body, &c)
		out := map[string][3]string{}
		for _, d := range c.Documents {
			s := ""
			if d.SenderBates {
				s = "sender"
			}
			out[d.File] = [3]string{d.BatesFirst, d.BatesLast, s}
		}
		return out
	}
	got := ranges()
	if got["plain.pdf"] != [3]string{"DOE000001", "DOE000001", ""} || got["stamped.pdf"] != [3]string{"VIS 000041", "VIS 000041", "sender"} {
		t.Errorf("Bates ranges %v", got)
	}
	res, body = a.get("/matters/case-b/export/exhibit.pdf")
	want(t, "exhibit", res, body, http.StatusOK, "")
	pages := pdfPageTexts(t, []byte(body))
	if len(pages) != 3 { // the index and two records
		t.Fatalf("exhibit of %d pages", len(pages))
	}
	if !strings.Contains(pages[0], "VIS 000041") || !strings.Contains(pages[0], "DOE000001") {
		t.Errorf("index page:\n%s", pages[0])
	}
	if !strings.Contains(pages[1], "DOE000001") || strings.Contains(pages[2], "DOE0000") || !strings.Contains(pages[2], "VIS 000041") {
		t.Errorf("record pages:\n%s\n---\n%s", pages[1], pages[2])
	}

	res, body = a.post("/matters/case-b/settings", url.Values{"keep_sender_bates": {"off"}})
	want(t, "untick", res, body, http.StatusSeeOther, "/matters/case-b?notice=saved")
	// The chronology is rebuilt by a job: wait for it.
	renumbered := [3]string{"DOE000002", "DOE000002", ""}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		got := ranges()
		if got["stamped.pdf"] == renumbered {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after unticking, Bates ranges %v, want stamped.pdf %v", got, renumbered)
		}
	}
}

// pdfPageTexts is the text of each page of a PDF, as pdftotext reads it.
func pdfPageTexts(t *testing.T, data []byte) []string {
	t.Helper()
	cmd := exec.Command("pdftotext", "-layout", "-", "-")
	cmd.Stdin = strings.NewReader(string(data))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}
